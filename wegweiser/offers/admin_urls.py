from django.urls import path

from wegweiser.offers import admin_views

app_name = "offers_admin"
urlpatterns = [
    path("import/", admin_views.OfferImportView.as_view(), name="import"),
    path("import/template.csv", admin_views.import_template, name="template"),
]
