"""Admin views: each partner sees and manages only its own calendar feeds and the registrations for its events."""

from __future__ import annotations

import datetime

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import ObjectList
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSetGroup

from wegweiser.events.feed_form import CalendarFeedForm
from wegweiser.events.models import CalendarFeed, EventRegistration
from wegweiser.plugin_api import OrganisationScopedViewSet, SpreadsheetExportMixin


class CalendarFeedViewSet(OrganisationScopedViewSet):
    model = CalendarFeed
    name = "calendar_feeds"
    icon = "date"
    menu_label = _("Calendar import")
    add_to_admin_menu = False
    list_display = ["name", "organisation", "publish_mode", "last_synced", "last_error"]
    copy_view_enabled = False
    inspect_view_enabled = False
    edit_handler = ObjectList(CalendarFeed.panels, base_form_class=CalendarFeedForm)


def _status_label(value: str) -> str:
    return str(EventRegistration.Status(value).label)


class RegistrationIndexView(SpreadsheetExportMixin, generic.IndexView):
    """The list, and its export as the partner's spreadsheet: local times, the status as the list says it,
    and a CSV German spreadsheet programs open (semicolons, UTF-8 with BOM)."""

    custom_field_preprocess = {
        "status": {generic.IndexView.FORMAT_CSV: _status_label, generic.IndexView.FORMAT_XLSX: _status_label}
    }
    custom_value_preprocess = {
        **generic.IndexView.custom_value_preprocess,
        datetime.datetime: {
            generic.IndexView.FORMAT_CSV: lambda value: date_format(
                timezone.localtime(value), "SHORT_DATETIME_FORMAT"
            ),
            generic.IndexView.FORMAT_XLSX: lambda value: timezone.make_naive(value),
        },
    }

    def get_base_queryset(self):
        return super().get_base_queryset().select_related("event")


class EventRegistrationViewSet(OrganisationScopedViewSet):
    model = EventRegistration
    name = "event_registrations"
    icon = "group"
    menu_label = _("Event registrations")
    list_display = ["name", "email", "event", "occurrence_start", "status", "created_at"]
    list_export = ["name", "email", "event", "occurrence_start", "status", "language", "created_at"]
    list_filter = ["status"]
    index_view_class = RegistrationIndexView
    form_fields = ["event", "occurrence_start", "name", "email", "status"]
    copy_view_enabled = False
    inspect_view_enabled = False


class EventAdminViewSetGroup(ModelViewSetGroup):
    menu_label = _("Events")
    menu_icon = "date"
    menu_order = 250
    items = (CalendarFeedViewSet, EventRegistrationViewSet)
