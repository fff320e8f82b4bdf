"""Arabic dates as Arabic writes them (CLDR: "8 ديسمبر 2026", the weekday before it with "، "), not with the
English comma before the year that Django's locale has ("8 ديسمبر، 2026"). Django's locale sets no date and
time pattern at all, so a deadline in a mail fell back to the English "N j, Y, P" ("ديسمبر 5, 2026, 7:53 ص");
it gets the portal's 24-hour clock, as the calendars show it; so does ``TIME_FORMAT`` (Django's "g:i A",
"6:00 م", made a course's schedule read otherwise than the event pages' "18:00").

The short date is "31/12/2026" without the right-to-left marks of Django's "d‏/m‏/Y": the portal isolates a
short date left to right (``|ltr``), where the marks scrambled it to "312026/12/"; without them it reads the
same in a right-to-left sentence too."""

from wegweiser.site.formats import taking_admin_dates

DATE_FORMAT = "j F Y"
DATETIME_FORMAT = "j F Y، H:i"
TIME_FORMAT = "H:i"
SHORT_DATE_FORMAT = "d/m/Y"
SHORT_DATETIME_FORMAT = "d/m/Y H:i"

DATE_INPUT_FORMATS, DATETIME_INPUT_FORMATS = taking_admin_dates("ar")
