"""The office's report charts as Chromium draws them in the German admin: bars to scale, labels whole.

The server-side test (tests/reports/test_charts.py) reads the SVG's numbers; this one measures what the
browser actually lays out, where a decimal comma once shrank every label to one letter and "32" to "3".
"""

from __future__ import annotations

import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.users.models import UserProfile

from wegweiser.site.models.pages import office_group_name

pytestmark = pytest.mark.browser
PASSWORD = "correct horse battery"
DESKTOP = {"width": 1280, "height": 900}
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


@pytest.fixture
def office_in_german(chromium, live_server, demo_town):
    office = get_user_model().objects.create_user("buero", "buero@example.org", PASSWORD)
    office.groups.add(Group.objects.get(name=office_group_name()))
    profile = UserProfile.get_for_user(office)
    profile.preferred_language = "de"
    profile.save()
    context = chromium.new_context(viewport=DESKTOP, locale="de-DE")
    page = context.new_page()
    page.set_default_timeout(45_000)
    page.goto(f"{live_server.url}/admin/login/")
    page.locator('input[name="username"]').fill("buero")
    page.locator('input[name="password"]').fill(PASSWORD)
    page.locator('form button[type="submit"]').click()
    page.wait_for_url(re.compile(r"/admin/$"))
    yield page
    context.close()


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
