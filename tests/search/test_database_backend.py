"""The embedded backend's forgiving words: word forms, compounds, umlauts and the synonym list."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command

from tests.search.conftest import found, run
from wegweiser.search.backends.database import DatabaseBackend
from wegweiser.search.models import Synonym
from wegweiser.search.wording import highlight, stem, word_variants


@pytest.mark.parametrize(
    ("word", "same_as"),
    [
        ("Deutschkurse", "Deutschkurs"),
        ("Sprachkursen", "sprachkurs"),
        ("Beratungen", "Beratung"),
        ("Kurse", "Kurs"),
        ("Prüfungen", "Pruefung"),
        ("Straße", "Strasse"),
    ],
)
def test_word_forms_and_spellings_share_one_stem(word, same_as):
    assert stem(word) == stem(same_as)


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("Deutschkurse", {"deutschkurs", "abendkurs", "integration"}),  # also "Abendkurs Deutsch"
        ("kinderbetreuung", {"integration"}),
        ("kurs", {"integration", "deutschkurs", "abendkurs"}),
        # Term names count: "Arabisch" is a language spoken, "Beratung" a topic.
        ("beratung arabisch", {"migrationsberatung", "jobberatung", "frauentreff"}),
        ("Beratungen", {"migrationsberatung", "ohne_ort", "jobberatung", "frauentreff"}),
        ("SPRACHCAFÉ", {"sprachcafe"}),
    ],
)
def test_words_find_their_forms_in_titles_and_summaries(town, words, expected):
    assert found(run(DatabaseBackend(), {"q": words, "per_page": "50"}), town) == expected


def test_synonyms_find_what_providers_wrote(town):
    assert found(run(DatabaseBackend(), {"q": "Counselling"}), town) == set()
    Synonym.objects.create(terms="Beratung, Counselling, консультація")
    assert found(run(DatabaseBackend(), {"q": "Counselling", "per_page": "50"}), town) == {
        "migrationsberatung",
        "ohne_ort",
        "jobberatung",
        "frauentreff",
    }
    Synonym.objects.create(terms="Deutschkurs, German course")
    # What the German word finds, "Abendkurs Deutsch" (the compound's parts) included.
    german = found(run(DatabaseBackend(), {"q": "Deutschkurs", "per_page": "50"}), town)
    assert found(run(DatabaseBackend(), {"q": "german COURSE", "per_page": "50"}), town) == german
    assert {"deutschkurs", "abendkurs"} <= german


def test_a_misspelt_word_is_corrected_to_a_synonym_saved_a_moment_ago(town):
    """A visitor who searched for a misspelt word before the office saved it as a synonym gets the
    correction at once, not after the cached corrections expire."""
    from wegweiser.search.vocabulary import corrections

    assert corrections("Counseling") == []
    Synonym.objects.create(terms="Beratung, Counselling")
    assert corrections("Counseling") == ["counselling"]
    assert found(run(DatabaseBackend(), {"q": "Counseling", "per_page": "50"}), town) >= {
        "migrationsberatung"
    }


def test_an_upgraded_portal_gets_the_new_starter_words_into_its_own_groups_when_asked(town):
    """A portal set up before "دورة لغة" joined the starter list keeps its group; --merge adds the new words."""
    Synonym.objects.create(terms="Deutschkurs, Sprachkurs, Abendkurs", note="our own")
    assert found(run(DatabaseBackend(), {"q": "دورة لغة"}), town) == set()

    call_command("search_starter_synonyms", stdout=StringIO())
    assert Synonym.objects.get(note="our own").terms == "Deutschkurs, Sprachkurs, Abendkurs"
    out = StringIO()
    call_command("search_starter_synonyms", "--merge", stdout=out)
    again = StringIO()
    call_command("search_starter_synonyms", "--merge", stdout=again)

    words = Synonym.objects.get(note="our own").term_list
    assert words[:3] == ["deutschkurs", "sprachkurs", "abendkurs"] and {"german course", "دورة لغة"} <= set(
        words
    )
    assert "to 1 groups" in out.getvalue() and "to 0 groups" in again.getvalue()
    german = found(run(DatabaseBackend(), {"q": "Deutschkurs", "per_page": "50"}), town)
    assert found(run(DatabaseBackend(), {"q": "دورة لغة", "per_page": "50"}), town) == german


def test_relevance_puts_title_matches_first(town):
    result = run(DatabaseBackend(), {"q": "Frauen"})
    assert [hit.page.title for hit in result.hits][:2] == ["Deutschkurs für Frauen", "Frauentreff"]


def test_highlights_escape_html_and_mark_word_forms(db):
    html = highlight("<b>Deutschkurs</b> für Frauen", ["deutschkurse"])
    assert html == "&lt;b&gt;<mark>Deutschkurs</mark>&lt;/b&gt; für Frauen"
    assert "über" in word_variants("über") and "Über" in word_variants("über")


def test_an_arabic_word_is_marked_whole_with_its_article(db):
    assert highlight("دورة اللغة، باللغة", ["لغة"]) == "دورة <mark>اللغة</mark>، <mark>باللغة</mark>"
    assert highlight("مقهى اللغة", ["اللغة"]) == "مقهى <mark>اللغة</mark>"


def test_an_arabic_or_persian_stem_marks_only_words_it_begins(db):
    """The Arabic rules make "مان" of "الألمانية" (German): a Persian searching "آلمانی" saw "medical" marked
    as "در<mark>مانی</mark>". A German compound's part is still marked inside it."""
    assert highlight("خدمات درمانی و زمان", ["مان"]) == "خدمات درمانی و زمان"
    assert highlight("مانی", ["مان"]) == "<mark>مانی</mark>"
    assert highlight("Migrationsberatung", ["beratung"]) == "Migrations<mark>beratung</mark>"


def test_suggestions_complete_titles_of_current_listings(town):
    backend = DatabaseBackend()
    from wegweiser.site.registry import listing_types

    assert backend.suggest("deut", "de", listing_types()) == [
        "Deutschkurs für Frauen",
        "Abendkurs Deutsch B2",
    ]
    assert "Deutschkurs Sommer abgelaufen" not in backend.suggest("Deutschkurs", "de", listing_types())
    assert backend.suggest("d", "de", listing_types()) == []


def test_any_typed_word_is_corrected_without_an_invalid_cache_key(town):
    """A word with control or private-use characters (a broken keyboard, a fuzzer) still gets its
    corrections from a cache key that Redis and memcached accept alike."""
    import warnings

    from django.core.cache.backends.base import CacheKeyWarning

    from wegweiser.search.vocabulary import corrections

    with warnings.catch_warnings():
        warnings.simplefilter("error", CacheKeyWarning)
        assert corrections("Deutschkurz") == corrections("Deutschkurz")
        assert corrections("tì\U000fb38f\x0eóµs°kurs") == []
    assert "deutschkurs" in corrections("Deutschkurz")
