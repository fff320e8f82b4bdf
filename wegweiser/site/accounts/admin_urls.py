from django.urls import path

from wegweiser.site.accounts import admin_views

app_name = "account_requests"

urlpatterns = [
    path("", admin_views.RequestListView.as_view(), name="index"),
    path("<int:pk>/", admin_views.RequestDetailView.as_view(), name="detail"),
    path("<int:pk>/approve/", admin_views.ApproveView.as_view(), name="approve"),
    path("<int:pk>/reject/", admin_views.RejectView.as_view(), name="reject"),
    path("<int:pk>/resend/", admin_views.ResendInvitationView.as_view(), name="resend"),
    path("<int:pk>/withdraw/", admin_views.WithdrawInvitationView.as_view(), name="withdraw"),
    path("<int:pk>/delete/", admin_views.DeleteView.as_view(), name="delete"),
]
