"""The office's report charts as Chromium draws them in the German admin: bars to scale, labels whole.

The server-side test (tests/reports/test_charts.py) reads the SVG's numbers; this one measures what the
browser actually lays out, where a decimal comma once shrank every label to one letter and "32" to "3".
"""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from tests.browser.conftest import DESKTOP

pytestmark = pytest.mark.browser
REPORTS = ("coverage", "freshness", "demand", "duplicates")

MEASURE = """svgs => svgs.map(svg => {
  const box = svg.getBoundingClientRect();
  return [...svg.querySelectorAll('g.ww-chart__row')].map(row => {
    const rects = [...row.querySelectorAll('rect')].map(r => r.getBoundingClientRect());
    const label = row.querySelector('text.ww-chart__label').getBoundingClientRect();
    const value = row.querySelector('text.ww-chart__value');
    const valueBox = value.getBoundingClientRect();
    return {
      value: Number(row.dataset.value), label: row.dataset.label, valueText: value.textContent.trim(),
      bar: rects.reduce((sum, r) => sum + r.width, 0), barLeft: rects.length ? rects[0].left : null,
      labelLeft: label.left, labelRight: label.right, labelWidth: label.width,
      valueLeft: valueBox.left, valueRight: valueBox.right, valueWidth: valueBox.width,
      svgLeft: box.left, svgRight: box.right,
    };
  });
})"""


def test_every_report_chart_is_drawn_to_scale_with_whole_labels_in_the_german_admin(
    office_in_german, live_server
):
    page = office_in_german
    measured_charts = 0
    for report in REPORTS:
        page.goto(f"{live_server.url}{reverse(f'reports:{report}')}")
        assert page.locator("html").get_attribute("lang") == "de"
        charts = page.locator("svg.ww-chart").evaluate_all(MEASURE)
        for rows in charts:
            measured_charts += 1
            largest = max(row["value"] for row in rows)
            widest = max(row["bar"] for row in rows)
            for row in rows:
                where = f"{report}: {row['label']}"
                # Bars to scale: as long as the value says, relative to the longest.
                assert row["bar"] == pytest.approx(row["value"] / largest * widest, abs=1.0), where
                # The label is drawn whole (not one letter), inside the chart, left of its bar.
                assert row["labelWidth"] >= min(len(row["label"]), 10) * 3, where
                assert row["labelLeft"] >= row["svgLeft"] - 0.5, where
                if row["barLeft"] is not None and row["bar"] > 0:
                    assert row["labelRight"] <= row["barLeft"] + 0.5, where
                # The number is whole ("32", never "3") and inside the chart.
                assert row["valueText"].split()[0] == str(row["value"]), where
                assert row["valueWidth"] >= len(str(row["value"])) * 4, where
                assert row["valueRight"] <= row["svgRight"] + 0.5, where
    assert measured_charts >= len(REPORTS), "each report draws at least one chart from the demo town"


PRINT_LAYOUT = """() => {
  const page = document.documentElement.getBoundingClientRect();
  const visible = el => el && el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
  return {
    width: page.width,
    town: document.querySelector('.ww-print__town').textContent.trim(),
    facts: document.querySelector('.ww-print__facts').textContent.replace(/\\s+/g, ' ').trim(),
    charts: [...document.querySelectorAll('svg.ww-chart')].map(svg => {
      const box = svg.getBoundingClientRect();
      return {left: box.left, right: box.right, height: box.height};
    }),
    chartTables: [...document.querySelectorAll('.ww-chart-table table')].map(visible),
    buttons: [...document.querySelectorAll('.ww-print__actions')].map(visible),
    chrome: document.querySelectorAll('aside, nav, .w-sidebar, [data-side-panel], .w-header, form').length,
  };
}"""


def test_every_report_prints_on_a4_with_town_date_filters_chart_and_table_in_the_german_admin(
    office_in_german, live_server
):
    """The "Print / PDF" button leads to a page that prints as a document: no admin around it, the chart
    within the paper's width and the figures behind it as a table. Chromium prints it to a PDF."""
    page = office_in_german
    for report in REPORTS:
        page.goto(f"{live_server.url}{reverse(f'reports:{report}')}?listing_type=offer")
        page.get_by_role("link", name="Drucken / PDF").click()
        page.wait_for_url(re.compile(rf"/{report}/print/\?listing_type=offer$"))
        page.emulate_media(media="print")
        page.set_viewport_size({"width": 718, "height": 1000})  # A4 less the page margins, at 96 dpi

        layout = page.evaluate(PRINT_LAYOUT)

        assert layout["town"] == "Integrationsbüro Neustadt am Fluss", report
        assert layout["facts"].startswith("Stand:"), report
        if report != "demand":  # the demand report has no listing-type filter
            assert "Filter: Art des Eintrags: Angebote" in layout["facts"], report
        assert layout["chrome"] == 0, report
        assert layout["buttons"] == [False], "the print button is not printed"
        assert layout["charts"], f"{report}: a chart"
        for chart in layout["charts"]:
            assert chart["left"] >= 0 and chart["right"] <= layout["width"] + 0.5, report
            assert chart["height"] > 20, report
        assert layout["chartTables"] and all(layout["chartTables"]), f"{report}: the chart's table is printed"

        pdf = page.pdf(format="A4", prefer_css_page_size=True)
        assert pdf.startswith(b"%PDF"), report
        assert 1 <= len(re.findall(rb"/Type\s*/Page\b", pdf)) <= 6, report
        page.emulate_media(media="screen")
        page.set_viewport_size(DESKTOP)
