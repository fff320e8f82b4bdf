"""Charts drawn by the portal itself: the geometry of a horizontal bar chart, rendered as inline SVG.

No JavaScript library and no external service: the template ``reports/includes/bar_chart.html`` turns a
:class:`BarChart` into an ``<svg>`` plus a table of the same figures, so charts also work in print and for
screen readers. Every number that goes into an SVG attribute is formatted here, as a string, with
:func:`svg_number`: the template never formats a number itself, so the admin's locale (German writes
``17,0``) cannot garble the geometry.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

ROW_HEIGHT = 26
BAR_HEIGHT = 18
LABEL_WIDTH = 280
LABEL_GAP = 8
PLOT_WIDTH = 420
VALUE_WIDTH = 130
MAX_LABEL_CHARS = 36


def svg_number(value: float) -> str:
    """``value`` as SVG wants it, whatever the active locale: a dot, one decimal at most, no grouping."""
    text = f"{float(value):.1f}"
    return text.removesuffix(".0") if text != "-0.0" else "0"


@dataclass
class Segment:
    value: int
    css_class: str
    label: str = ""
    x: float = 0
    width: float = 0

    @property
    def x_attr(self) -> str:
        return svg_number(self.x)

    @property
    def width_attr(self) -> str:
        return svg_number(self.width)

    @property
    def value_text(self) -> str:
        return str(self.value)


@dataclass
class Bar:
    label: str
    segments: list[Segment]
    y: float = 0
    url: str = ""
    marker: str = ""

    @property
    def value(self) -> int:
        return sum(segment.value for segment in self.segments)

    @property
    def value_text(self) -> str:
        return str(self.value)

    @property
    def short_label(self) -> str:
        text = str(self.label)
        return text if len(text) <= MAX_LABEL_CHARS else text[: MAX_LABEL_CHARS - 1] + "…"

    @property
    def y_attr(self) -> str:
        return svg_number(self.y)

    @property
    def text_y_attr(self) -> str:
        return svg_number(self.y + BAR_HEIGHT / 2 + 4)

    @property
    def end_x_attr(self) -> str:
        return svg_number(LABEL_WIDTH + sum(segment.width for segment in self.segments) + 6)


@dataclass
class BarChart:
    title: Any
    bars: list[Bar]
    legend: Sequence[tuple[str, Any]] = field(default_factory=tuple)
    description: Any = ""
    label_heading: Any = ""
    value_heading: Any = ""

    label_x_attr: str = svg_number(LABEL_WIDTH - LABEL_GAP)
    bar_height_attr: str = svg_number(BAR_HEIGHT)

    @property
    def width_attr(self) -> str:
        return svg_number(LABEL_WIDTH + PLOT_WIDTH + VALUE_WIDTH)

    @property
    def height_attr(self) -> str:
        return svg_number(max(1, len(self.bars)) * ROW_HEIGHT + 8)

    @property
    def segment_headings(self) -> list[Any]:
        """The table's columns for the parts of a bar, when a bar has more than one (with results / without)."""
        if not self.bars or len(self.bars[0].segments) < 2:
            return []
        return [segment.label for segment in self.bars[0].segments]


def bar_chart(
    title: Any,
    rows: Sequence[tuple[Any, Sequence[tuple[int, str]], str]],
    *,
    label_heading: Any,
    value_heading: Any,
    legend: Sequence[tuple[str, Any]] = (),
    description: Any = "",
    marker_at_most: int | None = None,
    marker: Any = "",
) -> BarChart:
    """Lay out bars for ``rows`` of ``(label, [(value, css_class), …], url)``.

    ``label_heading`` and ``value_heading`` head the table behind the chart. Bars whose total is at most
    ``marker_at_most`` get the text ``marker`` next to their value, so a gap is visible without telling
    colours apart.
    """
    legend_labels = dict(legend)
    largest = max((sum(value for value, _css in segments) for _label, segments, _url in rows), default=0)
    scale = PLOT_WIDTH / largest if largest else 0
    bars = []
    for index, (label, segments, url) in enumerate(rows):
        x = float(LABEL_WIDTH)
        laid_out = []
        for value, css_class in segments:
            width = value * scale
            laid_out.append(
                Segment(
                    value=value, css_class=css_class, label=legend_labels.get(css_class, ""), x=x, width=width
                )
            )
            x += width
        total = sum(value for value, _css in segments)
        bar = Bar(label=str(label), segments=laid_out, y=index * ROW_HEIGHT + 4, url=url)
        if marker_at_most is not None and total <= marker_at_most:
            bar.marker = str(marker)
        bars.append(bar)
    return BarChart(
        title=title,
        bars=bars,
        legend=legend,
        description=description,
        label_heading=label_heading,
        value_heading=value_heading,
    )
