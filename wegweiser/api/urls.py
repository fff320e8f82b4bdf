"""The API's URLs below ``/api/``: the version is part of the path (``/api/v1/``)."""

from django.urls import path
from django.views.generic import RedirectView

from wegweiser.api.versions import CurrentApiResolver

urlpatterns = [
    path("", RedirectView.as_view(url="v1/", permanent=False)),
    CurrentApiResolver("v1/"),
]
