"""Fixtures for the search: its own listing types, a few terms, a small town of listings, the backends."""

from __future__ import annotations

import datetime
import os
import uuid
from dataclasses import dataclass

import pytest
from django.core.cache import cache
from django.db import connection, transaction
from django.test import TestCase
from django.utils import timezone, translation
from wagtail import hooks
from wagtail.models import Locale

from tests.search.listing_types import BulletinPage, MeetingPage, register_test_types
from wegweiser.plugin_api.testing import (
    Snapshot,
    forget_cached_rows,
    make_organisation,
    make_organisation_index,
)
from wegweiser.site.models import District, Language, TargetGroup, Topic
from wegweiser.site.setup import ensure_portal

ES_MISSING = (
    "ELASTICSEARCH_URL is not set: run `make test`, or `scripts/services.sh start` and export its env "
    '(`eval "$(scripts/services.sh env)"`).'
)
RUN_PREFIX = f"wegweiser-test-{uuid.uuid4().hex[:8]}"


@pytest.fixture(scope="session", autouse=True)
def search_test_tables(django_db_setup, django_db_blocker):
    """The test listing types' tables, created once the migrated test database exists."""
    from django.db import connection

    with django_db_blocker.unblock():
        existing = set(connection.introspection.table_names())
        with connection.schema_editor() as editor:
            for model in (BulletinPage, MeetingPage):
                if model._meta.db_table not in existing:
                    editor.create_model(model)
        # Created here, outside any test's transaction, so the content-type cache stays valid.
        from django.contrib.contenttypes.models import ContentType

        for model in (BulletinPage, MeetingPage):
            ContentType.objects.get_for_model(model)


@pytest.fixture(autouse=True)
def search_listing_types():
    with hooks.register_temporarily("register_listing_type", register_test_types):
        yield


@pytest.fixture(autouse=True)
def fresh_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def terms(request, home):
    if "town" not in request.fixturenames:  # the town brings its own terms
        create_terms(home)


def create_terms(home) -> None:
    de = home.locale
    for index, (slug, name) in enumerate(
        [("sprache", "Sprache"), ("beratung", "Beratung"), ("arbeit", "Arbeit")]
    ):
        Topic.objects.create(slug=slug, name=name, locale=de, sort_order=index)
    for index, (slug, name) in enumerate([("frauen", "Frauen"), ("familien", "Familien")]):
        TargetGroup.objects.create(slug=slug, name=name, locale=de, sort_order=index)
    for index, (slug, name) in enumerate([("de", "Deutsch"), ("ar", "Arabisch"), ("uk", "Ukrainisch")]):
        Language.objects.create(slug=slug, name=name, native_name=name, locale=de, sort_order=index)
    districts = [
        ("altstadt", "Altstadt", 51.3127, 9.4797),
        ("nordstadt", "Nordstadt", 51.3290, 9.4860),
        ("weststadt", "Weststadt", 51.3140, 9.4540),
    ]
    for index, (slug, name, lat, lon) in enumerate(districts):
        District.objects.create(
            slug=slug, name=name, locale=de, sort_order=index, latitude=lat, longitude=lon
        )


def add_listing(
    parent,
    model=BulletinPage,
    *,
    topics=(),
    languages=(),
    target_groups=(),
    district=None,
    publish=True,
    **fields,
):
    """A listing below ``parent`` with its terms (by slug), published unless told otherwise."""
    fields.setdefault("slug", fields["title"].lower().replace(" ", "-")[:50])
    fields.setdefault("summary", fields["title"])
    if district:
        district_obj = District.objects.get(slug=district, locale=parent.locale)
        fields.setdefault("latitude", district_obj.latitude)
        fields.setdefault("longitude", district_obj.longitude)
        fields["district"] = district_obj
    page = parent.add_child(instance=model(**fields))
    page.topics.set(Topic.objects.filter(slug__in=topics, locale=parent.locale))
    page.languages.set(Language.objects.filter(slug__in=languages, locale=parent.locale))
    page.target_groups.set(TargetGroup.objects.filter(slug__in=target_groups, locale=parent.locale))
    revision = page.save_revision()
    if publish:
        revision.publish()
    else:
        page.live = False
        page.save()
    page.refresh_from_db()
    return page


@dataclass(frozen=True)
class TownRows:
    """The small town's rows (portal, terms, organisations, listings) and its listings' keys by name."""

    changed: Snapshot
    pages: dict[str, int]


def rows_built_once(django_db_blocker, build) -> TownRows:
    """A town built once through the ORM (seconds) and kept as the rows it changed, to be written back for
    each test (:func:`written_back`): ``build(home)`` on the portal returns its listings by name. Built in a
    transaction rolled back at once, with the test listing types and the commit hooks (the search's text
    rows) run as if committed."""
    with django_db_blocker.unblock(), transaction.atomic():
        before = Snapshot.read(connection)
        with (
            hooks.register_temporarily("register_listing_type", register_test_types),
            TestCase.captureOnCommitCallbacks(execute=True),
            translation.override("de"),
        ):
            pages = build(ensure_portal(home_title="Willkommen in Teststadt"))
        changed = Snapshot.read(connection).changed_since(before)
        transaction.set_rollback(True)
    forget_cached_rows()
    return TownRows(changed=changed, pages={name: page.pk for name, page in pages.items()})


def written_back(rows: TownRows) -> dict:
    """The town's rows written back in the test's own transaction; its listings by name."""
    from wagtail.models import Page

    rows.changed.restore(connection)
    forget_cached_rows()
    by_pk = {page.pk: page.specific for page in Page.objects.filter(pk__in=rows.pages.values())}
    return {name: by_pk[pk] for name, pk in rows.pages.items()}


@pytest.fixture(scope="session")
def town_rows(django_db_setup, django_db_blocker, search_test_tables) -> TownRows:
    """The small town, built once per session, then only written back."""

    def build(home) -> dict:
        create_terms(home)
        return build_town(make_organisation_index(home))

    return rows_built_once(django_db_blocker, build)


@pytest.fixture
def town(town_rows, db):
    """Two organisations, eight current listings of two types, one expired, one future, one draft: written
    back from the session's copy before the test's other fixtures, in the test's own transaction."""
    return written_back(town_rows)


@pytest.fixture(autouse=True)
def _town_first(request):
    """The town replaces whole tables, so it is written before fixtures such as ``home`` add rows."""
    if "town" in request.fixturenames:
        request.getfixturevalue("town")


def build_town(organisation_index) -> dict:
    caritas = make_organisation(organisation_index, "Caritas Neustadt", "caritas")
    vhs = make_organisation(organisation_index, "Volkshochschule", "vhs")
    today = timezone.localdate()
    pages = {
        "integration": add_listing(
            vhs,
            title="Integrationskurs mit Kinderbetreuung",
            summary="Deutsch lernen von A1 bis B1, Kinder werden betreut.",
            topics=["sprache"],
            languages=["de", "ar"],
            target_groups=["familien"],
            district="altstadt",
            cost="funded",
            german_from="a1",
            german_to="b1",
            meets="Mo–Fr 8:30–12:45",
        ),
        "deutschkurs": add_listing(
            vhs,
            title="Deutschkurs für Frauen",
            summary="Ein Sprachkurs am Vormittag nur für Frauen.",
            topics=["sprache"],
            languages=["de", "uk"],
            target_groups=["frauen"],
            district="nordstadt",
            wheelchair_accessible=True,
            bulletin_kind="call",
            german_from="a1",
            german_to="a1",
            meets="Di, Do 9–11 Uhr",
        ),
        "abendkurs": add_listing(
            vhs,
            title="Abendkurs Deutsch B2",
            summary="Für Berufstätige am Abend.",
            topics=["sprache", "arbeit"],
            languages=["de"],
            district="weststadt",
            cost="fee",
            german_from="b2",
            german_to="b2",
            meets="Mo, Mi 18:00–20:15",
        ),
        "migrationsberatung": add_listing(
            caritas,
            title="Migrationsberatung für Erwachsene",
            summary="Beratung zu Aufenthalt, Arbeit und Familie.",
            topics=["beratung"],
            languages=["de", "ar", "uk"],
            target_groups=["familien"],
            district="altstadt",
            wheelchair_accessible=True,
        ),
        "jobberatung": add_listing(
            caritas,
            title="Bewerbungshilfe",
            summary="Wir helfen beim Lebenslauf und bei Bewerbungen.",
            topics=["arbeit", "beratung"],
            languages=["de", "ar"],
            district="nordstadt",
            bulletin_kind="call",
            german_from="b1",
            german_to="b2",
            meets="Mi 14–16 Uhr; Sa 10–13 Uhr",
            cost="fee",
            cost_amount=40,
            cost_paid_by=["jobcenter"],
        ),
        "sprachcafe": add_listing(
            caritas,
            MeetingPage,
            title="Sprachcafé",
            summary="Deutsch sprechen bei Kaffee und Kuchen.",
            topics=["sprache"],
            languages=["de", "uk", "ar"],
            target_groups=["frauen", "familien"],
            district="altstadt",
        ),
        "frauentreff": add_listing(
            caritas,
            MeetingPage,
            title="Frauentreff",
            summary="Ein offener Treff für Frauen aus aller Welt.",
            topics=["beratung"],
            languages=["de", "ar"],
            target_groups=["frauen"],
            district="weststadt",
            wheelchair_accessible=True,
        ),
        "ohne_ort": add_listing(
            caritas,
            MeetingPage,
            title="Telefonberatung",
            summary="Beratung am Telefon, ohne Ort.",
            topics=["beratung"],
            languages=["de"],
            cost="free",
        ),
        "expired": add_listing(
            vhs,
            title="Deutschkurs Sommer abgelaufen",
            summary="Längst vorbei.",
            topics=["sprache"],
            languages=["de"],
            district="altstadt",
            valid_until=today - datetime.timedelta(days=1),
        ),
        "future": add_listing(
            vhs,
            title="Deutschkurs Zukunft",
            summary="Noch nicht sichtbar.",
            topics=["sprache"],
            languages=["de"],
            district="altstadt",
            valid_from=today + datetime.timedelta(days=10),
        ),
        "draft": add_listing(
            caritas,
            title="Deutschkurs Entwurf",
            summary="Noch nicht veröffentlicht.",
            topics=["sprache"],
            languages=["de"],
            district="altstadt",
            publish=False,
        ),
    }
    return pages


VISIBLE = {
    "integration",
    "deutschkurs",
    "abendkurs",
    "migrationsberatung",
    "jobberatung",
    "sprachcafe",
    "frauentreff",
    "ohne_ort",
}


@pytest.fixture
def es_url():
    url = os.environ.get("ELASTICSEARCH_URL")
    if not url:
        pytest.fail(ES_MISSING)
    return url


@pytest.fixture
def elasticsearch_settings(settings, es_url):
    """The Elasticsearch backend on the real node, under an index prefix of this test run only."""
    from wegweiser.search.es.connection import reset_client

    prefix = f"{RUN_PREFIX}-{uuid.uuid4().hex[:6]}"
    settings.WEGWEISER_SEARCH = {
        **settings.WEGWEISER_SEARCH,
        "BACKEND": "elasticsearch",
        "ELASTICSEARCH_URL": es_url,
        "INDEX_PREFIX": prefix,
        "TIMEOUT": 15,
    }
    reset_client()
    yield settings.WEGWEISER_SEARCH
    from wegweiser.search.es.indexes import delete_all_indexes

    delete_all_indexes()
    reset_client()


@pytest.fixture(params=["database", pytest.param("elasticsearch", marks=pytest.mark.elasticsearch)])
def backend(request, town):
    """Each backend over the same town; Elasticsearch with an index of exactly the town as it is now."""
    from wegweiser.search.backends import get_backend

    if request.param == "elasticsearch":
        request.getfixturevalue("town_index")
    return get_backend(request.param)


@pytest.fixture(scope="session")
def _town_indexes():
    """The index the ``town_index`` fixture built last in this test process, and how to know it again."""
    built = {"prefix": f"{RUN_PREFIX}-town", "fingerprint": None, "writes": None}
    yield built
    if built["fingerprint"] is not None:
        _delete_indexes(os.environ["ELASTICSEARCH_URL"], built["prefix"])


@pytest.fixture
def town_index(settings, es_url, _town_indexes):
    """The Elasticsearch backend over an index of the current listings, built anew only when they differ.

    Building an index costs Elasticsearch most of a second; most tests search the same town. The index is
    kept while both the documents the listings make (with the index's facet fields and the node's
    analysis) and the index's own count of writes are what they were when it was built: a test that
    changed a listing, or whose signals wrote to the index, makes the next test build a new one.
    """
    from wegweiser.search.es.connection import reset_client
    from wegweiser.search.es.indexes import rebuild

    settings.WEGWEISER_SEARCH = {
        **settings.WEGWEISER_SEARCH,
        "BACKEND": "elasticsearch",
        "ELASTICSEARCH_URL": es_url,
        "INDEX_PREFIX": _town_indexes["prefix"],
        "TIMEOUT": 15,
    }
    reset_client()
    fingerprint = _documents_fingerprint()
    if fingerprint != _town_indexes["fingerprint"] or _index_writes() != _town_indexes["writes"]:
        _town_indexes["fingerprint"] = None  # while it is rebuilt
        rebuild()
        _town_indexes.update(fingerprint=fingerprint, writes=_index_writes())
    yield settings.WEGWEISER_SEARCH
    reset_client()


def _documents_fingerprint() -> str:
    import hashlib
    import json

    from wegweiser.search.es.analysis import node_capabilities
    from wegweiser.search.es.documents import all_facet_names, current_pages, documents_for
    from wegweiser.site.registry import listing_types

    types = listing_types()
    capabilities = node_capabilities()
    documents = [
        document
        for listing_type in types.values()
        for document in documents_for(listing_type, current_pages(listing_type), capabilities)
    ]
    described = [sorted(types), sorted(all_facet_names(types.values())), repr(capabilities), documents]
    return hashlib.sha256(json.dumps(described, sort_keys=True, default=str).encode()).hexdigest()


def _index_writes() -> int | None:
    """Documents indexed and deleted so far in the index behind the alias (None: there is none)."""
    from elasticsearch import NotFoundError

    from wegweiser.search.es.connection import alias_name, get_client

    try:
        stats = get_client().indices.stats(index=alias_name(), metric="indexing")
    except NotFoundError:
        return None
    counts = stats["_all"]["primaries"]["indexing"]
    return counts["index_total"] + counts["delete_total"]


def _delete_indexes(es_url: str, prefix: str) -> None:
    from elasticsearch import Elasticsearch

    client = Elasticsearch(es_url, request_timeout=60)
    for index in client.indices.get(index=f"{prefix}-*", ignore_unavailable=True, allow_no_indices=True):
        client.indices.delete(index=index, ignore_unavailable=True)


def run(backend, params=None, locale="de"):
    """Search the way the page does: the request's parameters cleaned into a query, all types enabled."""
    from wegweiser.search.geo import district_centres
    from wegweiser.search.query import SearchQuery
    from wegweiser.site.registry import listing_types

    types = listing_types()
    query, messages = SearchQuery.from_querydict(
        params or {}, locale=locale, available_types=types, district_centres=district_centres()
    )
    assert messages == [], messages
    return backend.search(query, types)


def found(result, town) -> set[str]:
    names = {page.pk: name for name, page in town.items()}
    return {names.get(hit.page_id, hit.page.title) for hit in result.hits}


@pytest.fixture
def nordstadt(home):
    """A district for a place alert's criteria."""
    return District.objects.create(name="Nordstadt", slug="nordstadt", locale=Locale.get_default())


@pytest.fixture
def openings_settle_at_once(monkeypatch):
    """In production the alert job leaves the last minute's openings for its next run; here nothing is pending."""
    from wegweiser.search.alerts import jobs

    monkeypatch.setattr(jobs, "SETTLE", datetime.timedelta(0))
