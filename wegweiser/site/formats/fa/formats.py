"""Persian short date and time without the right-to-left mark of Django's "Y/n/j،‏ G:i": like every date the
portal writes, it reads the same isolated left to right (``|ltr``) as inside a right-to-left sentence."""

from wegweiser.site.formats import taking_admin_dates

SHORT_DATETIME_FORMAT = "Y/n/j، G:i"

DATE_INPUT_FORMATS, DATETIME_INPUT_FORMATS = taking_admin_dates("fa")
