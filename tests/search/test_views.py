"""The search page as a visitor uses it: one box, facets with counts, highlights, pages, suggestions."""

from __future__ import annotations

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from wegweiser.search.models import SearchQueryLog


def test_the_search_page_shows_highlighted_hits_and_facets_with_counts(client, town):
    response = client.get(reverse("search:search"), {"q": "Kinderbetreuung"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Integrationskurs mit <mark>Kinderbetreuung</mark>" in html
    assert "1 Ergebnis" in html
    assert 'name="topic" value="sprache" checked' not in html
    assert 'Sprache <span class="search__count">(1)</span>' in html


def test_choosing_a_facet_keeps_its_other_values_with_counts(client, town):
    html = client.get(reverse("search:search"), {"topic": "sprache"}).content.decode()
    assert 'name="topic" value="sprache" checked' in html
    assert 'Beratung <span class="search__count">(4)</span>' in html


def test_the_search_is_logged_without_anything_about_the_visitor(client, town):
    client.get(
        reverse("search:search"), {"q": "Schwimmkurs", "district": "altstadt"}, REMOTE_ADDR="203.0.113.9"
    )
    entry = SearchQueryLog.objects.get()
    assert (entry.query_text, entry.result_count, entry.backend, entry.locale) == (
        "Schwimmkurs",
        0,
        "database",
        "de",
    )
    assert entry.filters == {"district": ["altstadt"]}
    assert "203.0.113.9" not in str(entry.__dict__)
    client.get(reverse("search:search"))
    assert SearchQueryLog.objects.count() == 1  # opening the empty page is not a search


def test_a_60000_character_query_is_answered_politely_with_no_more_queries_than_a_short_one(
    client, town, django_assert_max_num_queries
):
    client.get(reverse("search:search"), {"q": "Deutschkurs"})  # fills the caches of choices and terms
    with CaptureQueriesContext(connection) as short:
        client.get(reverse("search:search"), {"q": "Deutschkurs"})
    with django_assert_max_num_queries(len(short)):
        response = client.get(reverse("search:search"), {"q": "Deutschkurs " * 5000})
    assert response.status_code == 200
    assert "Ihre Suche war zu lang" in response.content.decode()


def test_nonsense_parameters_give_messages_not_errors(client, town):
    response = client.get(
        reverse("search:search"),
        {
            "lat": "x",
            "lon": "y",
            "page": "abc",
            "per_page": "-1",
            "sort": "price",
            "topic": "<script>",
            "date_from": "1.1.",
        },
    )
    assert response.status_code == 200
    assert "<script>" not in response.content.decode()


def test_near_a_district_sorted_by_distance_shows_how_far(client, town):
    html = client.get(
        reverse("search:search"), {"near": "nordstadt", "radius": "1", "sort": "distance"}
    ).content.decode()
    assert "Deutschkurs für Frauen" in html and "Abendkurs Deutsch B2" not in html
    assert "0,0 km" in html


def test_pages_of_results_link_to_each_other(client, town):
    html = client.get(reverse("search:search"), {"per_page": "10", "page": "1", "q": ""}).content.decode()
    assert 'rel="next"' not in html  # eight listings fit on one page
    for number in range(5):
        from tests.search.conftest import add_listing

        add_listing(town["sprachcafe"].get_parent(), title=f"Elterncafé {number}")
    html = client.get(reverse("search:search"), {"per_page": "10"}).content.decode()
    assert 'rel="next"' in html and "page=2" in html


def test_autocomplete_returns_titles_as_json(client, town):
    response = client.get(reverse("search:suggest"), {"q": "Frau"})
    assert response.status_code == 200
    assert response.json() == {"suggestions": ["Frauentreff", "Deutschkurs für Frauen"]}
    assert client.get(reverse("search:suggest"), {"q": "F"}).json() == {"suggestions": []}


def test_a_visitor_whose_language_no_title_is_in_gets_the_synonym_lists_terms_as_completions(client, town):
    """In Russian, Turkish or Persian "кур", "alm" and "کلاس" completed nothing: the town's titles are German
    (and some Arabic, Ukrainian, English). The synonym list says what the courses are called there."""
    from django.utils import translation

    from wegweiser.search.models import Synonym

    Synonym.objects.create(
        terms="Deutschkurs, курс німецької, курсы немецкого языка, курс немецкого, Almanca kursu, کلاس زبان, "
        "دوره زبان, دورة لغة"
    )
    Synonym.objects.create(terms="Zahnarzt, стоматолог")  # the town has no dentist
    Synonym.objects.create(terms="Frauentreff, women's meeting")

    def completed(typed: str, language: str) -> list[str]:
        with translation.override(language):
            url = reverse("search:suggest")
        return client.get(url, {"q": typed}).json()["suggestions"]

    # Only terms in the visitor's language: "і" is Ukrainian, "ы" Russian, "ة" Arabic, "ی" Persian; and where
    # the group has a term of the language, not one that could be either ("курс немецкого", "دوره زبان").
    assert completed("кур", "ru") == ["курсы немецкого языка"]
    assert completed("кур", "uk") == ["курс німецької"]
    assert completed("دور", "ar") == ["دورة لغة"]
    assert completed("دور", "fa") == ["دوره زبان"]
    assert completed("کلا", "fa") == ["کلاس زبان"]
    assert completed("alm", "tr") == ["almanca kursu"]
    assert completed("стом", "ru") == []  # a term of a group that names nothing the town has
    # Titles come first, and a term that is a title is not offered again.
    assert completed("deutschk", "de") == ["Deutschkurs für Frauen", "deutschkurs"]
    assert completed("frauentr", "de") == ["Frauentreff"]


def test_the_office_can_edit_the_synonym_list(client, admin_user):
    client.force_login(admin_user)
    response = client.post(
        reverse("wagtailsnippets_search_synonym:add"),
        {"terms": "Beratung, Counselling", "note": "Sozialberatung"},
    )
    assert response.status_code == 302
    from wegweiser.search.models import Synonym

    assert Synonym.objects.get().term_list == ["beratung", "counselling"]


def test_a_page_past_the_last_shows_the_last_pages_results(client, town):
    """An old link with ?page=99999 (or one from when there were more results) shows the last page's hits,
    not "page 1 of 1" above an empty list."""
    url = reverse("search:search")
    last_page = client.get(url, {"per_page": "10", "q": ""}).content.decode()
    html = client.get(url, {"per_page": "10", "q": "", "page": "99999"}).content.decode()
    assert html.count('class="card') == last_page.count('class="card') > 0


def test_a_search_that_finds_nothing_names_the_integration_office_to_ask(client, town):
    """A newcomer whose word ("دندانپزشک", dentist) found nothing got only "try other words" and the alert."""
    from wagtail.models import Site

    from wegweiser.site.models import PortalSettings

    office = PortalSettings.for_site(Site.objects.get(is_default_site=True))
    office.office_email, office.office_phone = "integration@teststadt.example", "05561 100-300"
    office.save()
    nothing = client.get("/fa/search/", {"q": "دندانپزشک"}).content.decode()
    assert "آنچه لازم دارید را پیدا نکردید؟ از دفتر ادغام بپرسید:" in nothing
    assert 'href="tel:' in nothing and "mailto:integration@teststadt.example" in nothing
    found = client.get(reverse("search:search"), {"q": "Kinderbetreuung"}).content.decode()
    assert "Fragen Sie das Integrationsbüro" not in found
    # Arabic counts none in the plural ("0 نتيجة" read as the singular of one result).
    arabic = client.get("/ar/search/", {"q": "دندانپزشک"}).content.decode()
    assert "0 نتائج" in arabic and "0 نتيجة" not in arabic


def test_a_search_naming_an_organisation_leads_to_its_page_above_the_hits(client, town):
    """ "Jobcenter" ranked two flats first (their text says the Jobcenter pays the rent) and the Jobcenter's
    own offers fourth and eighth: organisation pages are no listings, so the search never showed them. The
    organisation a search names is now linked above the hits, by its name, its short name or a synonym."""
    from bs4 import BeautifulSoup
    from django.utils import translation

    from wegweiser.plugin_api.testing import make_organisation
    from wegweiser.search.models import Synonym
    from wegweiser.site.models import OrganisationPage

    Synonym.objects.create(terms="Volkshochschule, الجامعة الشعبية")
    vhs = OrganisationPage.objects.get(slug="vhs")

    def named(text: str, language: str = "de") -> list[tuple[str, str]]:
        with translation.override(language):
            url = reverse("search:search")
        page = BeautifulSoup(client.get(url, {"q": text}).content, "html.parser")
        return [(link["href"], link.get_text()) for link in page.select(".named-organisations a")]

    assert named("Caritas Deutschkurs") == [("/de/partner/caritas/", "Caritas Neustadt")]
    assert named("VHS") == named("Volkshochschulen") == [(vhs.url, "Volkshochschule")]
    assert named("الجامعة الشعبية", "ar") == [("/ar/partner/vhs/", "Volkshochschule")]
    assert named("Kinderbetreuung") == []
    # A word of a name that is not its own: "Deutsch" is no name of the German-Arab parents' association.
    make_organisation(vhs.get_parent(), "Deutsch-Arabischer Elternverein", "elternverein")
    assert named("Deutsch") == []
    assert named("Elternverein")[0][1] == "Deutsch-Arabischer Elternverein"
