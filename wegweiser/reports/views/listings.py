"""The listings behind a number: where the coverage and freshness reports drill down to."""

from __future__ import annotations

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wegweiser.reports.filters import ListingsFilterSet
from wegweiser.reports.selection import stale_cutoff
from wegweiser.reports.views.base import OfficeReportView


class ListingsReportView(OfficeReportView):
    page_title = _("Listings")
    header_icon = "doc-full"
    url_name = "listings"
    filterset_class = ListingsFilterSet
    export_columns = {
        "title": _("Title"),
        "type_label": _("Listing type"),
        "organisation": _("Organisation"),
        "district": _("District"),
        "last_reviewed": _("Last reviewed"),
        "is_stale": _("Stale"),
        "public_url": _("Address"),
    }
    table_columns = ("title", "type_label", "organisation", "district", "last_reviewed")

    def get_rows(self):
        cutoff = stale_cutoff()
        today = timezone.localdate()
        rows = []
        for listing_type, queryset in self.selection.querysets():
            for listing in queryset.select_related("organisation", "district").order_by():
                listing.type_label = str(listing_type.verbose_name)
                listing.is_stale = listing.last_reviewed is None or listing.last_reviewed < cutoff
                listing.days_since_review = (
                    (today - listing.last_reviewed).days if listing.last_reviewed else None
                )
                rows.append(listing)
        rows.sort(key=lambda listing: (listing.title.lower(), listing.pk))
        return rows

    def to_row_dict(self, item):
        """One exported line; the public address is only worked out for exports, not for every page view."""
        values = {
            "title": item.title,
            "type_label": item.type_label,
            "organisation": item.organisation.title if item.organisation else "",
            "district": item.district.name if item.district else "",
            "last_reviewed": item.last_reviewed,
            "is_stale": str(_("yes") if item.is_stale else _("no")),
            "public_url": item.get_full_url(self.request) or "",
        }
        return {field: values[field] for field in self.list_export}
