"""The embedded backend's forgiving words: word forms, compounds, umlauts and the synonym list."""

from __future__ import annotations

import pytest

from tests.search.conftest import found, run
from wegweiser.search.backends.database import DatabaseBackend
from wegweiser.search.models import Synonym
from wegweiser.search.wording import highlight, stem, word_variants


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("Deutschkurse", "deutschkurs"),
        ("Sprachkursen", "sprachkurs"),
        ("Beratungen", "beratung"),
        ("Kurs", "kurs"),
    ],
)
def test_german_endings_are_removed(word, expected):
    assert stem(word) == expected


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("Deutschkurse", {"deutschkurs"}),
        ("kinderbetreuung", {"integration"}),
        ("kurs", {"integration", "deutschkurs", "abendkurs"}),
        ("beratung arabisch", set()),  # every word must match; "arabisch" is only a facet value
        ("Beratungen", {"migrationsberatung", "ohne_ort"}),
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
    }
    Synonym.objects.create(terms="Deutschkurs, German course")
    assert found(run(DatabaseBackend(), {"q": "german COURSE"}), town) == {"deutschkurs"}


def test_relevance_puts_title_matches_first(town):
    result = run(DatabaseBackend(), {"q": "Frauen"})
    assert [hit.page.title for hit in result.hits][:2] == ["Deutschkurs für Frauen", "Frauentreff"]


def test_highlights_escape_html_and_mark_word_forms(db):
    html = highlight("<b>Deutschkurs</b> für Frauen", ["deutschkurse"])
    assert html == "&lt;b&gt;<mark>Deutschkurs</mark>&lt;/b&gt; für Frauen"
    assert "über" in word_variants("über") and "Über" in word_variants("über")


def test_suggestions_complete_titles_of_current_listings(town):
    backend = DatabaseBackend()
    from wegweiser.site.registry import listing_types

    assert backend.suggest("deut", "de", listing_types()) == [
        "Deutschkurs für Frauen",
        "Abendkurs Deutsch B2",
    ]
    assert "Deutschkurs Sommer abgelaufen" not in backend.suggest("Deutschkurs", "de", listing_types())
    assert backend.suggest("d", "de", listing_types()) == []
