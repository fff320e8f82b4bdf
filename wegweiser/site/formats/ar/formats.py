"""Arabic dates as Arabic writes them (CLDR: "8 ديسمبر 2026", the weekday before it with "، "), not with the
English comma before the year that Django's locale has ("8 ديسمبر، 2026"). Django's locale sets no date and
time pattern at all, so a deadline in a mail fell back to the English "N j, Y, P" ("ديسمبر 5, 2026, 7:53 ص");
it gets the portal's 24-hour clock."""

DATE_FORMAT = "j F Y"
DATETIME_FORMAT = "j F Y، H:i"
SHORT_DATETIME_FORMAT = "d‏/m‏/Y H:i"
