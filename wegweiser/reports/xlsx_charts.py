"""The report's chart in its XLSX export: a native Excel bar chart over the exported rows.

The office forwards the spreadsheet or pastes the chart into a council paper; a native chart (not a
picture) stays editable and follows the figures if someone corrects a cell.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from openpyxl.chart import BarChart, Reference
from openpyxl.utils import get_column_letter

#: Bars beyond this are left out of the chart (the rows stay in the sheet): the rows come most important first.
MAX_BARS = 25


@dataclass(frozen=True)
class XlsxChart:
    """What a report charts: the columns (``list_export`` names) that label and measure each bar."""

    title: Any
    category_fields: Sequence[str]
    value_fields: Sequence[str]
    stacked: bool = False
    value_axis_title: Any = ""


def add_bar_chart(worksheet, spec: XlsxChart, fields: Sequence[str], row_count: int) -> BarChart | None:
    """Add ``spec`` as a horizontal bar chart to ``worksheet`` (header in row 1, data below), right of the data."""
    if not row_count or not spec.value_fields:
        return None
    bars = min(row_count, MAX_BARS)
    last_row = bars + 1
    columns = [fields.index(name) + 1 for name in spec.value_fields]
    category_columns = [fields.index(name) + 1 for name in spec.category_fields]

    chart = BarChart()
    chart.type = "bar"
    chart.title = str(spec.title)
    chart.style = 10
    if spec.stacked:
        chart.grouping = "stacked"
        chart.overlap = 100
    for column in columns:  # one series per column, each named by its header cell
        data = Reference(worksheet, min_col=column, max_col=column, min_row=1, max_row=last_row)
        chart.add_data(data, titles_from_data=True)
    chart.set_categories(
        Reference(
            worksheet,
            min_col=min(category_columns),
            max_col=max(category_columns),
            min_row=2,
            max_row=last_row,
        )
    )
    chart.x_axis.scaling.orientation = "maxMin"  # the first row at the top, as in the sheet
    chart.x_axis.delete = False
    chart.y_axis.delete = False
    chart.y_axis.majorGridlines = None
    if spec.value_axis_title:
        chart.y_axis.title = str(spec.value_axis_title)
    if len(columns) == 1:
        chart.legend = None
    chart.width = 18
    chart.height = max(7.5, 0.7 * bars + 3)
    worksheet.add_chart(chart, f"{get_column_letter(len(fields) + 2)}2")
    return chart
