"""If Elasticsearch cannot answer, the database does: the visitor gets results, the log gets a warning."""

from __future__ import annotations

import logging

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import translation

from wegweiser.search import service
from wegweiser.search.query import SearchQuery
from wegweiser.search.service import CIRCUIT_FAILURES, CIRCUIT_KEY, FAILURES_KEY
from wegweiser.site.registry import listing_types

NOTHING_LISTENS = "http://127.0.0.1:9"  # the discard port: connections are refused at once


@pytest.fixture
def elasticsearch_down(settings):
    from wegweiser.search.es.connection import reset_client

    settings.WEGWEISER_SEARCH = {
        **settings.WEGWEISER_SEARCH,
        "BACKEND": "elasticsearch",
        "ELASTICSEARCH_URL": NOTHING_LISTENS,
        "TIMEOUT": 2,
    }
    reset_client()
    yield
    reset_client()


def test_search_answers_from_the_database_when_elasticsearch_is_unreachable(town, elasticsearch_down, caplog):
    query, _messages = SearchQuery.from_querydict(
        {"q": "Deutschkurs"}, locale="de", available_types=listing_types()
    )
    with caplog.at_level(logging.WARNING, logger="wegweiser.search.service"):
        result = service.search(query, listing_types())
    assert result.fell_back and result.backend == "database"
    # The course itself first; other courses in German ("Abendkurs Deutsch B2") may follow it.
    assert result.hits[0].page_id == town["deutschkurs"].pk
    assert "answering from the database" in caplog.text


def test_after_repeated_failures_elasticsearch_is_left_alone_for_a_while(town, elasticsearch_down, caplog):
    query, _messages = SearchQuery.from_querydict({}, locale="de", available_types=listing_types())
    for _failure in range(CIRCUIT_FAILURES):
        assert service.search(query, listing_types()).fell_back
    assert cache.get(CIRCUIT_KEY)
    caplog.clear()
    with caplog.at_level(logging.WARNING, logger="wegweiser.search.service"):
        assert service.search(query, listing_types()).total == 8
    assert caplog.text == ""


def test_one_failure_sends_only_that_search_to_the_database(town, elasticsearch_down, settings, caplog):
    """One search that outlasted the timeout (a node restarting) must not turn Elasticsearch off for every
    visitor on every app server; the next search asks it again."""
    query, _messages = SearchQuery.from_querydict({}, locale="de", available_types=listing_types())
    assert service.search(query, listing_types()).fell_back
    assert not cache.get(CIRCUIT_KEY)
    caplog.clear()
    with caplog.at_level(logging.WARNING, logger="wegweiser.search.service"):
        service.search(query, listing_types())
    assert "answering from the database" in caplog.text  # Elasticsearch was asked again


def test_failures_further_apart_than_the_window_do_not_open_the_circuit(town, elasticsearch_down):
    query, _messages = SearchQuery.from_querydict({}, locale="de", available_types=listing_types())
    for _failure in range(CIRCUIT_FAILURES + 1):
        service.search(query, listing_types())
        cache.delete(FAILURES_KEY)  # as if the window had closed since
    assert not cache.get(CIRCUIT_KEY)


def test_the_search_page_and_suggestions_work_while_elasticsearch_is_down(client, town, elasticsearch_down):
    response = client.get(reverse("search:search"), {"q": "Sprachcafé"})
    assert response.status_code == 200
    assert "Sprachcaf" in response.content.decode()
    response = client.get(reverse("search:suggest"), {"q": "Sprach"})
    assert response.status_code == 200 and response.json() == {"suggestions": ["Sprachcafé"]}


@pytest.mark.parametrize("language", ["ar", "fa", "uk"])
def test_the_search_page_works_in_every_language_while_elasticsearch_is_down(
    client, town, elasticsearch_down, language
):
    """Only the German search had fallen back: in another language, asking the node which field holds that
    language came before the guard, and the visitor got a server error instead of results."""
    with translation.override(language):
        url = reverse("search:search")
    response = client.get(url, {"q": "Sprachcafé"})
    assert response.status_code == 200
    assert f'lang="{language}"' in response.content.decode() and "Sprachcaf" in response.content.decode()


def test_the_search_log_records_the_backend_that_really_answered(client, town, elasticsearch_down):
    from wegweiser.search.models import SearchQueryLog

    client.get(reverse("search:search"), {"q": "Sprachcafé"})
    assert SearchQueryLog.objects.get().backend == "database"
