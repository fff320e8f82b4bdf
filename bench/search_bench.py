"""Benchmark: the unified search on generated towns of 1,000, 10,000 (and 100,000) listings.

Creates a throw-away database (SQLite in memory, or PostgreSQL when ``DATABASE_URL`` says so) with 15
partner organisations and N current listings of the first registered listing type (offers when the
offers plugin is installed), with topics, languages, target groups, districts and coordinates. For each
size it measures typical queries on the database backend and, when ``ELASTICSEARCH_URL`` is set, on
Elasticsearch (after a full ``rebuild`` whose throughput is measured too), and prints one table.

The "finder" rows are whole requests to that listing type's finder page (``ListingIndexPage``, the
database backend) through Django's test client, without the anonymous page cache (as the test settings
have it): what one visitor waits for when the page is not kept, template rendering included.

    .venv/bin/python bench/search_bench.py
    BENCH_SIZES=1000,10000,100000  BENCH_REPEAT=30  (defaults: 1000,10000 and 30)
    BENCH_BACKENDS=elasticsearch  (default: database,elasticsearch,finder; the database's texts are built anyway)
    BENCH_SIZES=60,10000 BENCH_BACKENDS=finder  (the finder page at the demo town's size and at 10,000)
    BENCH_TOWN=demo BENCH_BACKENDS=finder  (the finder page of the demo town itself, ``load_demo``: its 61
                                           German offers with their real texts, dates and translations)
"""

from __future__ import annotations

import os
import random
import statistics
import sys
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "wegweiser.site.settings.test")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402
from wagtail.models import Locale  # noqa: E402

from bench.bulk_pages import insert_listings  # noqa: E402

WHAT = {
    "sprache": ["Deutschkurs {level}", "Integrationskurs {level}", "Sprachcafé", "Alphabetisierungskurs",
                "Berufssprachkurs {level}", "Integrationskurs mit Kinderbetreuung"],
    "beratung": ["Migrationsberatung", "Sozialberatung", "Schuldnerberatung", "Jugendmigrationsdienst"],
    "arbeit": ["Bewerbungstraining", "Jobcafé", "Anerkennungsberatung", "Praktikumsbörse"],
    "wohnen": ["Sprechstunde Wohnungssuche", "Mieterberatung", "Wohnführerschein"],
    "gesundheit": ["Gesundheitslotsen", "Frauengesundheit", "Psychosoziale Beratung"],
    "kinder-schule": ["Hausaufgabenhilfe", "Elterncafé", "Lernpaten", "Krabbelgruppe"],
    "aufenthalt": ["Aufenthaltsberatung", "Einbürgerungsberatung", "Hilfe bei Anträgen"],
    "freizeit": ["Nähcafé", "Fußball für alle", "Kochtreff", "Frauenschwimmen"],
    "ehrenamt": ["Ehrenamtsbörse", "Begleitung zu Ämtern", "Patenschaften"],
}  # fmt: skip
LEVELS = ["A1", "A2", "B1", "B2", "C1", ""]
FOR_WHOM = ["für Frauen", "für Familien", "für Jugendliche", "für Geflüchtete", "", ""]
PLACES = ["im Stadtteilzentrum", "in der Bücherei", "im Familienzentrum", "in der Volkshochschule", "online"]
QUERIES = {
    "text only": [
        {"q": word} for word in ("Deutschkurs", "Beratung", "Frauen", "Kinderbetreuung", "Sprachcafe")
    ],
    "text + 3 facets": [
        {"q": "kurs", "topic": ["sprache"], "language": ["ar"], "district": ["altstadt"]},
        {"q": "Beratung", "topic": ["beratung"], "cost": ["free"], "target_group": ["frauen"]},
    ],
    "facets only": [
        {"topic": ["sprache"], "language": ["uk", "ar"]},
        {"topic": ["beratung"], "cost": ["free"], "accessible": ["1"]},
    ],
    "geo": [
        {"near": "altstadt", "radius": "2", "sort": "distance"},
        {"near": "am-hafen", "radius": "1", "topic": ["sprache"]},
    ],
}


def load_demo_town() -> int:
    """The demo town (``load_demo``), committed as ``make run`` has it; its number of live listings."""
    from django.core.management import call_command

    from wegweiser.site.registry import listing_types

    with open(os.devnull, "w") as devnull:
        call_command("load_demo", stdout=devnull)
    return sum(listing_type.model.objects.live().count() for listing_type in listing_types().values())


def build_town(size: int, start: int, rng: random.Random) -> None:
    """Add listings ``start`` .. ``size`` (bulk inserts; Wagtail's add_child would take minutes)."""
    from wegweiser.site.demo import load_taxonomies
    from wegweiser.site.models import (
        District,
        Language,
        OrganisationIndexPage,
        OrganisationPage,
        TargetGroup,
        Topic,
    )
    from wegweiser.site.registry import listing_types
    from wegweiser.site.setup import ensure_portal

    home = ensure_portal(home_title="Benchstadt")
    locale = Locale.get_default()
    english = Locale.objects.get_or_create(language_code="en")[0]
    if not Topic.objects.exists():
        load_taxonomies(locale, english)
    index = OrganisationIndexPage.objects.first() or home.add_child(
        instance=OrganisationIndexPage(title="Partner", slug="partner")
    )
    organisations = list(OrganisationPage.objects.all()) or [
        index.add_child(instance=OrganisationPage(title=f"Verein {n}", slug=f"verein-{n}")) for n in range(15)
    ]
    topics = {term.slug: term.pk for term in Topic.objects.filter(locale=locale)}
    languages = [term.pk for term in Language.objects.filter(locale=locale)]
    groups = [term.pk for term in TargetGroup.objects.filter(locale=locale)]
    districts = list(District.objects.filter(locale=locale))
    types = listing_types()
    wanted = os.environ.get("BENCH_LISTING_TYPE", "offer")
    model = (types.get(wanted) or next(iter(types.values()))).model
    listings = []
    for number in range(start, size):
        topic = rng.choice(list(WHAT))
        district = rng.choice(districts)
        title = " ".join(
            part
            for part in (rng.choice(WHAT[topic]).format(level=rng.choice(LEVELS)), rng.choice(FOR_WHOM))
            if part
        )
        listings.append(
            {
                "number": number,
                "title": title,
                "summary": f"{title} {rng.choice(PLACES)}. Beratung auf Deutsch und Arabisch möglich.",
                "organisation": rng.choice(organisations),
                "district": district,
                "latitude": district.latitude + rng.uniform(-0.01, 0.01),
                "longitude": district.longitude + rng.uniform(-0.015, 0.015),
                "cost": rng.choice(["free", "free", "reduced", "fee", "funded"]),
                "wheelchair_accessible": rng.random() < 0.4,
                "topics": {topics[topic]}
                | ({rng.choice(list(topics.values()))} if rng.random() < 0.3 else set()),
                "languages": set(rng.sample(languages, rng.randint(1, 3))),
                "groups": set(rng.sample(groups, rng.randint(0, 2))),
            }
        )
    pks = insert_pages(model, listings, locale)
    for relation, key, column in (("topics", "topics", "topic_id"), ("languages", "languages", "language_id"),
                                  ("target_groups", "groups", "targetgroup_id")):  # fmt: skip
        through = getattr(model, relation).through
        source = f"{model._meta.model_name}_id"
        through.objects.bulk_create(
            [
                through(**{source: pk, column: term})
                for pk, row in zip(pks, listings, strict=True)
                for term in row[key]
            ],
            batch_size=5000,
        )


def insert_pages(model, listings: list[dict], locale) -> list[int]:
    pks = insert_listings(
        model,
        [
            (
                row["organisation"],
                {
                    "title": row["title"], "slug": f"listing-{row['number']}", "summary": row["summary"],
                    "district": row["district"], "latitude": row["latitude"], "longitude": row["longitude"],
                    "cost": row["cost"], "wheelchair_accessible": row["wheelchair_accessible"], "locale": locale,
                },
            )
            for row in listings
        ],
    )  # fmt: skip
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    return pks


def measure(backend, repeat: int, node_times: list[float] | None = None) -> dict[str, tuple[float, float]]:
    """p50/p95 ms per query kind of ``backend.search()``; with ``node_times``, Elasticsearch's own ``took``
    of each timed search is measured too and given under the query kind's name + " (node)"."""
    from wegweiser.search.geo import district_centres
    from wegweiser.search.query import SearchQuery
    from wegweiser.site.registry import listing_types

    types = listing_types()
    centres = district_centres()
    results = {}
    for name, variants in QUERIES.items():
        timings = []
        took = []
        for round_number in range(repeat + 2):
            params = variants[round_number % len(variants)]
            query, _messages = SearchQuery.from_querydict(
                params, locale="de", available_types=types, district_centres=centres
            )
            if node_times is not None:
                node_times.clear()
            started = time.perf_counter()
            backend.search(query, types)
            if round_number >= 2:  # the first two warm caches
                timings.append((time.perf_counter() - started) * 1000)
                if node_times:
                    took.append(sum(node_times))
        results[name] = _p50_p95(timings)
        if took:
            results[f"{name} (node)"] = _p50_p95(took)
    return results


def _p50_p95(timings: list[float]) -> tuple[float, float]:
    timings = sorted(timings)
    return statistics.median(timings), timings[max(0, int(len(timings) * 0.95) - 1)]


def node_took(times: list[float]):
    """Record the ``took`` (ms) of every search the Elasticsearch client answers into ``times``: the node's
    share of a search, against the whole call (the round trip, the response's JSON, loading the hits'
    pages from the database for display)."""
    from wegweiser.search.es.connection import get_client

    client = get_client()
    search = client.search

    def recorded(*args, **kwargs):
        response = search(*args, **kwargs)
        times.append(float(response["took"]))
        return response

    client.search = recorded
    return times


FINDER_REQUESTS = {
    "finder page": {},
    "finder + 2 facets": {"topic": ["sprache"], "language": ["ar"]},
    "finder + text + facet": {"q": "Deutschkurs", "district": ["altstadt"]},
}


def finder_url() -> str:
    """The finder page of the benchmark's listing type, added below the home page the first time."""
    from wegweiser.site.models import HomePage, ListingIndexPage

    key = os.environ.get("BENCH_LISTING_TYPE", "offer")
    finder = ListingIndexPage.objects.filter(listing_type=key).first()
    if finder is None:
        home = HomePage.objects.first()
        finder = home.add_child(
            instance=ListingIndexPage(title="Angebote", slug="angebote", listing_type=key)
        )
    return finder.get_url()


def measure_finder(repeat: int) -> dict[str, tuple[float, float]]:
    """p50/p95 ms of one whole request to the finder page (the first two of each kind warm the caches).

    Measured outside Django's test environment: inside it, every template rendered sends a signal with which
    the test client keeps a copy of the context (about 90 templates per finder page), which doubled the
    figures; a served page renders without it.
    """
    from django.test import Client
    from django.test.utils import setup_test_environment, teardown_test_environment

    url = finder_url()
    client = Client(HTTP_ACCEPT_LANGUAGE="de")
    teardown_test_environment()
    try:
        return _time_finder_requests(client, url, repeat)
    finally:
        setup_test_environment()


def _time_finder_requests(client, url: str, repeat: int) -> dict[str, tuple[float, float]]:
    results = {}
    for name, params in FINDER_REQUESTS.items():
        timings = []
        for round_number in range(repeat + 2):
            started = time.perf_counter()
            response = client.get(url, params)
            if response.status_code != 200:
                raise RuntimeError(f"{url} {params}: HTTP {response.status_code}")
            if round_number >= 2:
                timings.append((time.perf_counter() - started) * 1000)
        results[name] = _p50_p95(timings)
    return results


def main() -> None:
    from wegweiser.search.backends.database import DatabaseBackend
    from wegweiser.search.backends.elasticsearch import ElasticsearchBackend
    from wegweiser.search.es.connection import reset_client
    from wegweiser.search.fulltext import rebuild_texts

    demo_town = os.environ.get("BENCH_TOWN", "") == "demo"
    sizes = [int(size) for size in os.environ.get("BENCH_SIZES", "1000,10000").split(",") if size.strip()]
    sizes = [0] if demo_town else sizes
    repeat = int(os.environ.get("BENCH_REPEAT", "30"))
    backends = os.environ.get("BENCH_BACKENDS", "database,elasticsearch,finder").split(",")
    es_url = os.environ.get("ELASTICSEARCH_URL", "") if "elasticsearch" in backends else ""
    setup_test_environment()
    settings_dict = connection.settings_dict
    settings_dict.setdefault("TEST", {})
    if "postgresql" in settings_dict["ENGINE"]:
        settings_dict["TEST"]["NAME"] = os.environ.get("BENCH_DATABASE", "bench_wegweiser_search")
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True, keepdb=False)
    settings.WEGWEISER_SEARCH = {**settings.WEGWEISER_SEARCH, "ELASTICSEARCH_URL": es_url, "TIMEOUT": 30,
                                 "INDEX_PREFIX": f"wegweiser-bench-{uuid.uuid4().hex[:6]}"}  # fmt: skip
    reset_client()
    rows = []
    rng = random.Random(20261124)
    built = 0
    try:
        for size in sizes:
            started = time.perf_counter()
            if demo_town:
                size = load_demo_town()
            else:
                build_town(size, built, rng)
            built = size
            print(f"  {size} listings built in {time.perf_counter() - started:.1f} s", file=sys.stderr)
            # The bulk inserts bypass publishing, so the finder's text table is rebuilt as after an import.
            started = time.perf_counter()
            stored = rebuild_texts()
            seconds = time.perf_counter() - started
            rows.append(
                (size, "database", "texts (rebuild)", f"{stored / seconds:.0f} docs/s", f"{seconds:.1f} s")
            )
            if "database" in backends:
                for name, (p50, p95) in measure(DatabaseBackend(), repeat).items():
                    rows.append((size, f"database ({connection.vendor})", name, f"{p50:.1f}", f"{p95:.1f}"))
            if "finder" in backends:
                for name, (p50, p95) in measure_finder(repeat).items():
                    rows.append((size, f"finder ({connection.vendor})", name, f"{p50:.1f}", f"{p95:.1f}"))
            if es_url:
                from wegweiser.search.es.indexes import rebuild

                started = time.perf_counter()
                _index, indexed = rebuild()
                seconds = time.perf_counter() - started
                rows.append(
                    (
                        size,
                        "elasticsearch",
                        "index (rebuild)",
                        f"{indexed / seconds:.0f} docs/s",
                        f"{seconds:.1f} s",
                    )
                )
                for name, (p50, p95) in measure(ElasticsearchBackend(), repeat, node_took([])).items():
                    rows.append((size, "elasticsearch", name, f"{p50:.1f}", f"{p95:.1f}"))
    finally:
        if es_url:
            from wegweiser.search.es.indexes import delete_all_indexes

            delete_all_indexes()
        connection.creation.destroy_test_db(old_name, verbosity=0)
    header = ("listings", "backend", "query", "p50 ms", "p95 ms")
    widths = [max(len(str(row[column])) for row in [header, *rows]) for column in range(len(header))]
    print(f"unified search ({repeat} runs per query kind, after 2 warm-up runs)")
    for row in [header, tuple("-" * width for width in widths), *rows]:
        print("  ".join(str(cell).ljust(width) for cell, width in zip(row, widths, strict=True)))


if __name__ == "__main__":
    main()
