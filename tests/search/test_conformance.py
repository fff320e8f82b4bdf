"""One suite, every backend: the database (SQLite or PostgreSQL, whichever the run uses) and Elasticsearch.

Filter-only queries must find exactly the same listings with exactly the same facet counts, whatever
answers; expired, not-yet-valid and unpublished listings are never found.
"""

from __future__ import annotations

import pytest
from django.utils.translation import gettext as _

from tests.search.conftest import VISIBLE, found, run

FILTER_QUERIES = [
    ({}, VISIBLE),
    ({"topic": ["sprache"]}, {"integration", "deutschkurs", "abendkurs", "sprachcafe"}),
    (
        {"topic": ["sprache", "arbeit"]},
        {"integration", "deutschkurs", "abendkurs", "sprachcafe", "jobberatung"},
    ),
    ({"language": ["uk"]}, {"deutschkurs", "migrationsberatung", "sprachcafe"}),
    ({"language": ["uk"], "target_group": ["frauen"]}, {"deutschkurs", "sprachcafe"}),
    ({"accessible": ["1"]}, {"deutschkurs", "migrationsberatung", "frauentreff"}),
    ({"district": ["altstadt"], "topic": ["sprache"]}, {"integration", "sprachcafe"}),
    ({"cost": ["funded", "fee"]}, {"integration", "abendkurs", "jobberatung"}),
    # Free, funded, or a fee an authority can pay (the Jobcenter pays the Bewerbungshilfe's fee).
    ({"free_or_funded": ["1"]}, VISIBLE - {"abendkurs"}),
    ({"free_or_funded": ["1"], "district": ["weststadt"]}, {"frauentreff"}),
    ({"free_or_funded": ["1"], "cost": ["fee"]}, {"jobberatung"}),
    ({"type": ["meeting"]}, {"sprachcafe", "frauentreff", "ohne_ort"}),
    ({"type": ["meeting"], "topic": ["beratung"]}, {"frauentreff", "ohne_ort"}),
    # A facet only bulletins have narrows the results to bulletins.
    ({"bulletin_kind": ["call"]}, {"deutschkurs", "jobberatung"}),
    # A range facet: a listing from A1 to B1 is found under A1, A2 and B1 alike.
    ({"german": ["a2"]}, {"integration"}),
    ({"german": ["a1"]}, {"integration", "deutschkurs"}),
    ({"german": ["b1"]}, {"integration", "jobberatung"}),
    ({"german": ["a2", "b2"]}, {"integration", "abendkurs", "jobberatung"}),
    ({"german": ["b1"], "topic": ["sprache"]}, {"integration"}),
    # The core's time-of-day facet, from each listing's weekly slots (a start before 12:00 is a morning).
    ({"time_of_day": ["morning"]}, {"integration", "deutschkurs", "jobberatung"}),
    ({"time_of_day": ["evening"]}, {"abendkurs"}),
    ({"time_of_day": ["evening", "weekend"]}, {"abendkurs", "jobberatung"}),
    ({"time_of_day": ["afternoon"], "topic": ["arbeit"]}, {"jobberatung"}),
    ({"time_of_day": ["weekend"], "german": ["b2"]}, {"jobberatung"}),
    ({"near": "altstadt", "radius": "1"}, {"integration", "migrationsberatung", "sprachcafe"}),
    (
        {"near": "altstadt", "radius": "2", "topic": ["beratung"]},
        {"migrationsberatung", "jobberatung", "frauentreff"},
    ),
    ({"near": "nordstadt", "radius": "1"}, {"deutschkurs", "jobberatung"}),
]


def _id(value) -> str:
    """The same test name in every process (a set's order follows the process's hash seed)."""
    return str(sorted(value) if isinstance(value, set) else value)[:60]


@pytest.mark.parametrize(("params", "expected"), FILTER_QUERIES, ids=_id)
def test_filter_only_queries_find_the_same_listings(backend, town, params, expected):
    result = run(backend, {**params, "per_page": "50"})
    assert found(result, town) == expected
    assert result.total == len(expected)


def test_expired_future_and_unpublished_listings_are_never_found(backend, town):
    result = run(backend, {"q": "Deutschkurs", "per_page": "50"})
    assert "deutschkurs" in found(result, town)
    assert not found(result, town) & {"expired", "future", "draft"}
    everything = found(run(backend, {"topic": ["sprache"], "per_page": "50"}), town)
    assert not everything & {"expired", "future", "draft"}


def test_facet_counts_of_everything(backend, town):
    facets = run(backend).facets
    assert facets["topic"] == [
        ("sprache", "Sprache", 4),
        ("beratung", "Beratung", 4),
        ("arbeit", "Arbeit", 2),
    ]
    assert dict((value, count) for value, _label, count in facets["type"]) == {
        **{value: 0 for value, _label, _count in facets["type"]},
        "bulletin": 5,
        "meeting": 3,
    }
    assert facets["accessible"] == [("1", str(_("Wheelchair accessible")), 3)]
    assert dict((value, count) for value, _label, count in facets["district"]) == {
        "altstadt": 3,
        "nordstadt": 2,
        "weststadt": 2,
    }


def test_a_chosen_facet_value_keeps_the_other_values_counts_visible(backend, town):
    """Disjunctive facets: choosing "Sprache" still shows how many "Beratung" listings there are."""
    facets = run(backend, {"topic": ["sprache"], "language": ["ar"]}).facets
    # Topic counts ignore the topic choice but respect the language choice.
    assert facets["topic"] == [
        ("sprache", "Sprache", 2),
        ("beratung", "Beratung", 3),
        ("arbeit", "Arbeit", 1),
    ]
    # Language counts ignore the language choice but respect the topic choice.
    assert dict((value, count) for value, _label, count in facets["language"]) == {"de": 4, "ar": 2, "uk": 2}
    assert dict((value, count) for value, _label, count in facets["type"])["meeting"] == 1


def test_single_valued_facets_are_counted_disjunctively_too(backend, town):
    """Cost, district, flags and a type's own field: each ignores its own choice, respects the others."""
    result = run(backend, {"district": ["altstadt"], "cost": ["free"]})
    assert found(result, town) == {"migrationsberatung", "sprachcafe"}
    counts = {name: {value: count for value, _label, count in rows} for name, rows in result.facets.items()}
    assert counts["cost"] == {"free": 2, "reduced": 0, "fee": 0, "funded": 1}
    # Nordstadt: the free Deutschkurs (the Bewerbungshilfe there costs a fee the Jobcenter pays).
    assert counts["district"] == {"altstadt": 2, "nordstadt": 1, "weststadt": 1}
    assert counts["accessible"] == {"1": 1}
    assert counts["bulletin_kind"] == {"information": 1, "call": 0}
    assert (counts["type"]["bulletin"], counts["type"]["meeting"]) == (1, 1)


def test_a_range_facet_counts_a_listing_under_every_value_it_covers(backend, town):
    """A1–B1 counts for A1, A2 and B1; chosen, the facet's counts ignore its own choice (disjunctive)."""
    counts = {value: count for value, _label, count in run(backend).facets["german"]}
    assert counts == {"a1": 2, "a2": 1, "b1": 2, "b2": 2}
    result = run(backend, {"german": ["a1"], "district": ["nordstadt"]})
    assert found(result, town) == {"deutschkurs"}
    counts = {value: count for value, _label, count in result.facets["german"]}
    assert counts == {"a1": 1, "a2": 0, "b1": 1, "b2": 1}


def test_the_time_of_day_facet_counts_every_part_of_the_day_a_listing_meets_in(backend, town):
    """Mo/Mi 14–16 and Sa 10–13 count for afternoons, mornings and weekends alike; chosen, disjunctive."""
    counts = {value: count for value, _label, count in run(backend).facets["time_of_day"]}
    assert counts == {"morning": 3, "afternoon": 1, "evening": 1, "weekend": 1}
    result = run(backend, {"time_of_day": ["evening"], "topic": ["arbeit"]})
    counts = {value: count for value, _label, count in result.facets["time_of_day"]}
    assert counts == {"morning": 1, "afternoon": 1, "evening": 1, "weekend": 1}
    assert [label for _value, label, _count in result.facets["time_of_day"]][2] == "Abends (Beginn ab 17:00)"


def test_free_or_paid_for_by_an_authority_is_counted_like_every_flag(backend, town):
    assert run(backend).facets["free_or_funded"] == [("1", "Kostenlos oder von einer Stelle bezahlt", 7)]
    result = run(backend, {"free_or_funded": ["1"], "topic": ["sprache"]})
    assert found(result, town) == {"integration", "deutschkurs", "sprachcafe"}
    assert dict((value, count) for value, _label, count in result.facets["cost"]) == {
        "free": 2,
        "reduced": 0,
        "fee": 0,
        "funded": 1,
    }


def test_geo_sort_puts_the_nearest_first(backend, town):
    result = run(backend, {"near": "nordstadt", "sort": "distance", "per_page": "50"})
    names = [found_name for found_name in _names_in_order(result, town)]
    assert names[:2] in (["deutschkurs", "jobberatung"], ["jobberatung", "deutschkurs"])
    assert names[-1] == "ohne_ort"  # no coordinates: last
    distances = [hit.distance_km for hit in result.hits if hit.distance_km is not None]
    assert distances == sorted(distances)
    assert distances[0] == pytest.approx(0.0, abs=0.01)


def test_pages_of_results_do_not_overlap(backend, town):
    first = run(backend, {"per_page": "10"})
    assert len(first.hits) == 8 and first.num_pages == 1
    second = run(backend, {"per_page": "10", "page": "2"})
    assert second.hits == [] and second.total == 8


def test_date_range_leaves_out_listings_not_valid_then(backend, town):
    import datetime

    from django.utils import timezone

    later = timezone.localdate() + datetime.timedelta(days=20)
    result = run(backend, {"date_from": later.isoformat(), "per_page": "50"})
    assert found(result, town) == VISIBLE  # "future" becomes valid then, but is not valid today


def test_search_in_english_finds_translations_and_untranslated_german_originals(backend, town, english):
    from tests.search.listing_types import BulletinPage

    original = town["deutschkurs"]
    translated = original.copy_for_translation(english, copy_parents=True)
    translated.title = "German course for women"
    translated.summary = "A language course in the morning, for women only."
    translated.save_revision().publish()
    if backend.name == "elasticsearch":
        from wegweiser.search.es.indexes import rebuild

        rebuild()
    english_titles = {hit.page.title for hit in run(backend, {"per_page": "50"}, locale="en").hits}
    assert "German course for women" in english_titles
    assert "Deutschkurs für Frauen" not in english_titles
    assert "Sprachcafé" in english_titles  # untranslated: found through its German text
    assert {hit.page.title for hit in run(backend, {"q": "Sprachcafé"}, locale="en").hits} == {"Sprachcafé"}
    german = {hit.page.title for hit in run(backend, {"per_page": "50"}).hits}
    assert "Deutschkurs für Frauen" in german and "German course for women" not in german
    assert BulletinPage.objects.filter(title="German course for women").exists()


#: (language, the translation's title and summary, what a newcomer types for its words)
TRANSLATED_WORDS = {
    # Arabic writes "the language" as one word ("اللغة"); a newcomer types "لغة", or "لغه" for "لغة".
    "article": (
        "ar",
        "دورة اللغة الألمانية للنساء",
        "في الصباح، مع رعاية الأطفال ونصائح عن الصحة.",
        ["لغة", "لغه", "اللغة", "باللغة", "صحة", "الصحه"],
    ),
    # Ukrainian inflects: the listing says "курси німецької мови", a newcomer types "курсів" or "німецька".
    "endings": (
        "uk",
        "Курси німецької мови для жінок",
        "Вранці, з консультаціями щодо роботи.",
        ["курсів", "німецька мова", "німецькою", "консультація", "роботі"],
    ),
    # Persian on an Arabic keyboard writes "ك" and "ي" for "ک" and "ی"; endings join with or without a
    # zero-width non-joiner ("کلاس‌ها", "کلاسها").
    "keyboards": (
        "fa",
        "کلاس‌های زبان آلمانی برای زنان",
        "صبح‌ها، با نگهداری از کودکان.",
        ["كلاس", "کلاسها", "کلاس‌ها", "كودك", "کودکان", "آلماني"],
    ),
}


@pytest.mark.parametrize("case", TRANSLATED_WORDS)
def test_a_translated_listing_is_found_by_other_forms_of_its_words(backend, town, case):
    from wagtail.models import Locale

    language, title, summary, typed_words = TRANSLATED_WORDS[case]
    locale = Locale.objects.get_or_create(language_code=language)[0]
    translated = town["deutschkurs"].copy_for_translation(locale, copy_parents=True)
    translated.title, translated.summary = title, summary
    translated.save_revision().publish()
    if backend.name == "elasticsearch":
        from wegweiser.search.es.indexes import rebuild

        rebuild()
    for typed in typed_words:
        titles = {hit.page.title for hit in run(backend, {"q": typed}, locale=language).hits}
        assert titles == {title}, typed


def test_a_translation_only_started_leaves_the_german_original_found(backend, town, english):
    """A translator's draft hides nothing: until it is published, the English visitor finds the German original."""
    draft = town["frauentreff"].copy_for_translation(english, copy_parents=True)
    draft.title = "Women's meeting"
    draft.save_revision()
    if backend.name == "elasticsearch":
        from wegweiser.search.es.indexes import rebuild

        rebuild()
    result = run(backend, {"per_page": "50"}, locale="en")
    titles = {hit.page.title for hit in result.hits}
    assert "Frauentreff" in titles and "Women's meeting" not in titles
    assert result.total == run(backend, {"per_page": "50"}).total
    assert "Frauentreff" in {hit.page.title for hit in run(backend, {"q": "Frauentreff"}, locale="en").hits}


def _names_in_order(result, town):
    names = {page.pk: name for name, page in town.items()}
    return [names[hit.page_id] for hit in result.hits]


@pytest.mark.parametrize(
    "choices",
    [
        {},
        {"topic": ["sprache"]},
        {"language": ["ar", "uk"], "german": ["a1"]},
        {"topic": ["sprache", "beratung"], "district": ["altstadt", "nordstadt"], "accessible": ["1"]},
        {"q": "Kurs", "cost": ["free", "funded"], "target_group": ["frauen"], "time_of_day": ["morning"]},
    ],
    ids=["nothing", "one", "two", "three", "words-and-three"],
)
def test_every_count_shown_is_the_number_of_results_its_choice_gives(backend, town, choices):
    """What a visitor sees beside a value is what ticking it gives: for a facet without a choice, the
    results with that value added; for a chosen facet, the results with that value instead of its choice."""
    result = run(backend, {**choices, "per_page": "50"})
    for name, rows in result.facets.items():
        if name == "type":
            continue
        for value, _label, count in rows:
            ticked = {**choices, name: [value]}  # added, or instead of the facet's own choice
            assert run(backend, {**ticked, "per_page": "50"}).total == count, (name, value)


def test_between_hits_ranked_alike_the_one_in_the_visitor_s_language_comes_first(backend, town):
    """A Ukrainian visitor's search lists a listing translated into Ukrainian before a German original it
    ranks alike with; alphabetically the German one came first, and the translations were buried."""
    from wagtail.models import Locale

    ukrainian = Locale.objects.get_or_create(language_code="uk")[0]
    translated = town["deutschkurs"].copy_for_translation(ukrainian, copy_parents=True)
    translated.title, translated.summary = "Курс німецької для жінок (Frauen)", "Вранці."
    translated.save_revision().publish()
    if backend.name == "elasticsearch":
        from wegweiser.search.es.indexes import rebuild

        rebuild()
    ukrainian_titles = [hit.page.title for hit in run(backend, {"q": "Frauen"}, locale="uk").hits]
    assert ukrainian_titles[:2] == ["Курс німецької для жінок (Frauen)", "Frauentreff"]
    german_titles = [hit.page.title for hit in run(backend, {"q": "Frauen"}, locale="de").hits]
    assert german_titles[:2] == ["Deutschkurs für Frauen", "Frauentreff"]  # German visitors: as before
