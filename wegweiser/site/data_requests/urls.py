"""Public URLs of data requests, included below the language prefix (``/de/meine-daten/``)."""

from django.urls import path

from wegweiser.site.data_requests import views

app_name = "data_requests"

urlpatterns = [
    path("", views.request_data, name="request"),
    path("gesendet/", views.request_sent, name="sent"),
    path("<str:token>/", views.confirm, name="confirm"),
    # Links in mails the volunteers or the place alerts sent before the core took the requests over.
    path("<slug:kind>/<str:token>/", views.confirm, name="confirm_former"),
]
