"""Public views of the events plugin: calendars, iCal feeds and the registration form."""
