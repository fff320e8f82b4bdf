"""The admin's history of objects an organisation owns (registrations, feeds, sign-ups ...), each
organisation's own.

Wagtail shows a log entry to everyone with any permission on its model, and its label is the object's name
at the time ("Amal Test – Internationaler Kochabend"): every partner's "Site history" listed every
organisation's registrants. Entries are kept where Wagtail keeps them; this proxy, registered as the log
model of every model (``wagtail_hooks``), shows an entry of an organisation-owned object only to those
who act for its organisation, and the office, and labels a record of a person by its number.
"""

from __future__ import annotations

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import migrations
from django.db.models import CharField, Q, Value
from django.db.models.functions import Cast, Concat
from django.utils import translation
from django.utils.text import capfirst
from django.utils.translation import gettext
from wagtail.models import ModelLogEntry
from wagtail.models.audit_log import ModelLogEntryManager


class OrganisationLogEntryManager(ModelLogEntryManager):
    def get_instance_title(self, instance):
        """An organisation's record of a person (a registration, a sign-up) is logged by its number, not the
        person's name: the history outlives the record, which is erased on request or after its time."""
        # scoping imports the page models, which import this module
        from wegweiser.site.scoping import is_organisation_owned

        model = type(instance)
        if is_organisation_owned(model) and any(
            field.name == "email" for field in model._meta.concrete_fields
        ):
            return f"{capfirst(model._meta.verbose_name)} {instance.pk}"
        return super().get_instance_title(instance)

    def viewable_by_user(self, user):
        entries = super().viewable_by_user(user)
        # Asked several times per page (as Wagtail's own check): worked out once per request's user.
        if not hasattr(user, "_others_log_entries"):
            user._others_log_entries = _others_entries(user)
        return entries.exclude(user._others_log_entries) if user._others_log_entries else entries


def _others_entries(user) -> Q | None:
    """The entries of objects owned by organisations ``user`` does not act for (``None``: the office's view)."""
    # scoping imports the page models, which import this module
    from wegweiser.site.scoping import is_organisation_owned, scope_queryset, sees_the_whole_page_tree

    if sees_the_whole_page_tree(user):
        return None
    others = Q()
    for model in apps.get_models():
        if is_organisation_owned(model):
            own = scope_queryset(model._default_manager.all(), user)
            own_ids = own.annotate(logged_id=Cast("pk", CharField())).values("logged_id")
            content_type = ContentType.objects.get_for_model(model, for_concrete_model=False)
            others |= Q(content_type=content_type) & ~Q(object_id__in=own_ids)
    return others or None


class OrganisationLogEntry(ModelLogEntry):
    objects = OrganisationLogEntryManager()

    class Meta:
        proxy = True
        app_label = "core"


def label_records_by_number(app_label: str, model_name: str) -> migrations.RunPython:
    """A plugin's data migration for its model of a person's records: the entries logged before labelled
    them with the person's name; they are labelled by number as new ones are, in the default language."""

    def forwards(apps, schema_editor) -> None:
        content_type = (
            apps.get_model("contenttypes", "ContentType")
            .objects.filter(app_label=app_label, model=model_name)
            .first()
        )
        if content_type is None:  # a new database: nothing logged yet
            return
        with translation.override(settings.LANGUAGE_CODE):
            name = str(capfirst(gettext(apps.get_model(app_label, model_name)._meta.verbose_name)))
        entries = apps.get_model("wagtailcore", "ModelLogEntry").objects.filter(content_type=content_type)
        entries.update(label=Concat(Value(f"{name} "), "object_id"))

    return migrations.RunPython(forwards, migrations.RunPython.noop)
