"""The reports' filter forms. They only validate input; the reports turn the cleaned values into a selection.

Choices are callables, so new listing types, terms and organisations appear without a restart.
"""

from __future__ import annotations

import django_filters
from django.conf import settings
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from wagtail.admin.active_filters import BaseFilterAdapter, register_filter_adapter_class
from wagtail.admin.filters import WagtailFilterSet
from wagtail.models import Locale

from wegweiser.reports.coverage import DIMENSIONS
from wegweiser.reports.selection import ListingSelection, kind_choices
from wegweiser.site.admin_widgets import DateInput
from wegweiser.site.models import District, Language, OrganisationPage, TargetGroup, Topic
from wegweiser.site.registry import listing_types
from wegweiser.site.taxonomy_labels import term_choices


class DateFilterAdapter(BaseFilterAdapter):
    """A chosen day as the report's text writes it ("29.11.2026"), in the filter bar and on the print page.

    Wagtail shows a single date filter's value as Python writes it ("2026-11-29").
    """

    def get_active_filters(self):
        return [
            active._replace(value=date_format(self.value, "SHORT_DATE_FORMAT"))
            for active in super().get_active_filters()
        ]


register_filter_adapter_class(django_filters.DateFilter, DateFilterAdapter)


class BooleanFilterAdapter(BaseFilterAdapter):
    """A yes-or-no filter as "ja" or "nein", in the filter bar and on the print page: Wagtail wrote Python's "True"."""

    def get_active_filters(self):
        return [
            active._replace(value=str(_("yes") if self.value else _("no")))
            for active in super().get_active_filters()
        ]


register_filter_adapter_class(django_filters.BooleanFilter, BooleanFilterAdapter)


def _listing_type_choices():
    return [(key, listing_type.verbose_name_plural) for key, listing_type in listing_types().items()]


def _terms(model):
    return lambda: term_choices(model)


def _organisation_choices():
    default_locale = Locale.get_default()
    return list(
        OrganisationPage.objects.filter(locale=default_locale).order_by("title").values_list("pk", "title")
    )


def _locale_choices():
    return list(settings.LANGUAGES)


def _choice(label, choices, **kwargs):
    return django_filters.ChoiceFilter(label=label, choices=choices, method="keep", **kwargs)


class ReportFilterSet(WagtailFilterSet):
    """Validates the report filters; ``keep`` leaves the (unused) queryset alone."""

    def keep(self, queryset, name, value):
        return queryset

    def selection(self) -> ListingSelection:
        data = self.form.cleaned_data if self.is_valid() else {}
        organisation = data.get("organisation")
        return ListingSelection(
            types=[data["listing_type"]] if data.get("listing_type") else [],
            target_group=data.get("target_group") or "",
            kind=data.get("kind") or "",
            current_on=data.get("current_on"),
            topic=data.get("topic") or "",
            district=data.get("district") or "",
            language=data.get("language") or "",
            organisation=int(organisation) if organisation else None,
            stale_only=bool(data.get("stale")),
        )


def _current_on():
    return django_filters.DateFilter(
        label=_("Current on"),
        method="keep",
        widget=DateInput,
        help_text=_("Only listings visible on this day (default: today)."),
    )


class CoverageFilterSet(ReportFilterSet):
    across = _choice(
        _("Columns"), [(key, label) for key, (label, _lookup, _model) in DIMENSIONS.items()], empty_label=None
    )
    listing_type = _choice(_("Listing type"), _listing_type_choices)
    kind = _choice(_("Kind"), kind_choices)
    target_group = _choice(_("For whom"), _terms(TargetGroup))
    current_on = _current_on()


class ListingsFilterSet(ReportFilterSet):
    listing_type = _choice(_("Listing type"), _listing_type_choices)
    topic = _choice(_("Topic"), _terms(Topic))
    district = _choice(_("District"), _terms(District))
    language = _choice(_("Language spoken"), _terms(Language))
    kind = _choice(_("Kind"), kind_choices)
    target_group = _choice(_("For whom"), _terms(TargetGroup))
    organisation = _choice(_("Organisation"), _organisation_choices)
    stale = django_filters.BooleanFilter(
        label=_("Only stale listings"), method="keep", widget=django_filters.widgets.BooleanWidget
    )
    current_on = _current_on()


SIMILARITY_CHOICES = [("0.4", "40 %"), ("0.5", "50 %"), ("0.6", "60 %"), ("0.7", "70 %"), ("0.8", "80 %")]


class DuplicatesFilterSet(ReportFilterSet):
    listing_type = _choice(_("Listing type"), _listing_type_choices)
    topic = _choice(_("Topic"), _terms(Topic))
    district = _choice(_("District"), _terms(District))
    similarity = _choice(_("Minimum similarity"), SIMILARITY_CHOICES, empty_label=None)
    current_on = _current_on()

    def selection(self) -> ListingSelection:
        """Compare against all listings; topic and district only narrow the pairs shown."""
        selection = super().selection()
        selection.topic = selection.district = ""
        return selection


class FreshnessFilterSet(ReportFilterSet):
    listing_type = _choice(_("Listing type"), _listing_type_choices)
    topic = _choice(_("Topic"), _terms(Topic))
    district = _choice(_("District"), _terms(District))


DEMAND_TABLES = [
    ("searches", _("Most frequent searches")),
    ("no_results", _("Searches without results")),
    ("filters", _("Filters used most")),
    ("alerts", _("Waiting for a place")),
]


class DemandFilterSet(ReportFilterSet):
    table = _choice(_("Show"), DEMAND_TABLES, empty_label=None)
    start = django_filters.DateFilter(label=_("From"), method="keep", widget=DateInput)
    end = django_filters.DateFilter(label=_("Until"), method="keep", widget=DateInput)
    locale = _choice(_("Language of the visitor"), _locale_choices)
