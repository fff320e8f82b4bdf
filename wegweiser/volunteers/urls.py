from django.urls import path
from django.views.generic import RedirectView

from wegweiser.volunteers import views

app_name = "volunteers"

urlpatterns = [
    path("anmelden/<int:opportunity_id>/", views.signup, name="signup"),
    path("anmelden/<int:opportunity_id>/danke/", views.signup_done, name="signup_done"),
    path("bestaetigen/<str:token>/", views.confirm, name="confirm"),
    path("abmelden/<str:token>/", views.withdraw, name="withdraw"),
    # A copy or the deletion of one's data is the core's page; links from earlier mails lead there.
    path("meine-daten/", RedirectView.as_view(pattern_name="data_requests:request", permanent=True)),
    path(
        "meine-daten/<str:token>/",
        RedirectView.as_view(pattern_name="data_requests:confirm_former"),
        {"kind": "volunteer_sign_ups"},
    ),
]
