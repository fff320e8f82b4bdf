from django.urls import path

from wegweiser.volunteers import inbox, report

app_name = "volunteers_inbox"

urlpatterns = [
    path("", inbox.InboxView.as_view(), name="index"),
    path("<int:pk>/", inbox.ApplicationDetailView.as_view(), name="detail"),
    path("export.csv", inbox.ExportView.as_view(), name="export"),
    path("report/", report.VolunteeringReportView.as_view(), name="report"),
]
