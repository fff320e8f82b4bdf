from django.urls import path

from wegweiser.volunteers import views

app_name = "volunteers"

urlpatterns = [
    path("anmelden/<int:opportunity_id>/", views.signup, name="signup"),
    path("anmelden/danke/", views.signup_done, name="signup_done"),
    path("bestaetigen/<str:token>/", views.confirm, name="confirm"),
    path("abmelden/<str:token>/", views.withdraw, name="withdraw"),
    path("meine-daten/", views.data_request, name="data_request"),
    path("meine-daten/gesendet/", views.data_request_done, name="data_request_done"),
    path("meine-daten/<str:token>/", views.data_request_confirm, name="data_request_confirm"),
]
