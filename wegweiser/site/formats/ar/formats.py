"""Arabic: Django's locale sets no date and time pattern, so a deadline in a mail fell back to the English
"N j, Y, P" ("ديسمبر 5, 2026, 7:53 ص"). Written like the Arabic date, with the portal's 24-hour clock."""

DATETIME_FORMAT = "j F، Y، H:i"
SHORT_DATETIME_FORMAT = "d‏/m‏/Y H:i"
