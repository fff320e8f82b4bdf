"""Ukrainian dates without a leading zero on the day (CLDR: "5 грудня 2026 р."); Django's locale writes
"05 грудня 2026 р.". A time follows the date with "о" ("5 грудня 2026 р. о 09:37"). A day and month name
the month in the genitive ("5 грудня"), where Django's "d F" wrote "05 Грудень"."""

DATE_FORMAT = "j E Y р."
DATETIME_FORMAT = "j E Y р. о H:i"
MONTH_DAY_FORMAT = "j E"
