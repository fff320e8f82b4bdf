"""Turkish dates as CLDR writes them: "5 Aralık 2026" without the leading zero of Django's "d F Y"
("05 Aralık 2026"), and the short date with dots ("05.12.2026", where Django wrote "05 Ara 2026", which
does not fit where a short date is meant: tables, the cards' next start)."""

from wegweiser.site.formats import taking_admin_dates

DATE_FORMAT = "j F Y"
DATETIME_FORMAT = "j F Y H:i"
SHORT_DATE_FORMAT = "d.m.Y"
SHORT_DATETIME_FORMAT = "d.m.Y H:i"
MONTH_DAY_FORMAT = "j F"

DATE_INPUT_FORMATS, DATETIME_INPUT_FORMATS = taking_admin_dates("tr")
