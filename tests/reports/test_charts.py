"""The office reads every report's bar charts in the German admin: geometry in plain numbers, whole labels.

German writes decimals with a comma; a chart whose SVG said ``y="17,0"`` drew nothing readable. These tests
render each report as a German-speaking office user and read the SVG back as geometry.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ElementTree

import pytest
from django.urls import reverse
from wagtail.users.models import UserProfile

from wegweiser.reports.charts import MAX_LABEL_CHARS, PLOT_WIDTH, bar_chart, svg_number

pytestmark = pytest.mark.django_db

SVG = "{http://www.w3.org/2000/svg}"
NUMERIC_ATTRIBUTES = ("x", "y", "width", "height")
PLAIN_NUMBER = re.compile(r"^-?\d+(\.\d+)?$")


@pytest.fixture
def german_office(client, office_user):
    profile = UserProfile.get_for_user(office_user)
    profile.preferred_language = "de"
    profile.save()
    client.force_login(office_user)
    return client


def charts_of(html: str) -> list[ElementTree.Element]:
    return [
        ElementTree.fromstring(svg) for svg in re.findall(r"<svg class=\"ww-chart\".*?</svg>", html, re.S)
    ]


def assert_chart_is_drawn_to_scale(svg: ElementTree.Element) -> list[tuple[str, int]]:
    """Check the geometry a browser would draw; return the bars as (label, value)."""
    viewbox = svg.get("viewBox").split(" ")
    assert all(PLAIN_NUMBER.match(number) for number in viewbox), viewbox
    for element in svg.iter():
        for name in NUMERIC_ATTRIBUTES:
            if name in element.attrib:
                assert PLAIN_NUMBER.match(element.get(name)), f"{element.tag} {name}={element.get(name)!r}"

    rows = [row for row in svg.iter(f"{SVG}g") if row.get("class") == "ww-chart__row"]
    assert rows, "a chart without bars"
    values = [int(row.get("data-value")) for row in rows]
    scale = PLOT_WIDTH / max(values) if max(values) else 0
    bars = []
    for row, value in zip(rows, values, strict=True):
        length = sum(float(rect.get("width")) for rect in row.iter(f"{SVG}rect"))
        assert length == pytest.approx(value * scale, abs=0.2), row.get("data-label")
        label = row.get("data-label")
        shown = next(text for text in row.iter(f"{SVG}text") if text.get("class") == "ww-chart__label")
        assert shown.find(f"{SVG}title").text == label
        if len(label) <= MAX_LABEL_CHARS:
            assert shown.find(f"{SVG}title").tail == label
        value_text = next(text for text in row.iter(f"{SVG}text") if text.get("class") == "ww-chart__value")
        assert value_text.text.strip() == str(value)
        bars.append((label, value))
    return bars


def test_coverage_chart_in_the_german_admin(german_office, town):
    response = german_office.get(reverse("reports:coverage"))
    html = response.content.decode()

    assert "Abdeckung" in html
    [chart] = charts_of(html)
    assert assert_chart_is_drawn_to_scale(chart) == [("Nordstadt", 3), ("Südstadt", 1), ("Altstadt", 0)]
    assert "Die Zahlen als Tabelle zeigen" in html


def test_freshness_charts_in_the_german_admin(german_office, town):
    html = german_office.get(reverse("reports:freshness")).content.decode()

    age_chart, organisations_chart = charts_of(html)
    assert sum(value for _label, value in assert_chart_is_drawn_to_scale(age_chart)) == 4
    assert assert_chart_is_drawn_to_scale(organisations_chart) == [("Verein A", 2), ("Verein B", 2)]


def test_duplicates_chart_in_the_german_admin(german_office, planted):
    html = german_office.get(reverse("reports:duplicates")).content.decode()

    [chart] = charts_of(html)
    bars = dict(assert_chart_is_drawn_to_scale(chart))
    assert bars["Sprache"] >= 1


@pytest.mark.parametrize("table", ["searches", "no_results", "filters"])
def test_demand_charts_in_the_german_admin(german_office, searches, table):
    html = german_office.get(reverse("reports:demand"), {"table": table}).content.decode()

    [chart] = charts_of(html)
    bars = assert_chart_is_drawn_to_scale(chart)
    assert len(bars) >= 2


def test_every_bar_has_a_row_in_the_table_behind_the_chart(german_office, town):
    html = german_office.get(reverse("reports:freshness")).content.decode()

    table = re.search(r'<details class="ww-chart-table">.*?</details>', html, re.S).group(0)
    assert '<th scope="row">' in table
    assert "bis 3 Monate" in table or "3 bis 6 Monate" in table


def test_svg_numbers_never_use_a_decimal_comma(settings):
    settings.USE_THOUSAND_SEPARATOR = True
    from django.utils import translation

    with translation.override("de"):
        chart = bar_chart(
            "Test", [("a", [(1234, "x")], ""), ("b", [(7, "x")], "")], label_heading="", value_heading=""
        )
        assert [bar.y_attr for bar in chart.bars] == ["4", "30"]
        assert chart.bars[1].segments[0].width_attr == svg_number(7 * PLOT_WIDTH / 1234) == "2.4"
