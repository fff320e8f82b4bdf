"""The search's narrow row per listing (``SearchListing``): what the database backend counts facets from.

A visitor reads the number beside a filter value as "this many results if I choose it". The counts come
from the narrow rows, the results from the listings' own FilterSets: for every kind of query (words,
choices, dates, a radius, another language with untranslated originals, a private section) each count
must be what choosing that value finds. And the row must follow the listing: publishing, a save without
publishing (an import moving the dates or the place), unpublishing.
"""

from __future__ import annotations

import datetime
import importlib
from types import SimpleNamespace

import pytest
from django.apps import apps as django_apps
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction

from tests.search.conftest import add_listing, run
from wegweiser.search.backends.database import DatabaseBackend
from wegweiser.search.models import SearchKey, SearchListing
from wegweiser.search.wording import fold

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
    {"date_from": "today+20"},
]


def dated(params: dict) -> dict:
    """``date_from: "today+20"`` as the date it means."""
    if params.get("date_from") == "today+20":
        return {**params, "date_from": (timezone.localdate() + datetime.timedelta(days=20)).isoformat()}
    return params


def counts_match_what_choosing_finds(params: dict, locale: str = "de") -> int:
    """Assert that every count of a search's facets is the number of results choosing that value alone
    (in place of that facet's other choices) finds, and that its total is the number of its hits; the
    search's total."""
    result = run(DatabaseBackend(), {**params, "per_page": "100"}, locale=locale)
    assert result.total == len(result.hits)
    checked = 0
    for name, values in result.facets.items():
        for value, _label, count in values:
            chosen = run(DatabaseBackend(), {**params, name: [value], "per_page": "100"}, locale=locale)
            assert (name, value, count) == (name, value, len(chosen.hits))
            checked += 1
    assert checked > 20
    return result.total


@pytest.mark.parametrize("params", QUERIES, ids=lambda params: ",".join(params) or "nothing")
def test_a_count_is_what_choosing_the_value_finds(town, params):
    total = counts_match_what_choosing_finds(dated(params))
    assert total > 0 or params.get("q") == "Kurs Zauberei"


def test_in_another_language_translations_and_untranslated_originals_are_counted_as_shown(town, english):
    translated = town["deutschkurs"].copy_for_translation(english, copy_parents=True)
    translated.title = "German course for women"
    translated.save_revision().publish()
    draft = town["frauentreff"].copy_for_translation(english, copy_parents=True)  # never published

    english_total = counts_match_what_choosing_finds({"topic": ["sprache"]}, locale="en")
    assert english_total == run(DatabaseBackend(), {"topic": ["sprache"]}).total  # in place of the original
    counts_match_what_choosing_finds({"q": "Frauentreff"}, locale="en")
    assert not draft.live and not SearchListing.objects.filter(page_id=draft.pk).exists()


def test_a_private_section_is_counted_as_it_is_shown(town):
    caritas = town["frauentreff"].get_parent()
    PageViewRestriction.objects.create(page=caritas, restriction_type="login")
    total = counts_match_what_choosing_finds({})
    assert total == 3  # the Volkshochschule's three current listings, none of Caritas


def listing_keys(page) -> set[str]:
    row = SearchListing.objects.get(page_id=page.pk)
    return set(SearchKey.objects.filter(id__in=row.keys).values_list("key", flat=True))


def test_a_listing_s_row_follows_publishing_saving_and_unpublishing(town, organisation_a):
    page = add_listing(organisation_a, title="Schwimmkurs", topics=["arbeit"], district="altstadt")
    row = SearchListing.objects.get(page_id=page.pk)
    assert listing_keys(page) == {
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
    assert run(DatabaseBackend(), {"q": "Schwimmkurs", "near": "altstadt", "radius": "2"}).total == 1

    # An import moves the place and ends the validity with a plain save (no new revision published).
    page.latitude, page.longitude = 52.0, 9.0
    page.valid_until = timezone.localdate() - datetime.timedelta(days=1)
    page.save()
    row.refresh_from_db()
    assert (row.latitude, row.longitude, row.valid_until) == (52.0, 9.0, page.valid_until)
    assert run(DatabaseBackend(), {"q": "Schwimmkurs"}).total == 0

    page.valid_until = None
    page.save()
    assert run(DatabaseBackend(), {"q": "Schwimmkurs"}).total == 1
    assert run(DatabaseBackend(), {"q": "Schwimmkurs", "near": "altstadt", "radius": "2"}).total == 0

    page.unpublish()
    assert not SearchListing.objects.filter(page_id=page.pk).exists()
    assert run(DatabaseBackend(), {"q": "Schwimmkurs"}).total == 0


def test_the_days_chosen_count_what_they_find(town, organisation_a):
    today = timezone.localdate()
    add_listing(
        organisation_a, title="Ferienkurs", topics=["sprache"], valid_until=today + datetime.timedelta(days=5)
    )
    in_three_weeks = (today + datetime.timedelta(days=20)).isoformat()
    with_course = counts_match_what_choosing_finds({"date_from": today.isoformat()})
    without = counts_match_what_choosing_finds({"date_from": in_three_weeks, "topic": ["sprache"]})
    assert without < run(DatabaseBackend(), {"topic": ["sprache"]}).total and with_course > without


def _ranked(params: dict) -> list[tuple[str, int]]:
    result = run(DatabaseBackend(), params)
    titles = dict(Page.objects.filter(pk__in=[hit.page_id for hit in result.hits]).values_list("pk", "title"))
    return [(titles[hit.page_id], int(hit.score)) for hit in result.hits]


def test_a_listing_s_folded_title_and_summary_follow_saving_and_publishing_and_rank_it(town, organisation_a):
    """The database backend ranks by the folded title and summary its row keeps: a title changed by a plain
    save (an import), by a save of the title alone or by publishing ranks the listing as the title now is."""
    treff = add_listing(organisation_a, title="Offener Treff", summary="Nähen am Markt für Mütter.")
    cafe = add_listing(organisation_a, title="Nähcafé am Markt", summary="Nähen am Markt.")
    row = SearchListing.objects.get(page_id=treff.pk)
    assert (row.title_folded, row.summary_folded) == ("offener treff", "nahen am markt fur mutter.")
    # "Markt" in a title ranks higher than in a summary
    assert _ranked({"q": "Markt"}) == [("Nähcafé am Markt", 7), ("Offener Treff", 5)]

    treff.title = "Markttreff für Mütter"
    treff.save()  # live, not published: an import's change
    row.refresh_from_db()
    assert row.title_folded == "markttreff fur mutter"
    # ranked alike now, and sorted by the folded titles ("markttreff" before "nahcafe")
    assert _ranked({"q": "Markt"}) == [("Markttreff für Mütter", 7), ("Nähcafé am Markt", 7)]

    cafe.title, cafe.summary = "Änderungsschneiderei", "Markt und Näherei."
    cafe.save(update_fields=["title", "summary"])
    row = SearchListing.objects.get(page_id=cafe.pk)
    assert (row.title_folded, row.summary_folded) == ("anderungsschneiderei", "markt und naherei.")
    assert _ranked({"q": "Markt"}) == [("Markttreff für Mütter", 7), ("Änderungsschneiderei", 5)]

    treff.title = "Strickkreis"
    treff.save_revision().publish()
    assert SearchListing.objects.get(page_id=treff.pk).title_folded == "strickkreis"
    assert _ranked({"q": "Markt"}) == [("Änderungsschneiderei", 5), ("Strickkreis", 5)]


def test_a_listing_s_row_keeps_the_organisation_it_is_under_and_follows_a_move(
    town, organisation_a, organisation_b, django_capture_on_commit_callbacks
):
    """A searched organisation's name ranks the listings whose row names it: a listing moved to another
    organisation is ranked for the new one's name, not the old one's."""
    page = add_listing(organisation_a, title="Nähcafé am Markt")
    assert SearchListing.objects.get(page_id=page.pk).organisation_key == organisation_a.translation_key

    with django_capture_on_commit_callbacks(execute=True):
        page.move(organisation_b, pos="last-child")
    assert SearchListing.objects.get(page_id=page.pk).organisation_key == organisation_b.translation_key


def test_a_search_folds_no_title_or_summary_itself(town):
    """Ranking reads the folded texts the rows keep: no ``translate()`` (PostgreSQL) and no call into Python
    (SQLite) per ranked row, which at 100,000 listings cost seconds a search (bench/SEARCH.md)."""
    for params in ({"q": "Beratung"}, {"q": "Deutschkurs"}, {"topic": ["sprache"]}):
        with CaptureQueriesContext(connection) as queries:
            assert run(DatabaseBackend(), params).hits
        statements = [query["sql"] for query in queries.captured_queries]
        assert not [sql for sql in statements if "translate(" in sql.lower() or "wegweiser_fold" in sql]
        assert any("title_folded" in sql for sql in statements)


def test_the_migration_fills_the_folded_texts_of_the_rows_there_are(town, organisation_a):
    """Migration 0017 adds the columns empty and folds every row's title and summary, as writing a row does."""
    migration = importlib.import_module("wegweiser.search.migrations.0017_search_listing_folded_texts")
    page = add_listing(organisation_a, title="Straße der Mütter", summary="Danışmanlık für Väter, ÄÖÜ.")
    SearchListing.objects.update(title_folded="", summary_folded="")
    # what RunPython reads of its schema editor (SQLite opens none inside the test's transaction)
    migration.fill_folded_texts(django_apps, SimpleNamespace(connection=connection))
    row = SearchListing.objects.get(page_id=page.pk)
    assert (row.title_folded, row.summary_folded) == ("strasse der mutter", "danismanlik fur vater, aou.")
    assert not SearchListing.objects.filter(title_folded="").exists()
    for listing_row in SearchListing.objects.all():
        listing = Page.objects.get(pk=listing_row.page_id).specific
        assert (listing_row.title_folded, listing_row.summary_folded) == (
            fold(listing.title),
            fold(listing.summary),
        )
