"""Charts drawn by the portal itself: the geometry of a horizontal bar chart, rendered as inline SVG.

No JavaScript library and no external service: the template ``reports/includes/bar_chart.html`` turns a
:class:`BarChart` into an ``<svg>`` with a text alternative, so charts also work in exports to PDF/print.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

ROW_HEIGHT = 26
BAR_HEIGHT = 18
LABEL_WIDTH = 220
PLOT_WIDTH = 420
VALUE_WIDTH = 110
MAX_LABEL_CHARS = 32


@dataclass
class Segment:
    value: int
    css_class: str
    x: float = 0
    width: float = 0


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
    def short_label(self) -> str:
        text = str(self.label)
        return text if len(text) <= MAX_LABEL_CHARS else text[: MAX_LABEL_CHARS - 1] + "…"

    @property
    def text_y(self) -> float:
        return self.y + BAR_HEIGHT / 2 + 4

    @property
    def end_x(self) -> float:
        return LABEL_WIDTH + sum(segment.width for segment in self.segments) + 6


@dataclass
class BarChart:
    title: Any
    bars: list[Bar]
    legend: Sequence[tuple[str, Any]] = field(default_factory=tuple)
    description: Any = ""

    label_width: int = LABEL_WIDTH
    bar_height: int = BAR_HEIGHT

    @property
    def width(self) -> int:
        return LABEL_WIDTH + PLOT_WIDTH + VALUE_WIDTH

    @property
    def height(self) -> int:
        return max(1, len(self.bars)) * ROW_HEIGHT + 8


def bar_chart(
    title: Any,
    rows: Sequence[tuple[Any, Sequence[tuple[int, str]], str]],
    *,
    legend: Sequence[tuple[str, Any]] = (),
    description: Any = "",
    marker_at_most: int | None = None,
    marker: Any = "",
) -> BarChart:
    """Lay out bars for ``rows`` of ``(label, [(value, css_class), …], url)``.

    Bars whose total is at most ``marker_at_most`` get the text ``marker`` next to their value, so a gap
    is visible without telling colours apart.
    """
    largest = max((sum(value for value, _css in segments) for _label, segments, _url in rows), default=0)
    scale = PLOT_WIDTH / largest if largest else 0
    bars = []
    for index, (label, segments, url) in enumerate(rows):
        x = float(LABEL_WIDTH)
        laid_out = []
        for value, css_class in segments:
            width = value * scale
            laid_out.append(Segment(value=value, css_class=css_class, x=x, width=width))
            x += width
        total = sum(value for value, _css in segments)
        bar = Bar(label=str(label), segments=laid_out, y=index * ROW_HEIGHT + 4, url=url)
        if marker_at_most is not None and total <= marker_at_most:
            bar.marker = str(marker)
        bars.append(bar)
    return BarChart(title=title, bars=bars, legend=legend, description=description)
