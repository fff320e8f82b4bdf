"""Public URLs of account requests, included below the language prefix."""

from django.urls import path

from wegweiser.site.accounts import views

app_name = "accounts"

urlpatterns = [
    path("zugang-beantragen/", views.request_account, name="request"),
    path("zugang-beantragen/danke/", views.request_done, name="request_done"),
    path("einladung/<str:uidb64>/<str:token>/", views.set_password, name="set_password"),
]
