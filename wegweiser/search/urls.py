from django.urls import path
from django.utils.translation import pgettext_lazy
from django.views.generic import RedirectView

from wegweiser.search import views
from wegweiser.search.alerts import views as alerts

app_name = "search"
urlpatterns = [
    path(pgettext_lazy("URL path", "search/"), views.search, name="search"),
    path(pgettext_lazy("URL path", "search/suggest/"), views.suggest, name="suggest"),
    # The English path from before the paths were translated; in English it is the search itself (above).
    path("search/", views.old_search_address, name="old-search-address"),
    # Place alerts: German paths in every language, like the volunteers' pages.
    path("benachrichtigung/", alerts.new_alert, name="place_alert"),
    path("benachrichtigung/gesendet/", alerts.alert_sent, name="place_alert_sent"),
    path("benachrichtigung/bestaetigen/<str:token>/", alerts.confirm_alert, name="place_alert_confirm"),
    path("benachrichtigung/abbestellen/<str:token>/", alerts.stop_alert, name="place_alert_stop"),
    path("benachrichtigung/verlaengern/<str:token>/", alerts.extend_alert, name="place_alert_extend"),
    # A copy or the deletion of one's data is the core's page; links from earlier mails lead there.
    path(
        "benachrichtigung/meine-daten/",
        RedirectView.as_view(pattern_name="data_requests:request", permanent=True),
    ),
    path(
        "benachrichtigung/meine-daten/<str:token>/",
        RedirectView.as_view(pattern_name="data_requests:confirm_former"),
        {"kind": "place_alerts"},
    ),
]
