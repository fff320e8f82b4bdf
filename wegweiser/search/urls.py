from django.urls import path
from django.utils.translation import pgettext_lazy

from wegweiser.search import views

app_name = "search"
urlpatterns = [
    path(pgettext_lazy("URL path", "search/"), views.search, name="search"),
    path(pgettext_lazy("URL path", "search/suggest/"), views.suggest, name="suggest"),
    # The English path from before the paths were translated; in English it is the search itself (above).
    path("search/", views.old_search_address, name="old-search-address"),
]
