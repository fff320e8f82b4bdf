"""A small known town for the office's reports: terms, three organisations and their offers.

Listings are built from the registered "offer" listing type (the reports know listing types only
through the registry), so these tests exercise the same door a third-party listing type would use.
"""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone
from wagtail.models import Locale

from tests.conftest import make_organisation
from wegweiser.site.models import District, Language, TargetGroup, Topic
from wegweiser.site.registry import listing_types


@pytest.fixture
def offer_type():
    registered = listing_types()
    assert "offer" in registered, "the built-in offers plugin must be installed for the reports' tests"
    return registered["offer"]


@pytest.fixture
def terms(home):
    locale = Locale.get_default()

    def create(model, rows, **extra):
        return {
            slug: model.objects.create(slug=slug, name=name, sort_order=order, locale=locale, **extra)
            for order, (slug, name) in enumerate(rows)
        }

    return {
        "topic": create(Topic, [("sprache", "Sprache"), ("beratung", "Beratung"), ("arbeit", "Arbeit")]),
        "district": create(
            District, [("nordstadt", "Nordstadt"), ("suedstadt", "Südstadt"), ("altstadt", "Altstadt")]
        ),
        "language": create(
            Language, [("de", "Deutsch"), ("ar", "Arabisch"), ("uk", "Ukrainisch")], native_name="–"
        ),
        "target_group": create(TargetGroup, [("frauen", "Frauen"), ("familien", "Familien")]),
    }


@pytest.fixture
def organisation_c(organisation_index):
    return make_organisation(organisation_index, "Verein C", "verein-c")


@pytest.fixture
def make_listing(offer_type, terms):
    """Create a live offer below ``organisation``; taxonomy terms are given by slug."""

    def make(organisation, title, *, topics=(), district=None, languages=(), target_groups=(), **fields):
        reviewed_days_ago = fields.pop("reviewed_days_ago", None)
        live = fields.pop("live", True)
        page = offer_type.model(
            title=title,
            slug=f"offer-{offer_type.model.objects.count() + 1}",
            summary=fields.pop("summary", f"{title}."),
            district=terms["district"][district] if district else None,
            live=live,
            **fields,
        )
        page.topics = [terms["topic"][slug] for slug in topics]
        page.languages = [terms["language"][slug] for slug in languages]
        page.target_groups = [terms["target_group"][slug] for slug in target_groups]
        organisation.add_child(instance=page)
        if reviewed_days_ago is not None:
            reviewed = timezone.localdate() - datetime.timedelta(days=reviewed_days_ago)
            offer_type.model.objects.filter(pk=page.pk).update(last_reviewed=reviewed)
            page.last_reviewed = reviewed
        return page

    return make


@pytest.fixture
def town(make_listing, organisation_a, organisation_b, organisation_c):
    """The known data set the coverage and freshness tests count on.

    Topic × district (current offers only):       Topic × language:
                 nordstadt suedstadt altstadt                  de ar uk
        sprache      2         1        0           sprache     3  1  1
        beratung     1         1        0           beratung    1  1  1
        arbeit       0         0        0           arbeit      0  0  0
    """
    today = timezone.localdate()
    return {
        "a1": make_listing(
            organisation_a,
            "Deutschkurs A1 für Frauen",
            topics=["sprache"],
            district="nordstadt",
            languages=["de", "ar"],
            target_groups=["frauen"],
            kind="course",
            reviewed_days_ago=300,
        ),
        "b1": make_listing(
            organisation_b,
            "Deutschkurs B1 am Abend",
            topics=["sprache"],
            district="nordstadt",
            languages=["de"],
            kind="course",
            reviewed_days_ago=10,
        ),
        "integration": make_listing(
            organisation_a,
            "Integrationskurs mit Kinderbetreuung",
            topics=["sprache", "beratung"],
            district="suedstadt",
            languages=["de", "uk"],
            target_groups=["familien"],
            kind="course",
            reviewed_days_ago=400,
        ),
        "counselling": make_listing(
            organisation_b,
            "Migrationsberatung",
            topics=["beratung"],
            district="nordstadt",
            languages=["ar"],
            kind="counselling",
            reviewed_days_ago=200,
        ),
        "expired": make_listing(
            organisation_c,
            "Sommerkurs 2020",
            topics=["sprache"],
            district="altstadt",
            languages=["de"],
            valid_until=today - datetime.timedelta(days=1),
            reviewed_days_ago=900,
        ),
        "future": make_listing(
            organisation_c,
            "Herbstkurs",
            topics=["sprache"],
            district="altstadt",
            languages=["de"],
            valid_from=today + datetime.timedelta(days=30),
            reviewed_days_ago=5,
        ),
        "draft": make_listing(
            organisation_c,
            "Bewerbungstraining (Entwurf)",
            topics=["arbeit"],
            district="altstadt",
            live=False,
        ),
    }
