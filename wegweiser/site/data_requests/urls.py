"""Public URLs of data requests, included below the language prefix (``/de/meine-daten/``)."""

from django.urls import path
from django.views.generic import RedirectView

from wegweiser.site.data_requests import views

app_name = "data_requests"

urlpatterns = [
    path("", views.request_data, name="request"),
    path("gesendet/", views.request_sent, name="sent"),
    path("<str:token>/", views.confirm, name="confirm"),
    # Links in mails the volunteers or the place alerts sent before the core took the requests over.
    path("<slug:kind>/<str:token>/", views.confirm, name="confirm_former"),
]


def former_data_request_paths(route: str, kind: str) -> list:
    """The addresses of an owner's own "my data" page from before the core took the requests over.

    Links in earlier mails lead to the core's page: ``route`` to the request form, ``route<token>/`` to the
    confirmation of that link for the owner's ``kind`` of personal data (its key in the registry).
    """
    return [
        path(route, RedirectView.as_view(pattern_name="data_requests:request", permanent=True)),
        path(
            f"{route}<str:token>/",
            RedirectView.as_view(pattern_name="data_requests:confirm_former"),
            {"kind": kind},
        ),
    ]
