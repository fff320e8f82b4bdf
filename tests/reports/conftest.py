"""A small known town for the office's reports: terms, three organisations and their offers.

Listings are built from the registered "offer" listing type (the reports know listing types only
through the registry), so these tests exercise the same door a third-party listing type would use.
"""

from __future__ import annotations

import codecs
import csv
import datetime
import io

import pytest
from django.apps import apps
from django.utils import timezone
from wagtail.models import Locale

from wegweiser.plugin_api.testing import make_organisation, make_organisation_index, module_world
from wegweiser.site.models import District, Language, TargetGroup, Topic
from wegweiser.site.registry import listing_types


def german_csv_rows(response) -> list[list[str]]:
    """A report's CSV export read the way German spreadsheet programs read it: UTF-8 with BOM, semicolons."""
    body = b"".join(response.streaming_content)
    assert body.startswith(codecs.BOM_UTF8), "without a byte-order mark Excel breaks the umlauts"
    return list(csv.reader(io.StringIO(body.decode("utf-8-sig")), delimiter=";"))


@pytest.fixture
def offer_type():
    registered = listing_types()
    assert "offer" in registered, "the built-in offers plugin must be installed for the reports' tests"
    return registered["offer"]


@pytest.fixture(scope="module", autouse=True)
def world(request):
    """A module marked ``built_once("town")`` (or ``"planted"``) shares one :func:`build_world`; its tests read
    it again through the fixtures below, which in the other modules build their own rows for each test."""
    yield from module_world(request, build_world)


@pytest.fixture
def terms(world, request):
    if world:
        return read_world(world, "terms")
    request.getfixturevalue("home")
    return make_terms()


def make_terms():
    """Three topics, districts and languages and two target groups in the default locale, by slug."""
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
def organisation_a(world, request):
    return organisation(world, request, "a")


@pytest.fixture
def organisation_b(world, request):
    return organisation(world, request, "b")


@pytest.fixture
def organisation_c(world, request):
    return organisation(world, request, "c")


def organisation(world, request, letter: str):
    """Partner A, B or C: the module's world's, or a new one for this test."""
    if world:
        return read_world(world, f"organisation_{letter}")
    return make_organisation(
        request.getfixturevalue("organisation_index"), f"Verein {letter.upper()}", f"verein-{letter}"
    )


@pytest.fixture
def make_listing(offer_type, terms):
    return listing_maker(offer_type, terms)


def listing_maker(offer_type, terms):
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
def town(world, request):
    return listings(world, request, "town", make_town)


def make_town(make_listing, organisation_a, organisation_b, organisation_c):
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


@pytest.fixture
def planted(world, request):
    return listings(world, request, "planted", make_planted)


def listings(world, request, part: str, make) -> dict:
    """The module's world's ``part``, or ``make``'s listings built for this test."""
    if world:
        return read_world(world, part)
    names = ("make_listing", "organisation_a", "organisation_b", "organisation_c")
    return make(*map(request.getfixturevalue, names))


def make_planted(make_listing, organisation_a, organisation_b, organisation_c):
    """Two planted duplicate pairs and five near-misses that must not be reported."""
    course = "Deutschkurs auf Niveau A1 für Frauen, mit Kinderbetreuung im Familienzentrum. Montag bis Donnerstag vormittags."
    counselling = "Wir beraten erwachsene Zugewanderte zu Aufenthalt, Arbeit, Wohnen und Sprachkursen. Termine nach Vereinbarung."
    return {
        # Planted: the same women's course announced by two organisations, slightly reworded.
        "course_a": make_listing(
            organisation_a,
            "Deutschkurs A1 für Frauen mit Kinderbetreuung",
            summary=course,
            topics=["sprache"],
            district="nordstadt",
        ),
        "course_b": make_listing(
            organisation_b,
            "Deutsch-Kurs A1 für Frauen (mit Kinderbetreuung)",
            summary="Deutschkurs Niveau A1 für Frauen mit Kinderbetreuung, vormittags Montag bis Donnerstag, im Familienzentrum.",
            topics=["sprache", "beratung"],
            district="nordstadt",
        ),
        # Planted: the same counselling service, two topics on one side.
        "counselling_a": make_listing(
            organisation_a,
            "Migrationsberatung für Erwachsene",
            summary=counselling,
            topics=["beratung"],
            district="suedstadt",
        ),
        "counselling_c": make_listing(
            organisation_c,
            "Migrationsberatung für erwachsene Zugewanderte",
            summary="Beratung für erwachsene Zugewanderte: Aufenthalt, Arbeit, Wohnen, Sprachkurse. Termine nach Vereinbarung.",
            topics=["beratung", "arbeit"],
            district="suedstadt",
        ),
        # Near-miss: same text, other district.
        "course_elsewhere": make_listing(
            organisation_c,
            "Deutschkurs A1 für Frauen mit Kinderbetreuung",
            summary=course,
            topics=["sprache"],
            district="suedstadt",
        ),
        # Near-miss: same topic and district, a different course.
        "evening_course": make_listing(
            organisation_c,
            "Deutschkurs B2 am Abend für Berufstätige",
            summary="Abendkurs für Berufstätige mit Vorkenntnissen, zweimal pro Woche, Prüfung telc B2.",
            topics=["sprache"],
            district="nordstadt",
        ),
        # Near-miss: similar title, no shared topic.
        "job_counselling": make_listing(
            organisation_b,
            "Migrationsberatung für Erwachsene",
            summary=counselling,
            topics=["sprache"],
            district="suedstadt",
        ),
        # Near-miss: the same organisation's two announcements are its own business.
        "cafe_1": make_listing(
            organisation_b,
            "Sprachcafé international",
            summary="Deutsch sprechen bei Kaffee und Kuchen.",
            topics=["sprache"],
            district="altstadt",
        ),
        "cafe_2": make_listing(
            organisation_b,
            "Sprachcafé International",
            summary="Deutsch sprechen bei Kaffee und Kuchen!",
            topics=["sprache"],
            district="altstadt",
        ),
    }


@pytest.fixture
def search_log():
    return apps.get_model("search", "SearchQueryLog")


@pytest.fixture
def searches(search_log, home):
    def log(query, locale="de", results=3, filters=None, days_ago=1, weak=False):
        entry = search_log.objects.create(
            query_text=query,
            locale=locale,
            listing_types=["offer"],
            filters=filters or {},
            result_count=results,
            weak=weak,
            backend="database",
            took_ms=12,
        )
        created = timezone.now() - datetime.timedelta(days=days_ago)
        search_log.objects.filter(pk=entry.pk).update(created_at=created)

    for _ in range(3):
        log("Deutschkurs", results=5, filters={"topic": ["sprache"], "district": ["nordstadt"]})
    log(
        "deutschkurs ",
        results=0,
        filters={"topic": ["sprache"], "childcare": True, "date_from": "2026-12-01"},
    )
    log("Schuldnerberatung", results=0)
    log("Schuldnerberatung", results=0)
    log("debt counselling", locale="en", results=0)
    log("консультация", locale="ru", results=0)
    log("max.mustermann@example.org", results=0)
    log("Deutschkurs", results=5, days_ago=60)  # outside the default period
    return log


def build_world(*parts: str) -> dict:
    """For a module's world (through ``built_once``): the portal, organisations A–C, the terms and the
    listings of ``parts`` ("town", "planted"), as primary keys; :func:`read_world` reads them again."""
    from wegweiser.site.setup import ensure_portal

    home = ensure_portal(home_title="Willkommen in Teststadt")
    index = make_organisation_index(home)
    organisations = {
        f"organisation_{letter}": make_organisation(index, f"Verein {letter.upper()}", f"verein-{letter}")
        for letter in "abc"
    }
    terms = make_terms()
    make = listing_maker(listing_types()["offer"], terms)
    builders = {"town": make_town, "planted": make_planted}
    listings = {part: builders[part](make, *organisations.values()) for part in parts}
    return {
        **{name: organisation.pk for name, organisation in organisations.items()},
        "terms": {
            taxonomy: {slug: term.pk for slug, term in by_slug.items()} for taxonomy, by_slug in terms.items()
        },
        **{part: {name: page.pk for name, page in pages.items()} for part, pages in listings.items()},
    }


def read_world(ids: dict, name: str):
    """The instances of ``build_world``'s ``name`` read again for a test."""
    from wagtail.models import Page

    if name == "terms":
        models = {"topic": Topic, "district": District, "language": Language, "target_group": TargetGroup}
        return {
            taxonomy: {slug: models[taxonomy].objects.get(pk=pk) for slug, pk in by_slug.items()}
            for taxonomy, by_slug in ids["terms"].items()
        }
    if isinstance(ids[name], dict):
        return {key: Page.objects.get(pk=pk).specific for key, pk in ids[name].items()}
    return Page.objects.get(pk=ids[name]).specific
