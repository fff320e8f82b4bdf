"""Likely duplicates: planted duplicates are found, near-misses are not, and the search is exact and fast."""

from __future__ import annotations

import datetime
import io
import itertools
import random

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from tests.reports.conftest import german_csv_rows
from wegweiser.reports.duplicates import ComparedListing, find_duplicates, similarity_score
from wegweiser.reports.selection import ListingSelection
from wegweiser.reports.similarity import candidate_pairs, jaccard, trigrams, without_common_words, word_tokens

pytestmark = pytest.mark.built_once("planted")


def pair_names(pairs, planted):
    by_pk = {page.pk: name for name, page in planted.items()}
    return {frozenset((by_pk[pair.first.pk], by_pk[pair.second.pk])) for pair in pairs}


@pytest.mark.django_db
def test_planted_duplicates_are_found_and_near_misses_are_not(planted):
    pairs = find_duplicates(ListingSelection(), threshold=0.5)

    assert pair_names(pairs, planted) == {
        frozenset({"course_a", "course_b"}),
        frozenset({"counselling_a", "counselling_c"}),
    }
    assert all(0.5 <= pair.score <= 1 for pair in pairs)
    counselling = next(pair for pair in pairs if "Migrationsberatung" in pair.first.title)
    assert counselling.topics == ["Beratung"]
    assert counselling.district == "Südstadt"


@pytest.mark.django_db
def test_a_changed_listing_is_seen_at_once_despite_the_cache(planted):
    assert len(find_duplicates(ListingSelection())) == 2

    course_b = planted["course_b"]
    course_b.title = "Nähcafé für Nachbarinnen"
    course_b.summary = "Gemeinsam nähen, reparieren und Kaffee trinken."
    course_b.save()

    assert pair_names(find_duplicates(ListingSelection()), planted) == {
        frozenset({"counselling_a", "counselling_c"})
    }


@pytest.mark.django_db
def test_a_stricter_threshold_keeps_only_the_closest_pair(planted):
    loose = find_duplicates(ListingSelection(), threshold=0.4)
    strict = find_duplicates(ListingSelection(), threshold=0.8)

    assert len(strict) < len(loose)
    assert all(pair.score >= 0.8 for pair in strict)


@pytest.mark.django_db
def test_duplicates_report_page_and_exports(client, office_user, planted):
    client.force_login(office_user)

    page = client.get(reverse("reports:duplicates"), {"district": "suedstadt"})
    assert page.status_code == 200
    assert [pair.first.organisation for pair in page.context["object_list"]] in (["Verein A"], ["Verein C"])
    assert 'class="ww-chart"' in page.content.decode()

    exported = client.get(reverse("reports:duplicates"), {"export": "csv"})
    header, *rows = german_csv_rows(exported)
    assert len(header) == 8 and len(rows) == 2
    organisations = {frozenset((row[2], row[4])) for row in rows}
    assert organisations == {frozenset({"Verein A", "Verein B"}), frozenset({"Verein A", "Verein C"})}
    assert all(50 <= int(row[0]) <= 100 for row in rows)

    workbook = load_workbook(
        io.BytesIO(b"".join(client.get(reverse("reports:duplicates"), {"export": "xlsx"}).streaming_content))
    )
    assert len(list(workbook.active.iter_rows(values_only=True))) == 3


def test_titles_in_other_scripts_are_compared_too():
    assert trigrams("Курс німецької мови")
    assert jaccard(trigrams("Курс німецької мови"), trigrams("курс німецької мови!")) == 1.0
    assert jaccard(trigrams("دورة اللغة الألمانية"), trigrams("Deutschkurs")) == 0.0


def test_hyphenation_and_case_do_not_hide_a_duplicate_title():
    assert jaccard(trigrams("Deutsch-Kurs für Frauen"), trigrams("deutschkurs fuer FRAUEN")) == 1.0
    assert word_tokens("Die Kurse für Frauen") == word_tokens("Kurs Frauen")


def test_prefix_filtering_finds_every_pair_above_the_threshold():
    """Exactness against brute force on random texts from a small vocabulary (many near-duplicates)."""
    rng = random.Random(7)
    vocabulary = [f"wort{number}" for number in range(40)]
    sets = {index: frozenset(rng.sample(vocabulary, rng.randint(3, 12))) for index in range(300)}
    blocks = {"one": list(sets)}
    for threshold in (0.3, 0.5, 0.7):
        expected = {
            frozenset((first, second))
            for first, second in itertools.combinations(sets, 2)
            if jaccard(sets[first], sets[second]) >= threshold
        }
        candidates = candidate_pairs(sets, blocks, threshold)
        found = {frozenset(pair) for pair in candidates if jaccard(sets[pair[0]], sets[pair[1]]) >= threshold}
        assert found == expected
        assert len(candidates) < 300 * 299 / 2, "not every pair is a candidate"


def test_only_listings_in_the_same_block_are_compared():
    sets = {"a": frozenset({"x", "y"}), "b": frozenset({"x", "y"}), "c": frozenset({"x", "y"})}
    assert candidate_pairs(sets, {"north": ["a", "b"], "south": ["c"]}, 0.5) == {("a", "b")}


def test_validity_periods_overlap_when_open_or_intersecting():
    def listing(start, end):
        return ComparedListing("offer", "Offer", 1, "t", "s", 1, "o", "d", start, end)

    day = datetime.date(2026, 1, 1)
    week = datetime.timedelta(days=7)
    assert listing(None, None).overlaps(listing(day, day))
    assert listing(day, day + week).overlaps(listing(day + week, None))
    assert not listing(day, day + week).overlaps(listing(day + 2 * week, None))
    assert not listing(None, day).overlaps(listing(day + week, day + 2 * week))


def test_words_most_listings_use_do_not_make_listings_alike():
    sets = {index: frozenset({"anmeldung", "uhr", f"thema{index}"}) for index in range(300)}
    sets[0] = frozenset({"anmeldung", "uhr", "schuldnerberatung"})

    pruned = without_common_words(sets)

    assert pruned[0] == {"schuldnerberatung"}
    assert without_common_words({1: frozenset({"uhr"}), 2: frozenset({"uhr"})}) == {1: {"uhr"}, 2: {"uhr"}}, (
        "a handful of listings is too few to call a word common"
    )


def test_listings_with_only_everyday_words_in_their_summaries_are_judged_by_title():
    assert similarity_score(0.8, 0.0, frozenset()) == pytest.approx(0.8)
    assert similarity_score(0.8, 0.0, frozenset(f"word{n}" for n in range(20))) == pytest.approx(0.48)
    assert similarity_score(1.0, 1.0, frozenset({"kita"})) == pytest.approx(1.0)
