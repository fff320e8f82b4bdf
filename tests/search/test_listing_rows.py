"""The search's narrow row per listing (``SearchListing``): what PostgreSQL counts a result's facets from.

Its counts must be the counts of the listings themselves (the way SQLite and every query with dates still
counts) for every kind of query: words, choices, a radius, another language with untranslated originals,
a private section. And the row must follow the listing: publishing, a save without publishing (an import
moving the dates or the place), unpublishing.
"""

from __future__ import annotations

import datetime

import pytest
from django.db import connection
from django.utils import timezone
from wagtail.models import PageViewRestriction

from tests.search.conftest import add_listing, run
from wegweiser.search.backends import database
from wegweiser.search.backends.database import DatabaseBackend
from wegweiser.search.models import SearchKey, SearchListing
from wegweiser.search.query import SearchQuery
from wegweiser.site.registry import listing_types

QUERIES = [
    {},
    {"q": "Deutsch"},
    {"q": "Beratung Familie"},
    {"q": "Beratnug"},  # corrected
    {"q": "Kurs Zauberei"},  # a word found nowhere: left out
    {"topic": ["sprache"]},
    {"language": ["ar", "uk"], "german": ["a1"]},
    {"topic": ["sprache", "beratung"], "district": ["altstadt", "nordstadt"], "accessible": ["1"]},
    {"q": "Kurs", "cost": ["free", "funded"], "target_group": ["frauen"], "time_of_day": ["morning"]},
    {"near": "altstadt", "radius": "2"},
    {"near": "nordstadt", "radius": "1", "topic": ["sprache"], "q": "Deutsch"},
    {"type": ["meeting"], "topic": ["beratung"]},
]


def all_counts(result) -> dict[str, dict[str, int]]:
    return {name: {value: count for value, _label, count in values} for name, values in result.facets.items()}


def counted_both_ways(monkeypatch, params, locale="de"):
    """A search's total and facet counts from the narrow rows, and from the listings themselves."""
    from_rows = run(DatabaseBackend(), params, locale=locale)
    with monkeypatch.context() as patched:
        patched.setattr(database, "listed_base", lambda *args: None)
        from_listings = run(DatabaseBackend(), params, locale=locale)
    return (from_rows.total, all_counts(from_rows)), (from_listings.total, all_counts(from_listings))


def test_the_rows_are_what_postgresql_counts_from(town):
    types = listing_types()
    query, _messages = SearchQuery.from_querydict({"q": "Deutsch"}, locale="de", available_types=types)
    listed = database.listed_base(types["bulletin"], query, query_locale(), plan_of(query))
    assert (listed is not None) is (connection.vendor == "postgresql")
    dated, _messages = SearchQuery.from_querydict(
        {"date_from": timezone.localdate().isoformat()}, locale="de", available_types=types
    )
    assert database.listed_base(types["bulletin"], dated, query_locale(), plan_of(dated)) is None


def query_locale():
    from wegweiser.site.listings import active_locale

    return active_locale("de")


def plan_of(query):
    from wegweiser.search.matching import plan_text

    return plan_text(query.words)


@pytest.mark.parametrize("params", QUERIES, ids=lambda params: ",".join(params) or "nothing")
def test_counts_from_the_rows_are_the_counts_of_the_listings(town, monkeypatch, params):
    from_rows, from_listings = counted_both_ways(monkeypatch, params)
    assert from_rows == from_listings
    assert from_rows[0] > 0 or params.get("q") == "Kurs Zauberei"


def test_another_language_counts_translations_and_untranslated_originals_alike(town, english, monkeypatch):
    translated = town["deutschkurs"].copy_for_translation(english, copy_parents=True)
    translated.title = "German course for women"
    translated.save_revision().publish()
    draft = town["frauentreff"].copy_for_translation(english, copy_parents=True)  # never published

    from_rows, from_listings = counted_both_ways(monkeypatch, {"topic": ["sprache"]}, locale="en")
    assert from_rows == from_listings
    english_total, _counts = from_rows
    german_total, _counts = counted_both_ways(monkeypatch, {"topic": ["sprache"]})[0]
    assert english_total == german_total  # the translation stands in for its original, not beside it
    # A translation not yet published: its original is counted as the listings' own query shows it.
    from_rows, from_listings = counted_both_ways(monkeypatch, {"q": "Frauentreff"}, locale="en")
    assert from_rows == from_listings
    assert from_rows[0] == len(run(DatabaseBackend(), {"q": "Frauentreff"}, locale="en").hits)
    assert not draft.live and not SearchListing.objects.filter(page_id=draft.pk).exists()


def test_a_private_section_is_counted_as_it_is_shown(town, monkeypatch):
    caritas = town["frauentreff"].get_parent()
    PageViewRestriction.objects.create(page=caritas, restriction_type="login")
    from_rows, from_listings = counted_both_ways(monkeypatch, {})
    assert from_rows == from_listings
    total, counts = from_rows
    assert total == 3  # the Volkshochschule's three current listings, none of Caritas
    assert {value: count for value, count in counts["type"].items() if count} == {"bulletin": 3}


def test_a_listing_s_row_follows_publishing_saving_and_unpublishing(town, organisation_a, monkeypatch):
    page = add_listing(organisation_a, title="Schwimmkurs", topics=["arbeit"], district="altstadt")
    row = SearchListing.objects.get(page_id=page.pk)
    keys = set(SearchKey.objects.filter(id__in=row.keys).values_list("key", flat=True))
    assert keys == {
        "type:bulletin",
        "bulletin_kind:information",
        "cost:free",
        "free_or_funded:1",
        "topic:arbeit",
        "district:altstadt",
    }
    assert (row.listing_type, row.locale_id, row.translation_key) == (
        "bulletin",
        page.locale_id,
        page.translation_key,
    )
    assert (row.latitude, row.longitude) == (page.latitude, page.longitude)

    # An import moves the place and ends the validity with a plain save (no new revision published).
    page.latitude, page.longitude = 52.0, 9.0
    page.valid_until = timezone.localdate() - datetime.timedelta(days=1)
    page.save()
    row.refresh_from_db()
    assert (row.latitude, row.longitude, row.valid_until) == (52.0, 9.0, page.valid_until)
    from_rows, from_listings = counted_both_ways(monkeypatch, {"q": "Schwimmkurs"})
    assert from_rows == from_listings and from_rows[0] == 0

    page.valid_until = None
    page.save()
    assert run(DatabaseBackend(), {"q": "Schwimmkurs"}).total == 1
    assert run(DatabaseBackend(), {"q": "Schwimmkurs", "near": "altstadt", "radius": "2"}).total == 0

    page.unpublish()
    assert not SearchListing.objects.filter(page_id=page.pk).exists()
    assert run(DatabaseBackend(), {"q": "Schwimmkurs"}).total == 0
