"""English dates for newcomers in Germany: "11 December 2026" and the portal's 24-hour clock, not Django's
American "Dec. 11, 2026, 6:05 p.m.". Django's short date "12/11/2026" was read as 12 November by everyone
who does not write the month first; "11 Dec 2026" reads the same to all. The calendars and event pages
show "18:00" in every language, so the schedules and the mails' deadlines do too."""

from wegweiser.site.formats import taking_admin_dates

DATE_FORMAT = "j F Y"
DATETIME_FORMAT = "j F Y, H:i"
TIME_FORMAT = "H:i"
SHORT_DATE_FORMAT = "j M Y"
SHORT_DATETIME_FORMAT = "j M Y, H:i"
MONTH_DAY_FORMAT = "j F"

DATE_INPUT_FORMATS, DATETIME_INPUT_FORMATS = taking_admin_dates("en")
