"""Ukrainian dates without a leading zero on the day (CLDR: "5 грудня 2026 р."); Django's locale writes
"05 грудня 2026 р.". A time follows the date with "о" ("5 грудня 2026 р. о 09:37")."""

DATE_FORMAT = "j E Y р."
DATETIME_FORMAT = "j E Y р. о H:i"
