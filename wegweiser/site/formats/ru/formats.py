"""Russian dates and times as CLDR writes them: "5 декабря 2026 г., 09:37" with a comma and a two-digit hour,
where Django's locale ran them together ("5 декабря 2026 г. 9:37"); a day and month name the month in the
genitive ("5 декабря"), where Django's "j F" wrote "5 Декабрь"."""

DATETIME_FORMAT = "j E Y г., H:i"
MONTH_DAY_FORMAT = "j E"
TIME_FORMAT = "H:i"
