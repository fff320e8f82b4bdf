"""Offer fixtures: the "Angebote" finder and taxonomy terms the filters use."""

from __future__ import annotations

import pytest
from wagtail.models import Locale

from wegweiser.site.models import District, Language, ListingIndexPage, TargetGroup, Topic


@pytest.fixture
def finder(home):
    return make_finder(home)


def make_finder(home):
    """The "Angebote" finder below ``home``, published."""
    page = home.add_child(instance=ListingIndexPage(title="Angebote", slug="angebote", listing_type="offer"))
    page.save_revision().publish()
    return page


@pytest.fixture
def terms(home):
    return make_terms()


def make_terms():
    """A few terms of each taxonomy in the default locale, by slug."""
    locale = Locale.get_default()
    return {
        "topic": {
            slug: Topic.objects.create(slug=slug, name=name, locale=locale)
            for slug, name in [("sprache", "Sprache"), ("beratung", "Beratung")]
        },
        "language": {
            slug: Language.objects.create(slug=slug, name=name, locale=locale)
            for slug, name in [("de", "Deutsch"), ("ar", "Arabisch"), ("uk", "Ukrainisch")]
        },
        "district": {
            slug: District.objects.create(slug=slug, name=name, locale=locale)
            for slug, name in [("nordstadt", "Nordstadt"), ("suedstadt", "Südstadt")]
        },
        "target_group": {
            slug: TargetGroup.objects.create(slug=slug, name=name, locale=locale)
            for slug, name in [("frauen", "Frauen"), ("familien", "Familien")]
        },
    }
