"""Public URLs of the events plugin, included under ``/<language>/kalender/``."""

from django.urls import path

from wegweiser.events.views import calendar, feeds, registration

app_name = "events"

urlpatterns = [
    path("", calendar.upcoming, name="upcoming"),
    path("monat/", calendar.month, name="month-current"),
    path("monat/<int:year>/<int:month>/", calendar.month, name="month"),
    path("feed.ics", feeds.filtered_feed, name="feed"),
    path("organisation/<int:pk>.ics", feeds.organisation_feed, name="organisation-feed"),
    path("veranstaltung/<int:pk>.ics", feeds.event_feed, name="event-feed"),
    path("anmelden/<int:pk>/", registration.register, name="register"),
    path("anmelden/<int:pk>/gesendet/", registration.registration_sent, name="registration-sent"),
    path(
        "anmeldung/<str:token>/bestaetigen/", registration.confirm_registration, name="confirm-registration"
    ),
    path("anmeldung/<str:token>/", registration.withdraw_registration, name="withdraw-registration"),
    path(
        "anmeldung/<str:token>/termin.ics", registration.registration_calendar, name="registration-calendar"
    ),
]
