"""One text search everywhere: the finder, each listing type's finder page and the API's ``q`` agree,
and the finder tells the visitor which words it did not find and what they probably meant."""

from __future__ import annotations

from django.urls import reverse

from tests.search.conftest import found, run
from wegweiser.search.backends.database import DatabaseBackend
from wegweiser.site.listings import build_filterset
from wegweiser.site.registry import listing_types


def _finder_page_titles(words: str) -> set[str]:
    """What a listing type's own finder page (and the API, which uses the same filter set) finds."""
    titles = set()
    for listing_type in listing_types().values():
        filterset = build_filterset(listing_type, data={"q": words})
        titles.update(filterset.qs.values_list("title", flat=True))
    return titles


def test_finder_pages_and_the_api_find_what_the_finder_finds(town):
    for words in ("Deutschkurs mit Kinderbetreuung", "Beratungen", "Sprachcafe", "Kurse für Frauen"):
        result = run(DatabaseBackend(), {"q": words, "per_page": "50"})
        assert _finder_page_titles(words) == {hit.page.title for hit in result.hits}, words


def test_a_compound_finds_its_parts_written_apart(town):
    assert "integration" in found(run(DatabaseBackend(), {"q": "Kinderbetreuung Deutsch"}), town)
    assert "Integrationskurs mit Kinderbetreuung" in _finder_page_titles("Deutsch Kinder Betreuung")


def test_the_page_names_words_not_found_and_offers_what_was_meant(client, town):
    html = client.get(reverse("search:search"), {"q": "Kinderbetreuung Quantenphysik"}).content.decode()
    assert "Diese Wörter wurden nicht gefunden: Quantenphysik" in html
    assert "Integrationskurs mit <mark>Kinderbetreuung</mark>" in html

    html = client.get(reverse("search:search"), {"q": "Beratnug"}).content.decode()
    assert "Meinten Sie:" in html and ">beratung</a>" in html
    assert "Migrations<mark>beratung</mark> für Erwachsene" in html


def test_what_was_meant_keeps_the_chosen_filters(client, town):
    """Tapping "Did you mean: beratung" after choosing only offers dropped that choice with the typo."""
    html = client.get(
        reverse("search:search"), {"q": "Beratnug", "type": "offer", "page": "2"}
    ).content.decode()
    assert 'Meinten Sie: <a href="?q=beratung&amp;type=offer">beratung</a>' in html


def test_stop_words_never_empty_a_result(town):
    plain = found(run(DatabaseBackend(), {"q": "Deutschkurs Frauen"}), town)
    assert (
        found(run(DatabaseBackend(), {"q": "ein Deutschkurs für die Frauen"}), town)
        == plain
        == {"deutschkurs"}
    )


def test_a_translated_listing_is_found_on_english_pages_by_its_german_words(town, english):
    translated = town["deutschkurs"].copy_for_translation(english, copy_parents=True)
    translated.title = "German course for women"
    translated.summary = "A language course in the morning, for women only."
    translated.save_revision().publish()
    titles = {hit.page.title for hit in run(DatabaseBackend(), {"q": "Deutschkurs Frauen"}, locale="en").hits}
    assert titles == {"German course for women"}
