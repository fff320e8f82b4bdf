"""The volunteering plugin's part of the demo town: opportunities in German and English, with suitabilities."""

from __future__ import annotations

import pytest
from wagtail.models import Locale

from wegweiser.volunteers.demo import OPPORTUNITIES
from wegweiser.volunteers.models import Suitability, VolunteerOpportunityPage

pytestmark = pytest.mark.django_db


def test_demo_content_creates_opportunities_in_german_and_english(demo_town):
    english = Locale.objects.get(language_code="en")
    german = VolunteerOpportunityPage.objects.filter(locale=Locale.get_default())
    assert german.count() == len(OPPORTUNITIES) >= 15
    assert VolunteerOpportunityPage.objects.filter(locale=english).count() == len(OPPORTUNITIES)
    reading = german.get(slug="lesepaten")
    assert reading.live and "Führungszeugnis" in reading.requirements
    assert set(reading.suitable_for.values_list("slug", flat=True)) == {"adults", "students", "seniors"}
    assert VolunteerOpportunityPage.objects.get(locale=english, slug="lesepaten").title.startswith("Reading")
    assert Suitability.objects.count() == len(Suitability.Kind.values)
