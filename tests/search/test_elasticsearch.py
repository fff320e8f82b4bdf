"""Elasticsearch on the real node: typos, word forms, synonyms, suggestions, and the index following content."""

from __future__ import annotations

import pytest
from django.core.management import call_command

from tests.search.conftest import add_listing, found, run
from wegweiser.search.backends.elasticsearch import ElasticsearchBackend
from wegweiser.search.es.connection import alias_name, get_client
from wegweiser.search.es.indexes import rebuild
from wegweiser.search.models import Synonym
from wegweiser.site.registry import listing_types

pytestmark = pytest.mark.elasticsearch


@pytest.fixture
def indexed_town(town, elasticsearch_settings):
    rebuild()
    return town


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("integrazionskurs", {"integration"}),  # a typo
        ("Kinderbetreuung", {"integration"}),  # inside "Integrationskurs mit Kinderbetreuung"
        ("Kurs", {"integration", "deutschkurs", "abendkurs"}),  # part of compounds
        ("sprachcafe", {"sprachcafe"}),  # without the accent
        ("Migrationsberatung Erwachsene", {"migrationsberatung"}),
    ],
)
def test_typos_and_word_forms_still_find(indexed_town, words, expected):
    assert found(run(ElasticsearchBackend(), {"q": words, "per_page": "50"}), indexed_town) == expected


def test_a_plural_finds_the_course_itself_first(indexed_town):
    result = run(ElasticsearchBackend(), {"q": "Deutschkurse", "per_page": "50"})
    assert result.hits[0].page_id == indexed_town["deutschkurs"].pk


def test_matches_are_highlighted(indexed_town):
    hit = run(ElasticsearchBackend(), {"q": "Kinderbetreuung"}).hits[0]
    assert hit.highlights["title"] == "Integrationskurs mit <mark>Kinderbetreuung</mark>"


def test_the_synonym_list_maps_what_people_type_to_what_providers_write(indexed_town):
    assert found(run(ElasticsearchBackend(), {"q": "German course"}), indexed_town) == set()
    Synonym.objects.create(terms="Sprachkurs, Deutschkurs, German course, курс німецької")
    # What the German word finds, "Abendkurs Deutsch" (the compound's parts) included.
    german = found(run(ElasticsearchBackend(), {"q": "Deutschkurs", "per_page": "50"}), indexed_town)
    assert (
        found(run(ElasticsearchBackend(), {"q": "курс німецької", "per_page": "50"}), indexed_town) == german
    )
    assert {"deutschkurs", "abendkurs"} <= german
    assert found(run(ElasticsearchBackend(), {"q": "German course Frauen"}), indexed_town) == {"deutschkurs"}


def test_suggestions_complete_current_titles_in_the_visitors_language(indexed_town):
    suggestions = ElasticsearchBackend().suggest("deut", "de", listing_types())
    assert set(suggestions) == {"Deutschkurs für Frauen", "Abendkurs Deutsch B2"}
    assert "Deutschkurs Zukunft" not in ElasticsearchBackend().suggest("Deutschkurs", "de", listing_types())
    assert "Frauentreff" in ElasticsearchBackend().suggest("frau", "de", listing_types())


def test_publishing_makes_a_listing_findable_and_unpublishing_removes_it(
    indexed_town, organisation_a, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        page = add_listing(
            organisation_a, title="Nähcafé für Frauen", summary="Gemeinsam nähen.", district="altstadt"
        )
    assert {hit.page_id for hit in run(ElasticsearchBackend(), {"q": "Nähcafé"}).hits} == {page.pk}

    with django_capture_on_commit_callbacks(execute=True):
        page.unpublish()
    assert run(ElasticsearchBackend(), {"q": "Nähcafé"}).hits == []


def test_deleting_and_moving_update_the_index(
    indexed_town, organisation_a, organisation_b, django_capture_on_commit_callbacks
):
    page = indexed_town["frauentreff"]
    with django_capture_on_commit_callbacks(execute=True):
        page.move(organisation_a, pos="last-child")
    document = get_client().get(index=alias_name(), id=str(page.pk))
    assert document["_source"]["organisation"] == organisation_a.title

    with django_capture_on_commit_callbacks(execute=True):
        page.delete()
    assert "frauentreff" not in found(run(ElasticsearchBackend(), {"per_page": "50"}), indexed_town)
    assert not get_client().exists(index=alias_name(), id=str(page.pk))


def test_reindex_builds_a_new_index_and_swaps_the_alias(indexed_town):
    before = set(get_client().indices.get_alias(name=alias_name()))
    call_command("search_reindex", "--no-progress")
    after = set(get_client().indices.get_alias(name=alias_name()))
    assert before and after and before != after
    assert not get_client().indices.exists(index=list(before)[0])
    assert run(ElasticsearchBackend()).total == 8


def test_listing_types_switched_off_for_the_site_are_not_found(indexed_town):
    from tests.search.conftest import run as search

    types = {key: value for key, value in listing_types().items() if key != "meeting"}
    from wegweiser.search.query import SearchQuery

    query, _messages = SearchQuery.from_querydict({"per_page": "50"}, locale="de", available_types=types)
    result = ElasticsearchBackend().search(query, types)
    assert found(result, indexed_town) == {
        "integration",
        "deutschkurs",
        "abendkurs",
        "migrationsberatung",
        "jobberatung",
    }
    assert search(ElasticsearchBackend()).total == 8


def test_word_forms_of_the_visitors_language_are_found_without_over_matching(indexed_town, english):
    """The node's language analyzers (our plugin on the test node) add word forms Python does not know."""
    from wegweiser.search.es.analysis import node_capabilities

    assert node_capabilities().language_analysis
    original = indexed_town["migrationsberatung"]
    translated = original.copy_for_translation(english, copy_parents=True)
    translated.title = "Counselling for families"
    translated.summary = "Advice on residence and work for parents and their children."
    translated.save_revision().publish()
    rebuild()
    # "family" and "families" share the English stem "famili"; neither a typo nor a German ending links them.
    in_english = run(ElasticsearchBackend(), {"q": "family", "per_page": "50"}, locale="en")
    assert {hit.page.title for hit in in_english.hits} == {"Counselling for families"}
    # A compound is found through its parts ("Kurs für Deutsch" is a German course too), the course itself first.
    in_german = run(ElasticsearchBackend(), {"q": "Deutschkurs", "per_page": "50"})
    assert in_german.hits[0].page_id == indexed_town["deutschkurs"].pk
    # Through the compound part "frauen" in the forms field (and the target group "Frauen" of others).
    assert {"deutschkurs", "frauentreff"} <= found(
        run(ElasticsearchBackend(), {"q": "Frauen", "per_page": "50"}), indexed_town
    )


def test_an_index_built_before_the_facets_field_still_counts_every_facet(indexed_town):
    """After an upgrade, until ``search_reindex`` has run, visitors search the old index: its documents
    have no ``facets`` field, and each facet is counted on its own there, as the old release did."""
    from elasticsearch.helpers import bulk

    from wegweiser.search.backends import elasticsearch as backend_module
    from wegweiser.search.backends.database import DatabaseBackend
    from wegweiser.search.es.analysis import index_body, node_capabilities
    from wegweiser.search.es.documents import all_facet_names, current_pages, documents_for

    client = get_client()
    capabilities = node_capabilities()
    types = listing_types()
    body = index_body(capabilities, all_facet_names(types.values()))
    del body["mappings"]["properties"]["facets"]
    old_index = f"{alias_name()}-before-facets"
    client.indices.create(index=old_index, **body)
    documents = [
        {key: value for key, value in document.items() if key != "facets"}
        for listing_type in types.values()
        for document in documents_for(listing_type, current_pages(listing_type), capabilities)
    ]
    bulk(client, ({"_index": old_index, **document} for document in documents), refresh=True)
    current = list(client.indices.get_alias(name=alias_name()))
    client.indices.update_aliases(
        actions=[
            *({"remove": {"index": index, "alias": alias_name()}} for index in current),
            {"add": {"index": old_index, "alias": alias_name()}},
        ]
    )
    backend_module._TOGETHER.clear()  # a new app process meeting the old index

    for params in ({}, {"topic": ["sprache"]}, {"q": "Kurs", "cost": ["free"]}):
        old = run(ElasticsearchBackend(), params)
        expected = run(DatabaseBackend(), params)
        assert old.facets == expected.facets, params
        assert any(count for values in old.facets.values() for _value, _label, count in values)
    assert backend_module._TOGETHER[alias_name()] is not True

    call_command("search_reindex", "--no-progress")  # the upgrade's step: the new index counts together
    backend_module._TOGETHER.clear()
    assert (
        run(ElasticsearchBackend(), {"topic": ["sprache"]}).facets
        == run(DatabaseBackend(), {"topic": ["sprache"]}).facets
    )
    assert backend_module._TOGETHER[alias_name()] is True
