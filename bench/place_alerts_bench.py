"""Benchmark: the place-alert job matching 10,000 alerts against 1,000 changed listings.

Creates a throw-away database (SQLite in memory, or PostgreSQL when ``DATABASE_URL`` says so), a town with
1,000 courses and counselling offers just published (kinds, levels from/to, childcare, districts, topics,
searchable text) and N confirmed alerts over a small set of filter combinations, some with words or a
radius, in all seven languages. Runs ``send_place_alerts`` once and prints its time, its SQL queries (in
all, and per batch of 500 alerts) and the mails it queued. Mails are only queued (the task backend is a
dummy), so the figures are the matching's own.

    DJANGO_SETTINGS_MODULE=wegweiser.site.settings.test .venv/bin/python bench/place_alerts_bench.py
    BENCH_ALERTS=1000,10000 (default) BENCH_CHANGED=1000 (default)
"""

from __future__ import annotations

import datetime
import os
import random
import sys
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "wegweiser.site.settings.test")

import django  # noqa: E402

django.setup()

from django.db import connection, transaction  # noqa: E402
from django.test import override_settings  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402
from django.utils import timezone  # noqa: E402
from wagtail.models import Locale  # noqa: E402

from bench.bulk_pages import insert_listings  # noqa: E402

DISTRICTS = ["altstadt", "nordstadt", "suedstadt", "weststadt", "ostviertel", "am-hafen"]
TOPICS = ["sprache", "beratung", "arbeit", "familie"]
LEVELS = ["alpha", "a1", "a2", "b1", "b2", "c1"]
TITLES = [
    "Integrationskurs",
    "Deutschkurs",
    "Abendkurs Deutsch",
    "Sprachcafé",
    "Migrationsberatung",
    "Jobcafé",
]
LANGUAGES = ["de", "en", "ar", "fa", "uk", "ru", "tr"]
BATCH = 500


def build_town(changed: int, rng: random.Random) -> list[int]:
    """``changed`` offers, bulk-inserted as just published (Wagtail's add_child would take minutes)."""
    from wegweiser.offers.models import OfferPage
    from wegweiser.search.fulltext import fill_missing_texts
    from wegweiser.search.models import ListingOpening
    from wegweiser.site.models import District, OrganisationIndexPage, OrganisationPage, Topic
    from wegweiser.site.setup import ensure_portal

    home = ensure_portal(home_title="Benchstadt")
    locale = Locale.get_default()
    districts = [
        District.objects.get_or_create(slug=slug, locale=locale, defaults={"name": slug.title(), "latitude": 51.5 + n / 100, "longitude": 7.4 + n / 100})[0]
        for n, slug in enumerate(DISTRICTS)
    ]  # fmt: skip
    topics = [
        Topic.objects.get_or_create(slug=slug, locale=locale, defaults={"name": slug.title()})[0]
        for slug in TOPICS
    ]
    index = home.add_child(instance=OrganisationIndexPage(title="Partner", slug="partner"))
    organisations = [
        index.add_child(instance=OrganisationPage(title=f"Verein {n}", slug=f"verein-{n}")) for n in range(20)
    ]
    now = timezone.now()
    listings = []
    for number in range(changed):
        course = rng.random() < 0.7
        first = rng.randrange(len(LEVELS) - 1)
        title = f"{rng.choice(TITLES)} {number}"
        district = rng.choice(districts)
        listings.append((rng.choice(organisations), {
            "title": title, "slug": f"angebot-{number}", "summary": f"{title} für Neuzugewanderte.",
            "kind": "course" if course else "counselling",
            "level_from": LEVELS[first] if course else "",
            "level_to": LEVELS[min(first + rng.randrange(3), len(LEVELS) - 1)] if course else "",
            "childcare": rng.random() < 0.4, "district": district, "latitude": district.latitude,
            "longitude": district.longitude, "locale": locale,
        }))  # fmt: skip
    page_ids = insert_listings(OfferPage, listings)
    through = OfferPage.topics.through
    through.objects.bulk_create(
        [through(offerpage_id=page_id, topic_id=rng.choice(topics).pk) for page_id in page_ids]
    )
    fill_missing_texts()
    ListingOpening.objects.bulk_create(
        ListingOpening(page_id=page_id, reason="published", at=now - datetime.timedelta(minutes=10))
        for page_id in page_ids
    )
    return page_ids


def make_alerts(count: int, rng: random.Random) -> None:
    """``count`` confirmed alerts over about 400 filter combinations (people often ask alike)."""
    from wegweiser.search.alerts.criteria import criteria_key
    from wegweiser.search.models import PlaceAlert

    now = timezone.now()
    combinations = []
    for _n in range(400):
        filters = {"kind": ["course"], "level": [rng.choice(LEVELS)]}
        if rng.random() < 0.4:
            filters["childcare"] = ["1"]
        if rng.random() < 0.5:
            filters["district"] = [rng.choice(DISTRICTS)]
        criteria = {"text": "", "listing_types": ["offer"], "filters": filters, "near": "", "radius_km": None}
        if rng.random() < 0.1:
            criteria["text"] = rng.choice(["Deutschkurs", "Abendkurs", "Integrationskurs"])
        if rng.random() < 0.05:
            criteria["near"], criteria["radius_km"] = rng.choice(DISTRICTS), 5.0
        combinations.append(criteria)
    alerts = []
    for number in range(count):
        criteria = rng.choice(combinations)
        alerts.append(
            PlaceAlert(
                email=f"person{number}@example.org", token=uuid.uuid4().hex, language=rng.choice(LANGUAGES),
                text=criteria["text"], listing_types=criteria["listing_types"], filters=criteria["filters"],
                near=criteria["near"], radius_km=criteria["radius_km"], criteria_key=criteria_key(criteria),
                status="active", confirmed_at=now - datetime.timedelta(days=3), expires_at=now + datetime.timedelta(days=80),
                checked_until=now - datetime.timedelta(hours=1), consent_version="bench",
            )
        )  # fmt: skip
    PlaceAlert.objects.bulk_create(alerts, batch_size=2000)


def run(alerts: int, changed: int) -> dict:
    from django.core.cache import cache

    from wegweiser.search.alerts.jobs import send_place_alerts

    rng = random.Random(20261203)
    # Queue the mails but send none: the benchmark measures the matching, not the SMTP server.
    dummy_tasks = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    with override_settings(TASKS=dummy_tasks), transaction.atomic():
        build_town(changed, rng)
        make_alerts(alerts, rng)
        with_a_site(alerts)
        cache.clear()
        started = time.perf_counter()
        with CaptureQueriesContext(connection) as queries:
            result = send_place_alerts(batch_size=BATCH)
        seconds = time.perf_counter() - started
        transaction.set_rollback(True)
    batches = -(-alerts // BATCH)
    return {
        "alerts": alerts,
        "changed": changed,
        "batches": batches,
        "queries": len(queries),
        "seconds": seconds,
        "mails": result["mails"],
    }


def with_a_site(alerts: int) -> None:
    from wagtail.models import Site

    from wegweiser.search.models import PlaceAlert

    PlaceAlert.objects.update(site=Site.objects.filter(is_default_site=True).first())


def main() -> None:
    sizes = [int(size) for size in os.environ.get("BENCH_ALERTS", "1000,10000").split(",") if size.strip()]
    changed = int(os.environ.get("BENCH_CHANGED", "1000"))
    setup_test_environment()
    settings_dict = connection.settings_dict
    settings_dict.setdefault("TEST", {})
    if "postgresql" in settings_dict["ENGINE"]:
        settings_dict["TEST"]["NAME"] = "bench_wegweiser_place_alerts"
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True, keepdb=False)
    try:
        results = [run(size, changed) for size in sizes]
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
    print(
        f"place alerts: one run of search.send_place_alerts ({connection.vendor}; batches of {BATCH} alerts)"
    )
    print(f"{'alerts':>7} {'changed':>8} {'batches':>8} {'queries':>8} {'seconds':>8} {'mails':>7}")
    for row in results:
        print(
            f"{row['alerts']:>7} {row['changed']:>8} {row['batches']:>8} {row['queries']:>8} "
            f"{row['seconds']:>8.2f} {row['mails']:>7}"
        )


if __name__ == "__main__":
    main()
