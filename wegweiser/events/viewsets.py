"""Admin views: each partner sees and manages only its own calendar feeds and the registrations for its events."""

from __future__ import annotations

import datetime

import django_filters
from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSetGroup

from wegweiser.events.feed_form import CalendarFeedForm
from wegweiser.events.models import CalendarFeed, EventPage, EventRegistration
from wegweiser.events.registration_mails import send_registration_mail, withdraw_and_tell
from wegweiser.plugin_api import (
    OrganisationScopedViewSet,
    SpreadsheetExportMixin,
    language_name,
    original_title,
    scope_queryset,
)


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


def _own_events(request):
    """The events whose registrations the user may see, each once by its German title: a filter must not name
    another organisation's events."""
    german = EventPage.objects.filter(locale__language_code=settings.LANGUAGE_CODE).order_by("title")
    return scope_queryset(german, request.user) if request else german.none()


class RegistrationFilterSet(WagtailFilterSet):
    """Status, and the event: a course provider with ten events looks at one. An event takes the
    registrations of its every language version (someone registered on the Arabic page too)."""

    event = django_filters.ModelChoiceFilter(
        label=_("Event"), queryset=_own_events, method="filter_event", empty_label=_("All events")
    )

    class Meta:
        model = EventRegistration
        fields = ["status", "event"]

    def filter_event(self, queryset, name, value):
        return queryset.filter(event__translation_key=value.translation_key) if value else queryset


class RegistrationIndexView(SpreadsheetExportMixin, generic.IndexView):
    """The list, and its export as the partner's spreadsheet: local times, the status as the list says it,
    and a CSV German spreadsheet programs open (semicolons, UTF-8 with BOM)."""

    custom_field_preprocess = {
        "status": {generic.IndexView.FORMAT_CSV: _status_label, generic.IndexView.FORMAT_XLSX: _status_label},
        "language": {
            generic.IndexView.FORMAT_CSV: language_name,
            generic.IndexView.FORMAT_XLSX: language_name,
        },
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
        # Each registration's event as the organisation wrote it, as the filter names it: one made on the
        # Arabic page was listed by the Arabic title.
        return super().get_base_queryset().annotate(event_title=original_title("event"))

    def get_filename(self) -> str:
        """A name the partner recognises among their downloads, as the volunteer inbox's export has
        ("events_eventregistration.csv" before)."""
        return f"veranstaltungs-anmeldungen-{timezone.localdate():%Y-%m-%d}"


class RegistrationStatusForm(WagtailAdminModelForm):
    """What a partner may change about a registration: not the person's name, address, event or date (the
    person gave them), only its status, and only as the event's own rules allow. Withdrawing gives the place
    back and moves the first on the waiting list up, with their mail; taking someone from the waiting list
    tells them they have a place; the person withdrawn is told too. The form had offered every field and
    status, with no check and no mail."""

    class Meta:
        model = EventRegistration
        fields = ["status"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        Status = EventRegistration.Status
        current = self.instance.status
        allowed = {current, Status.WITHDRAWN}
        if current == Status.WAITING and self.instance.confirmed_at is not None:
            allowed.add(Status.CONFIRMED)
        self.fields["status"].choices = [
            (value, label) for value, label in Status.choices if value in allowed
        ]

    def save(self, commit=True):
        Status = EventRegistration.Status
        registration, before = self.instance, self.initial["status"]
        after = registration.status
        if after == before:
            return super().save(commit)
        if after == Status.WITHDRAWN:
            registration.status = before
            withdraw_and_tell(registration, by_organiser=True)
            return registration
        registration = super().save(commit)
        send_registration_mail(registration, "moved_up")  # from the waiting list to a place
        return registration


class RegistrationDeleteView(generic.DeleteView):
    """Deleting a registration gives its place back as withdrawing does: the first on the waiting list moves
    up and is told. (The person deleted is not: a partner deletes what should not be there at all.)"""

    def delete_action(self):
        with transaction.atomic():
            if self.object.status != EventRegistration.Status.WITHDRAWN:
                withdraw_and_tell(self.object)
            super().delete_action()


class EventRegistrationViewSet(OrganisationScopedViewSet):
    model = EventRegistration
    name = "event_registrations"
    icon = "group"
    menu_label = _("Event registrations")
    list_display = [
        "name",
        "email",
        Column("event_title", label=_("Event"), sort_key="event_title"),
        "occurrence_start",
        "status",
        "created_at",
    ]
    list_export = ["name", "email", "event_title", "occurrence_start", "status", "language", "created_at"]
    export_headings = {"event_title": _("Event")}
    filterset_class = RegistrationFilterSet
    index_view_class = RegistrationIndexView
    delete_view_class = RegistrationDeleteView
    edit_handler = ObjectList(
        [
            *(FieldPanel(name, read_only=True) for name in ("name", "email", "event", "occurrence_start")),
            FieldPanel("status"),
        ],
        base_form_class=RegistrationStatusForm,
    )
    copy_view_enabled = False
    inspect_view_enabled = False

    def get_urlpatterns(self):
        """Registrations come from the people themselves, on the event's page: none is added here."""
        return [pattern for pattern in super().get_urlpatterns() if pattern.name != "add"]

    def get_index_view_kwargs(self, **kwargs):
        return {**super().get_index_view_kwargs(**kwargs), "add_url_name": None}


class EventAdminViewSetGroup(ModelViewSetGroup):
    menu_label = _("Events")
    menu_icon = "date"
    menu_order = 250
    items = (CalendarFeedViewSet, EventRegistrationViewSet)
