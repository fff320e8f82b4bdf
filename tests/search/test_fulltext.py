"""The finder's table of searchable words: kept in step with publishing, rebuilt, safe against any input.

On PostgreSQL the database backend matches words through this table's GIN-indexed vectors, on SQLite
through an FTS5 index of the same rows; with full text switched off it matches substrings of the
listing tables. The same expectations hold every way.
"""

from __future__ import annotations

import re
from importlib import import_module

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import connection
from django.urls import reverse
from wagtail import hooks

from tests.search.conftest import add_listing, found, run
from tests.search.listing_types import BulletinPage
from wegweiser.search.backends.database import DatabaseBackend, text_condition
from wegweiser.search.fulltext import (
    FTS_TABLE,
    VECTOR_INDEX,
    fill_missing_texts,
    full_text_enabled,
    unit_fts_query,
    unit_tsquery,
)
from wegweiser.search.models import SearchKey, SearchListing, SearchText
from wegweiser.search.query import SearchQuery
from wegweiser.site.models import Language, Topic
from wegweiser.site.registry import listing_types

HOSTILE = [
    "&|!():*<>'\"\\",
    "kurs & !beratung",
    "kurs:*",
    "'; DROP TABLE search_searchtext; --",
    "((((",
    "a <-> b",
    "\\'",
    "!!!",
    "Deutsch|kurs",
    "\u200c",  # a zero-width non-joiner alone: kept in words ("کلاس‌های"), nothing to search by itself
    "\u200d\u200c کلاس\u200c",
    "x" * 60_000,
    ("Kurs&Beratung!(" * 4_000)[:60_000],
]


@pytest.fixture(params=["full_text", "substrings"])
def matching(request, settings):
    """Each test twice: through the database's full text index (the default) and with it switched off."""
    on = request.param == "full_text"
    settings.WEGWEISER_SEARCH = {
        **settings.WEGWEISER_SEARCH,
        "POSTGRES_FULL_TEXT": on,
        "SQLITE_FULL_TEXT": on,
    }
    assert full_text_enabled() is on
    return request.param


def fts_rows(word: str) -> set[int]:
    """On SQLite, the pages whose row the FTS5 index finds for ``word`` (read straight from the index)."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT rowid FROM search_searchtext_fts WHERE search_searchtext_fts MATCH %s",
            [f'"{word}"*'],
        )
        return {row[0] for row in cursor.fetchall()}


def counts(result, facet: str) -> dict[str, int]:
    """A result's counts for one facet, the values nothing carries left out."""
    return {value: count for value, _label, count in result.facets[facet] if count}


def facet_rows(page) -> set[str]:
    """The facet values of a listing's narrow search row (none if it has no row)."""
    row = SearchListing.objects.filter(page_id=page.pk).first()
    return set(SearchKey.objects.filter(id__in=row.keys).values_list("key", flat=True)) if row else set()


def test_publishing_makes_a_listing_findable_and_unpublishing_removes_it(town, organisation_a, matching):
    page = add_listing(
        organisation_a, title="Nähcafé für Mütter", summary="Gemeinsam nähen im Stadtteilzentrum."
    )
    row = SearchText.objects.get(page=page)
    assert "Nähcafé für Mütter" in row.text and "nahcaf" in row.text  # text, folded stems
    assert {hit.page_id for hit in run(DatabaseBackend(), {"q": "Nähcafé"}).hits} == {page.pk}
    assert {hit.page_id for hit in run(DatabaseBackend(), {"q": "nähen stadtteil"}).hits} == {page.pk}
    if connection.vendor == "sqlite":  # the triggers put the new row into the FTS5 index
        assert fts_rows("nähcafé") == {page.pk}

    page.unpublish()
    assert not SearchText.objects.filter(page=page).exists()
    assert run(DatabaseBackend(), {"q": "Nähcafé"}).hits == []
    if connection.vendor == "sqlite":  # ... and take it out again
        assert fts_rows("nähcafé") == set()


def test_drafts_and_deleted_listings_have_no_searchable_text(town, organisation_a):
    draft = add_listing(organisation_a, title="Entwurf Schwimmkurs", publish=False)
    assert not SearchText.objects.filter(page=draft).exists()
    assert run(DatabaseBackend(), {"q": "Schwimmkurs"}).hits == []

    published = town["frauentreff"]
    assert SearchText.objects.filter(page=published).exists()
    published.delete()
    assert not SearchText.objects.filter(page_id=published.pk).exists()


def test_listings_published_and_unpublished_while_the_demo_loads_are_found_as_they_are_at_its_end(
    town, organisation_a
):
    """The demo town's load writes each listing's search rows once, at its end (``while_loading_demo``):
    what was published is found then, and what was taken down is not, as if each had been stored at once."""
    (work_once,) = hooks.get_hooks("while_loading_demo")
    taken_down = town["frauentreff"]
    with work_once():
        page = add_listing(organisation_a, title="Nähcafé für Mütter", summary="Gemeinsam nähen.")
        page.title = "Nähcafé für Mütter und Väter"
        page.save_revision().publish()
        taken_down.unpublish()
    assert "Nähcafé für Mütter und Väter" in SearchText.objects.get(page=page).text
    assert {hit.page_id for hit in run(DatabaseBackend(), {"q": "Nähcafé Väter"}).hits} == {page.pk}
    assert not SearchText.objects.filter(page=taken_down).exists()
    assert not SearchListing.objects.filter(page=taken_down).exists()


def test_reindex_rebuilds_the_texts_from_the_listings(town):
    """Changes made behind Wagtail's back (imports, bulk updates) are picked up by ``search_reindex``."""
    page = town["frauentreff"]
    type(page).objects.filter(pk=page.pk).update(title="Nachbarschaftstreff", summary="Offen für alle.")
    call_command("search_reindex", "--no-progress")
    live = sum(listing_type.model.objects.live().count() for listing_type in listing_types().values())
    assert SearchText.objects.count() == live
    assert "Nachbarschaftstreff" in SearchText.objects.get(page=page).text
    assert {hit.page_id for hit in run(DatabaseBackend(), {"q": "Nachbarschaftstreff"}).hits} == {page.pk}
    assert "Frauentreff" not in SearchText.objects.get(page=page).text


def test_listings_published_before_the_table_existed_get_their_rows_after_migrate(town):
    SearchText.objects.all().delete()
    stored = fill_missing_texts()
    assert stored == SearchText.objects.count() >= 8
    assert fill_missing_texts() == 0
    assert found(run(DatabaseBackend(), {"q": "Kinderbetreuung"}), town) == {"integration"}

    SearchListing.objects.all().delete()  # upgraded to the narrow rows: every listing has its text, none its row
    assert fill_missing_texts() == stored
    assert counts(run(DatabaseBackend(), {}), "topic") == {"sprache": 4, "beratung": 4, "arbeit": 2}


def test_migrate_rewrites_the_rows_stored_with_the_old_arabic_word_forms(town, organisation_a):
    """Migration 0012: rows written before the article was taken off are written anew after ``migrate``."""
    listing = add_listing(organisation_a, title="دورة اللغة الألمانية")
    row = SearchText.objects.get(page=listing)
    SearchText.objects.filter(pk=row.pk).update(text=row.text.replace("لغه", "اللغ"))  # as 0011 stored it
    assert listing.pk not in {hit.page_id for hit in run(DatabaseBackend(), {"q": "لغة"}).hits}

    import_module("wegweiser.search.migrations.0012_arabic_word_forms").forget_old_forms(apps, None)
    fill_missing_texts()  # what the post-migrate signal does

    assert {hit.page_id for hit in run(DatabaseBackend(), {"q": "لغة"}).hits} == {listing.pk}


@pytest.mark.parametrize("text", HOSTILE, ids=lambda text: text[:20])
def test_hostile_words_give_results_or_nothing_never_an_error(town, client, text, matching):
    types = listing_types()
    query, _messages = SearchQuery.from_querydict({"q": text}, locale="de", available_types=types)
    bulletins = BulletinPage.objects.current()
    matched = set(bulletins.filter(text_condition(query.words, "de")).values_list("pk", flat=True))
    hits = {hit.page_id for hit in DatabaseBackend().search(query, types).hits}
    assert hits & set(bulletins.values_list("pk", flat=True)) == matched
    # Straight to the text condition too: words longer than the query's 200-character limit match the same.
    words = [word[:2_000] for word in text.split()[:10]]
    assert set(bulletins.filter(text_condition(words, "de")).values_list("pk", flat=True)) == matched
    response = client.get(reverse("search:search"), {"q": text})
    assert response.status_code == 200


def test_typed_operators_never_reach_the_tsquery_as_syntax(db):
    """Whatever is typed, the tsquery is only quoted word lexemes (whole or with prefix matching), ORed and chained."""
    lexemes = r"'\w+'(?::\*)?(?: (?:<->|&) '\w+'(?::\*)?)*"
    shape = re.compile(rf"\(\({lexemes}\)(?: \| \({lexemes}\))*\)")
    for text in ["kurs:*&!(beratung)|'x'\\", "a<->b", "Deutsch|kurs", "it's", "(((über)))"]:
        tsquery = unit_tsquery(text)
        assert tsquery is not None and shape.fullmatch(tsquery), tsquery
    assert unit_tsquery("&|!():*<>") is None
    assert "'deutschkur':*" in unit_tsquery("Deutschkurse")


def test_typed_operators_never_reach_the_fts5_query_as_syntax(db):
    """Whatever is typed, the FTS5 query is only double-quoted words (whole or with prefix matching), ORed and
    chained."""
    phrase = r'"[^\W_]+"\*?(?: (?:\+|AND) "[^\W_]+"\*?)*'
    shape = re.compile(rf"\(\({phrase}\)(?: OR \({phrase}\))*\)")
    for text in ['kurs:*&!(beratung)|"x"\\', "a NEAR b", "Deutsch AND kurs", "text:kurs", "^über*", "a_b"]:
        fts_query = unit_fts_query(text)
        assert fts_query is not None and shape.fullmatch(fts_query), fts_query
    assert unit_fts_query('&|!():*<>_"') is None
    assert '"deutschkur"*' in unit_fts_query("Deutschkurse")


def test_full_text_finds_word_beginnings_and_names_words_found_nowhere(town):
    """Prefixes match (``Kinderbetreu`` finds Kinderbetreuung); a word no listing has is left out and named."""
    assert found(run(DatabaseBackend(), {"q": "Kinderbetreu", "per_page": "50"}), town) == {"integration"}
    result = run(DatabaseBackend(), {"q": "Kinderbetreuung Quantenphysik", "per_page": "50"})
    assert found(result, town) == {"integration"}
    assert result.missing_words == ["Quantenphysik"]


def test_special_characters_still_find_the_words_around_them(town):
    assert "deutschkurs" in found(run(DatabaseBackend(), {"q": "deutschkurs!", "per_page": "50"}), town)
    assert found(run(DatabaseBackend(), {"q": "(Kinderbetreuung)", "per_page": "50"}), town) == {
        "integration"
    }


def test_a_text_query_reads_the_index_on_postgresql_and_fts5_on_sqlite(town, settings):
    queryset = BulletinPage.objects.filter(text_condition(["Kinderbetreuung"], "de"))
    if connection.vendor == "postgresql":
        sql, params = queryset.query.sql_with_params()
        with connection.cursor() as cursor:
            # A test town has a dozen rows, where any scan is cheap; with sequential scans and plain index
            # scans (of the primary keys) ruled out, a usable index must show up for the words.
            cursor.execute("SET LOCAL enable_seqscan = off")
            cursor.execute("SET LOCAL enable_indexscan = off")
            cursor.execute(f"EXPLAIN {sql}", params)
            plan = "\n".join(row[0] for row in cursor.fetchall())
            # A word in most listings is matched by a scan of every vector instead: out of line (TOAST)
            # each one cost an index lookup, 480 ms at 100,000 listings against 130 ms in the rows
            # (bench/SEARCH.md).
            cursor.execute(
                "SELECT attstorage FROM pg_attribute WHERE attrelid = 'search_searchtext'::regclass "
                "AND attname = 'vector'"
            )
            storage = cursor.fetchone()
        assert VECTOR_INDEX in plan, plan
        assert "LIKE" not in plan.upper()
        assert storage == ("m",)
    else:
        sql = str(queryset.query).upper()
        assert f"{FTS_TABLE.upper()} MATCH" in sql, sql
        assert "LIKE" not in sql, sql
        assert {page.pk for page in queryset} == {town["integration"].pk}

    # Switched off, the same query matches substrings of the stored texts.
    settings.WEGWEISER_SEARCH = {
        **settings.WEGWEISER_SEARCH,
        "POSTGRES_FULL_TEXT": False,
        "SQLITE_FULL_TEXT": False,
    }
    sql = str(BulletinPage.objects.filter(text_condition(["Kinderbetreuung"], "de")).query).upper()
    assert "LIKE" in sql and "MATCH" not in sql


def test_the_sync_task_refreshes_the_texts_without_elasticsearch(town, settings):
    from wegweiser.search.tasks import sync_listings

    settings.WEGWEISER_SEARCH = {**settings.WEGWEISER_SEARCH, "BACKEND": "database"}
    page = town["abendkurs"]
    SearchText.objects.filter(page=page).delete()
    sync_listings.enqueue(page_ids=[page.pk])
    assert found(run(DatabaseBackend(), {"q": "Abendkurs"}), town) == {"abendkurs"}

    type(page).objects.filter(pk=page.pk).update(live=False)
    sync_listings.enqueue(page_ids=[page.pk])
    assert not SearchText.objects.filter(page=page).exists()


def test_a_listing_s_facet_values_are_stored_with_its_text_and_counted_from_them(town, organisation_a):
    """The database backend counts facets from the rows publishing writes: the values the FilterSets
    filter by (fields, a range of levels, terms, the parts of the day it meets in) and its type."""
    assert facet_rows(town["integration"]) == {
        "type:bulletin",
        "bulletin_kind:information",
        "topic:sprache",
        "language:de",
        "language:ar",
        "target_group:familien",
        "district:altstadt",
        "cost:funded",
        "free_or_funded:1",
        "german:a1",
        "german:a2",
        "german:b1",
        "time_of_day:morning",
    }
    result = run(DatabaseBackend(), {})
    assert counts(result, "type") == {"bulletin": 5, "meeting": 3}
    assert counts(result, "topic") == {"sprache": 4, "beratung": 4, "arbeit": 2}
    assert counts(result, "german") == {"a1": 2, "a2": 1, "b1": 2, "b2": 2}

    page = add_listing(organisation_a, title="Elterncafé", topics=["sprache"], languages=["ar"])
    assert facet_rows(page) == {
        "type:bulletin",
        "bulletin_kind:information",  # the model's defaults
        "cost:free",
        "free_or_funded:1",
        "topic:sprache",
        "language:ar",
    }
    result = run(DatabaseBackend(), {"topic": "sprache"})
    assert counts(result, "type") == {"bulletin": 4, "meeting": 1}
    assert counts(result, "topic") == {
        "sprache": 5,
        "beratung": 4,
        "arbeit": 2,
    }  # the chosen facet without its choice
    assert counts(result, "language")["ar"] == 3

    page.unpublish()
    assert facet_rows(page) == set()
    assert counts(run(DatabaseBackend(), {}), "topic")["sprache"] == 4


@pytest.mark.parametrize(
    "backend", ["database", pytest.param("elasticsearch", marks=pytest.mark.elasticsearch)], indirect=True
)
def test_a_term_given_another_slug_and_name_counts_and_finds_its_listings_under_the_new_ones(
    backend, town, django_capture_on_commit_callbacks
):
    """An editor renames the topic "Sprache": its listings are counted, filtered and found under the new
    slug and name at once, in either backend (the sync task stores and indexes them anew)."""
    with_topic = found(run(backend, {"topic": "sprache", "per_page": "50"}), town)
    assert len(with_topic) == 4
    assert found(run(backend, {"q": "Quasselrunde"}), town) == set()

    topic = Topic.objects.get(slug="sprache", locale=town["integration"].locale)
    with django_capture_on_commit_callbacks(execute=True):
        topic.slug, topic.name = "quasselrunde", "Quasselrunde"
        topic.save()

    result = run(backend, {"per_page": "50"})
    assert counts(result, "topic") == {"quasselrunde": 4, "beratung": 4, "arbeit": 2}
    assert found(run(backend, {"topic": "quasselrunde", "per_page": "50"}), town) == with_topic
    assert found(run(backend, {"q": "Quasselrunde", "per_page": "50"}), town) == with_topic


def test_a_removed_term_is_no_longer_among_its_listings_facet_values(
    town, django_capture_on_commit_callbacks
):
    page = town["integration"]
    assert "language:ar" in facet_rows(page)
    with django_capture_on_commit_callbacks(execute=True):
        Language.objects.get(slug="ar", locale=page.locale).delete()
    assert "language:ar" not in facet_rows(page) and "language:de" in facet_rows(page)
    assert counts(run(DatabaseBackend(), {}), "language") == {"de": 8, "uk": 3}
