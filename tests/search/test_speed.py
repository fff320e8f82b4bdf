"""What keeps a search fast on either backend: a fixed number of queries per page of hits, cached choices.

The cards of a page of hits are loaded with two queries per listing type, however many hits there
are; facet choice lists and district centres come from the cache until an editor changes a term.
"""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from tests.search.conftest import add_listing
from tests.search.listing_types import MeetingPage
from wegweiser.site.models import District, Topic

#: The whole search page with 20 hits of two listing types, once the caches are warm (site, settings, menus,
#: terms and districts come from them): the site, then per listing type with hits two queries for their
#: pages and languages. The database backend also asks which listing types have any listing (one query;
#: the other registered types cost nothing more) and the numbers its rows store the facet values under
#: (one query), and per such type one query counts its matches and all its facets, one finds its page of
#: hits. A text search first asks the index whether some listing has all its words (a query on the
#: database; a request to Elasticsearch).
SEARCH_PAGE_QUERIES = {"elasticsearch": 5, "database": 11}


@pytest.fixture(params=["database", pytest.param("elasticsearch", marks=pytest.mark.elasticsearch)])
def page_backend(request, town, settings):
    """The search page answered by each backend over the same town."""
    if request.param == "elasticsearch":
        request.getfixturevalue("elasticsearch_settings")
        from wegweiser.search.es.indexes import rebuild

        rebuild()
    else:
        settings.WEGWEISER_SEARCH = {**settings.WEGWEISER_SEARCH, "BACKEND": "database"}
    return request.param


def _search_page(client, params) -> tuple[str, int]:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(reverse("search:search"), params)
    assert response.status_code == 200
    return response.content.decode(), len(captured.captured_queries)


def test_hit_cards_show_organisation_district_and_languages(client, page_backend):
    html, _queries = _search_page(client, {"q": "Sprachcafé"})
    assert "Sprachcaf" in html and "Caritas Neustadt" in html
    assert "<li>Altstadt</li>" in html
    assert "<li>Ukrainisch</li>" in html and "<li>Arabisch</li>" in html
    if page_backend == "elasticsearch":
        assert "1 Ergebnis" in html


def test_more_hits_on_a_page_cost_no_more_queries(client, page_backend, django_assert_max_num_queries):
    params = {"per_page": "50"}
    _search_page(client, params)  # the first search fills the caches
    html, few = _search_page(client, params)
    assert "Frauentreff" in html and "Bewerbungshilfe" in html

    parent = MeetingPage.objects.get(title="Frauentreff").get_parent()
    added = [
        add_listing(
            parent, MeetingPage, title=f"Nähcafé {number}", languages=["de", "ar"], district="altstadt"
        )
        for number in range(12)
    ]
    if page_backend == "elasticsearch":
        from wegweiser.search.es.indexes import sync_pages

        sync_pages([page.pk for page in added])
    _search_page(client, params)
    with django_assert_max_num_queries(SEARCH_PAGE_QUERIES[page_backend]):
        html, many = _search_page(client, params)
    assert "20 Ergebnisse" in html
    assert "Nähcafé 11" in html
    assert many == few


def test_a_renamed_term_and_a_new_district_show_at_once(client, page_backend):
    html, _queries = _search_page(client, {"q": "Kurs"})
    assert 'Sprache <span class="search__count">' in html
    topic = Topic.objects.get(slug="sprache")
    topic.name = "Sprache und Verständigung"
    topic.save()
    District.objects.create(
        slug="suedstadt", name="Südstadt", locale=topic.locale, sort_order=9, latitude=51.29, longitude=9.48
    )
    html, _queries = _search_page(client, {"q": "Kurs"})
    assert 'Sprache und Verständigung <span class="search__count">' in html
    assert '<option value="suedstadt">Südstadt</option>' in html
    html, _queries = _search_page(client, {"q": "Kurs", "near": "suedstadt", "radius": "5"})
    assert "Diesem Stadtteil" not in html


def test_facet_labels_follow_the_visitors_language(client, page_backend):
    german, _queries = _search_page(client, {"q": "Kurs"})
    with translation.override("en"):  # also undoes the language the English request activates
        english = client.get(reverse("search:search"), {"q": "Kurs"}).content.decode()
    assert "kostenlos" in german
    assert "free of charge" in english and "kostenlos" not in english


def test_a_word_found_nowhere_costs_no_search_over_the_listings(client, page_backend):
    """A word no listing has is known from one indexed lookup: the page says so, and no listing, facet or
    count is read. (Searched with it, PostgreSQL once spent minutes on the count of such a search in
    another language, in a database without statistics.)"""
    _search_page(client, {"q": "Sprachcafé"})  # the first search fills the caches
    with CaptureQueriesContext(connection) as captured:
        html, _queries = _search_page(client, {"q": "Qqxyzzy"})
    assert "0 Ergebnisse" in html
    assert "Diese Wörter wurden nicht gefunden: Qqxyzzy" in html
    counted = [query["sql"] for query in captured.captured_queries if "COUNT(" in query["sql"].upper()]
    assert counted == []
