"""Coverage: how many current listings there are per topic and district (or language spoken).

Empty and thin cells are the gaps an integration office reports to its council ("no counselling in
Arabic in the north of town"). Counting happens in the database, grouped per listing type.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from wegweiser.reports.selection import ListingSelection
from wegweiser.site.models import District, Language, Topic
from wegweiser.site.taxonomy_labels import term_choices

GAP = "gap"
THIN = "thin"
COVERED = "covered"

DIMENSIONS = {
    "district": (_("District"), "district__slug", District),
    "language": (_("Language spoken"), "languages__slug", Language),
}


def thin_at_most() -> int:
    """Cells with at least one but no more than this many listings count as thin."""
    return int(getattr(settings, "WEGWEISER_COVERAGE_THIN_AT_MOST", 1))


@dataclass
class CoverageCell:
    column: str
    column_label: str
    count: int
    status: str
    shade: int

    @property
    def is_gap(self) -> bool:
        return self.status == GAP

    @property
    def is_thin(self) -> bool:
        return self.status == THIN


@dataclass
class CoverageRow:
    """One topic's line of the matrix; ``values`` maps a column slug to its count (used by the exports)."""

    topic: str
    label: str
    cells: list[CoverageCell]
    total: int
    values: dict[str, int] = field(default_factory=dict)

    @property
    def gaps(self) -> int:
        """The row's empty cells (a column of the exports)."""
        return sum(cell.is_gap for cell in self.cells)


@dataclass
class CoverageMatrix:
    across: str
    columns: list[tuple[str, str]]
    rows: list[CoverageRow]
    column_totals: dict[str, int]
    listing_count: int
    without_topic: int
    without_column_value: int

    @property
    def across_label(self):
        return DIMENSIONS[self.across][0]

    @property
    def gap_count(self) -> int:
        return sum(row.gaps for row in self.rows)

    @property
    def thin_count(self) -> int:
        return sum(cell.is_thin for row in self.rows for cell in row.cells)


def status_for(count: int) -> str:
    if count == 0:
        return GAP
    if count <= thin_at_most():
        return THIN
    return COVERED


def coverage_matrix(selection: ListingSelection, across: str = "district") -> CoverageMatrix:
    """Count listings per (topic, column), per topic, per column; a listing counts once per cell it is in."""
    if across not in DIMENSIONS:
        raise ValueError(f"Unknown coverage dimension {across!r}")
    _label, lookup, column_model = DIMENSIONS[across]
    cells: Counter = Counter()
    row_totals: Counter = Counter()
    column_totals: Counter = Counter()
    listing_count = without_topic = without_column_value = 0
    for listing_type, queryset in selection.querysets():
        listings = listing_type.model.objects.filter(pk__in=queryset.values("pk")).order_by()
        listing_count += listings.count()
        for group in listings.values("topics__slug", lookup).annotate(n=Count("pk", distinct=True)):
            if group["topics__slug"] and group[lookup]:
                cells[group["topics__slug"], group[lookup]] += group["n"]
        for group in listings.values("topics__slug").annotate(n=Count("pk", distinct=True)):
            if group["topics__slug"]:
                row_totals[group["topics__slug"]] += group["n"]
            else:
                without_topic += group["n"]
        for group in listings.values(lookup).annotate(n=Count("pk", distinct=True)):
            if group[lookup]:
                column_totals[group[lookup]] += group["n"]
            else:
                without_column_value += group["n"]

    columns = term_choices(column_model)
    largest = max(cells.values(), default=0)
    rows = []
    for topic, topic_label in term_choices(Topic):
        row_cells = []
        for column, column_label in columns:
            count = cells[topic, column]
            shade = math.ceil(4 * count / largest) if largest and count else 0
            row_cells.append(CoverageCell(column, str(column_label), count, status_for(count), shade))
        rows.append(
            CoverageRow(
                topic=topic,
                label=str(topic_label),
                cells=row_cells,
                total=row_totals[topic],
                values={cell.column: cell.count for cell in row_cells},
            )
        )
    return CoverageMatrix(
        across=across,
        columns=[(slug, str(label)) for slug, label in columns],
        rows=rows,
        column_totals={slug: column_totals[slug] for slug, _label in columns},
        listing_count=listing_count,
        without_topic=without_topic,
        without_column_value=without_column_value,
    )
