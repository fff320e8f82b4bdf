from django.urls import path

from wegweiser.plugin_api import former_data_request_paths
from wegweiser.volunteers import views

app_name = "volunteers"

urlpatterns = [
    path("anmelden/<int:opportunity_id>/", views.signup, name="signup"),
    path("anmelden/<int:opportunity_id>/danke/", views.signup_done, name="signup_done"),
    path("bestaetigen/<str:token>/", views.confirm, name="confirm"),
    path("abmelden/<str:token>/", views.withdraw, name="withdraw"),
    *former_data_request_paths("meine-daten/", "volunteer_sign_ups"),
]
