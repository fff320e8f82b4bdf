"""Admin views: each partner sees and manages only its own calendar feeds and the registrations for its events."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup

from wegweiser.events.models import CalendarFeed, EventRegistration
from wegweiser.site.models import OrganisationPage


def organisations_of(user) -> QuerySet:
    """The organisations whose editors group ``user`` belongs to (every one for the office and admins)."""
    if user.is_superuser or user.has_perm("core.manage_organisations"):
        return OrganisationPage.objects.all()
    return OrganisationPage.objects.filter(editors_group__in=user.groups.all())


class OrganisationScoped:
    """Mixin for generic admin views: objects of other organisations are neither listed nor reachable."""

    organisation_lookup = "organisation"

    def scope(self, queryset: QuerySet) -> QuerySet:
        lookup = f"{self.organisation_lookup}__in"
        return queryset.filter(**{lookup: organisations_of(self.request.user)})

    def get_base_queryset(self):
        return self.scope(super().get_base_queryset())

    def get_object(self, queryset=None):
        obj = super().get_object(queryset)
        if not self.scope(type(obj).objects.filter(pk=obj.pk)).exists():
            raise PermissionDenied
        return obj


class FeedFormMixin:
    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        if "organisation" in form.fields:
            form.fields["organisation"].queryset = organisations_of(self.request.user).order_by("title")
        return form


class FeedIndexView(OrganisationScoped, generic.IndexView):
    pass


class FeedCreateView(FeedFormMixin, generic.CreateView):
    pass


class FeedEditView(OrganisationScoped, FeedFormMixin, generic.EditView):
    pass


class FeedDeleteView(OrganisationScoped, generic.DeleteView):
    pass


class CalendarFeedViewSet(ModelViewSet):
    model = CalendarFeed
    name = "calendar_feeds"
    icon = "date"
    menu_label = _("Calendar import")
    add_to_admin_menu = False
    list_display = ["name", "organisation", "publish_mode", "last_synced", "last_error"]
    index_view_class = FeedIndexView
    add_view_class = FeedCreateView
    edit_view_class = FeedEditView
    delete_view_class = FeedDeleteView
    copy_view_enabled = False
    inspect_view_enabled = False
    form_fields = ["organisation", "name", "url", "file", "publish_mode", "active"]


class RegistrationIndexView(OrganisationScoped, generic.IndexView):
    organisation_lookup = "event__organisation"

    def get_base_queryset(self):
        return super().get_base_queryset().select_related("event")


class RegistrationDeleteView(OrganisationScoped, generic.DeleteView):
    organisation_lookup = "event__organisation"


class EventRegistrationViewSet(ModelViewSet):
    model = EventRegistration
    name = "event_registrations"
    icon = "group"
    menu_label = _("Event registrations")
    list_display = ["name", "email", "event", "occurrence_start", "status", "created_at"]
    list_filter = ["status"]
    index_view_class = RegistrationIndexView
    delete_view_class = RegistrationDeleteView
    form_fields = ["event", "occurrence_start", "name", "email", "status"]
    copy_view_enabled = False
    inspect_view_enabled = False


class EventAdminViewSetGroup(ModelViewSetGroup):
    menu_label = _("Events")
    menu_icon = "date"
    menu_order = 250
    items = (CalendarFeedViewSet, EventRegistrationViewSet)
