from django.urls import path

from wegweiser.offers import admin_views

app_name = "offers_admin"
urlpatterns = [
    path("listings/<int:page_id>/still-valid/", admin_views.still_valid, name="still_valid"),
]
