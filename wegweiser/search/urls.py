from django.urls import path
from django.utils.translation import pgettext_lazy

from wegweiser.search import views
from wegweiser.search.alerts import views as alerts
from wegweiser.site.data_requests.urls import former_data_request_paths

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
    *former_data_request_paths("benachrichtigung/meine-daten/", "place_alerts"),
]
