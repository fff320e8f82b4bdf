"""Benchmark: the office's "likely duplicates" report on generated towns of 1,000 and 10,000 offers.

Creates a throw-away database (SQLite in memory, or PostgreSQL when ``DATABASE_URL`` says so), a town with
60 partner organisations and N current offers whose titles and summaries come from a small vocabulary (so
many listings look alike, the hard case), of which 2 % are planted reworded copies at another organisation.
Prints one table: time to load and compare, candidate pairs, pairs reported, planted pairs recalled.

    DJANGO_SETTINGS_MODULE=wegweiser.site.settings.test .venv/bin/python bench/duplicates_bench.py
    BENCH_SIZES=1000,10000 (default: 10000)
"""

from __future__ import annotations

import os
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "wegweiser.site.settings.test")

import django  # noqa: E402

django.setup()

from django.db import connection, transaction  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402
from wagtail.models import Locale  # noqa: E402

from bench.bulk_pages import insert_listings  # noqa: E402

TOPICS = {
    "sprache": [
        "Deutschkurs {level}",
        "Integrationskurs {level}",
        "Sprachcafé",
        "Alphabetisierungskurs",
        "Konversationskurs {level}",
        "Berufssprachkurs {level}",
        "Deutsch für den Alltag {level}",
    ],
    "beratung": [
        "Migrationsberatung",
        "Sozialberatung",
        "Schuldnerberatung",
        "Asylverfahrensberatung",
        "Jugendmigrationsdienst",
        "Familienberatung",
        "Rechtsberatung",
    ],
    "arbeit": [
        "Bewerbungstraining",
        "Jobcafé",
        "Anerkennungsberatung",
        "Berufsorientierung",
        "Praktikumsbörse",
    ],
    "wohnen": ["Sprechstunde Wohnungssuche", "Mieterberatung", "Wohnführerschein"],
    "gesundheit": ["Gesundheitslotsen", "Frauengesundheit", "Psychosoziale Beratung", "Impfsprechstunde"],
    "kinder-schule": ["Hausaufgabenhilfe", "Elterncafé", "Lernpaten", "Schulberatung", "Krabbelgruppe"],
    "aufenthalt": ["Aufenthaltsberatung", "Einbürgerungsberatung", "Hilfe bei Anträgen"],
    "freizeit": ["Nähcafé", "Fußball für alle", "Kochtreff", "Frauenschwimmen", "Spieleabend"],
    "ehrenamt": ["Ehrenamtsbörse", "Begleitung zu Ämtern", "Patenschaften", "Dolmetscherpool"],
}
DISTRICTS = ["altstadt", "nordstadt", "suedstadt", "weststadt", "ostviertel", "am-hafen"]
LEVELS = ["A1", "A2", "B1", "B2", "C1", ""]
FOR_WHOM = ["für Frauen", "für Familien", "für Jugendliche", "für Geflüchtete", "für Senioren", "", ""]
STREETS = [
    "Lindenstraße",
    "Hafenweg",
    "Marktplatz",
    "Bahnhofstraße",
    "Schillerstraße",
    "Am Anger",
    "Kirchgasse",
    "Mühlenweg",
    "Gartenstraße",
    "Parkallee",
    "Rosenweg",
    "Schulstraße",
    "Brunnenplatz",
    "Wiesenstraße",
]
PLACES = [
    "im Stadtteilzentrum",
    "in der Bücherei",
    "im Familienzentrum",
    "im Gemeindesaal",
    "in der Volkshochschule",
    "im Jugendhaus",
    "im Nachbarschaftstreff",
    "in der Grundschule",
    "im Rathaus",
    "online",
]
WEEKDAYS = [
    "montags",
    "dienstags",
    "mittwochs",
    "donnerstags",
    "freitags",
    "samstags",
    "am Wochenende",
    "abends",
]
CONTACTS = [
    "Frau Yılmaz",
    "Herr Haddad",
    "Frau Kovalenko",
    "Herr Petrović",
    "Frau Ahmadi",
    "Herr Schneider",
    "Frau Nowak",
    "Herr Osei",
    "Frau Weber",
    "Herr Rahimi",
]
SENTENCES = [
    "Wir bieten {what} {whom} an.",
    "Treffpunkt ist {place}.",
    "Jeden {day} von {hour} bis {end} Uhr.",
    "Eine Anmeldung ist {registration}.",
    "Das Angebot ist {cost}.",
    "Kinderbetreuung ist {childcare}.",
    "Beratung auf {languages} möglich.",
    "Ansprechperson: {contact}, {street} {number}.",
    "Wir treffen uns {weekday} {place}.",
    "Maximal {seats} Personen, bitte pünktlich kommen.",
]
FILL = {
    "place": [
        "das Stadtteilzentrum",
        "die Bücherei",
        "das Familienzentrum",
        "der Gemeindesaal",
        "die Volkshochschule",
    ],
    "day": ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag"],
    "registration": ["nicht nötig", "erforderlich", "telefonisch möglich", "per E-Mail erwünscht"],
    "cost": ["kostenlos", "gegen eine kleine Gebühr", "vom Jobcenter gefördert"],
    "childcare": ["vorhanden", "auf Anfrage möglich", "leider nicht möglich"],
    "languages": [
        "Arabisch und Deutsch",
        "Ukrainisch und Russisch",
        "Farsi und Dari",
        "Türkisch",
        "Englisch",
    ],
}


def generate_offer(rng: random.Random) -> dict:
    topic = rng.choice(list(TOPICS))
    topics = [topic] + ([rng.choice(list(TOPICS))] if rng.random() < 0.3 else [])
    whom = rng.choice(FOR_WHOM)
    what = rng.choice(TOPICS[topic]).format(level=rng.choice(LEVELS)).strip()
    qualifier = rng.choice([rng.choice(PLACES), rng.choice(WEEKDAYS), f"Gruppe {rng.randint(1, 9)}", "", ""])
    title = " ".join(part for part in (what, whom, qualifier) if part)
    hour = rng.randint(8, 18)
    values = {key: rng.choice(options) for key, options in FILL.items()}
    values.update(
        contact=rng.choice(CONTACTS),
        street=rng.choice(STREETS),
        number=rng.randint(1, 120),
        weekday=rng.choice(WEEKDAYS),
        place=rng.choice(PLACES),
        seats=rng.randint(6, 25),
    )
    sentences = [
        sentence.format(what=what, whom=whom, hour=hour, end=hour + 2, **values)
        for sentence in rng.sample(SENTENCES, rng.randint(4, 7))
    ]
    return {
        "title": title,
        "summary": " ".join(sentences),
        "topics": topics,
        "district": rng.choice(DISTRICTS),
    }


def reworded(offer: dict, rng: random.Random) -> dict:
    """The same offer as another organisation would announce it: other punctuation, order, a word less."""
    sentences = offer["summary"].split(". ")
    rng.shuffle(sentences)
    if len(sentences) > 3:
        sentences.pop()
    title = offer["title"].replace("kurs", "-Kurs").replace("beratung", "-Beratung")
    return {
        **offer,
        "title": f"{title} (neu)" if rng.random() < 0.5 else title.upper(),
        "summary": ". ".join(sentences),
    }


def build_town(size: int, seed: int = 20261124) -> tuple[set[frozenset[int]], float]:
    """Create organisations and ``size`` offers (2 % planted copies); return the planted pairs and seconds taken."""
    from wegweiser.site.models import District, OrganisationIndexPage, OrganisationPage, Topic
    from wegweiser.site.registry import listing_types
    from wegweiser.site.setup import ensure_portal

    started = time.perf_counter()
    rng = random.Random(seed)
    home = ensure_portal(home_title="Benchstadt")
    locale = Locale.get_default()
    topics = {
        slug: Topic.objects.get_or_create(slug=slug, locale=locale, defaults={"name": slug.title()})[0]
        for slug in TOPICS
    }
    districts = {
        slug: District.objects.get_or_create(slug=slug, locale=locale, defaults={"name": slug.title()})[0]
        for slug in DISTRICTS
    }
    index = home.add_child(instance=OrganisationIndexPage(title="Partner", slug=f"partner-{size}"))
    organisations = [
        index.add_child(instance=OrganisationPage(title=f"Verein {n}", slug=f"verein-{n}")) for n in range(60)
    ]

    offers = []
    planted_at: list[tuple[int, int]] = []
    while len(offers) < size:
        if offers and rng.random() < 0.02:
            original_index = rng.randrange(len(offers))
            original = offers[original_index]
            other = rng.choice([org for org in organisations if org.pk != original["organisation"].pk])
            planted_at.append((original_index, len(offers)))
            offers.append({**reworded(original, rng), "organisation": other})
        else:
            offers.append({**generate_offer(rng), "organisation": rng.choice(organisations)})

    model = listing_types()["offer"].model
    pks = insert_pages(model, offers, locale, districts)
    through = model.topics.through
    source = f"{model._meta.model_name}_id"
    through.objects.bulk_create(
        [
            through(**{source: pk, "topic_id": topics[slug].pk})
            for pk, offer in zip(pks, offers, strict=True)
            for slug in set(offer["topics"])
        ],
        batch_size=2000,
    )
    planted = {frozenset((pks[first], pks[second])) for first, second in planted_at}
    return planted, time.perf_counter() - started


def insert_pages(model, offers: list[dict], locale, districts) -> list[int]:
    """Bulk-insert offer pages below their organisations (Wagtail's add_child would take minutes for 10k)."""
    return insert_listings(
        model,
        [
            (
                offer["organisation"],
                {
                    "title": offer["title"],
                    "slug": f"angebot-{number}",
                    "summary": offer["summary"],
                    "district": districts[offer["district"]],
                    "locale": locale,
                },
            )
            for number, offer in enumerate(offers)
        ],
    )


def run(size: int) -> dict:
    from django.core.cache import cache

    from wegweiser.reports.duplicates import comparison_candidates, find_duplicates, load_listings
    from wegweiser.reports.selection import ListingSelection

    with transaction.atomic():
        planted, build_seconds = build_town(size)
        cache.clear()
        started = time.perf_counter()
        pairs = find_duplicates(ListingSelection(), threshold=0.5)
        report_seconds = time.perf_counter() - started
        started = time.perf_counter()
        find_duplicates(ListingSelection(), threshold=0.5)
        repeat_seconds = time.perf_counter() - started
        started = time.perf_counter()
        listings = load_listings(ListingSelection())
        load_seconds = time.perf_counter() - started
        _titles, _summaries, candidates = comparison_candidates(listings, 0.5)
        found = {frozenset((pair.first.pk, pair.second.pk)) for pair in pairs}
        transaction.set_rollback(True)
    return {
        "listings": size,
        "build_s": build_seconds,
        "load_s": load_seconds,
        "report_s": report_seconds,
        "repeat_s": repeat_seconds,
        "all_pairs": size * (size - 1) // 2,
        "candidates": len(candidates),
        "reported": len(pairs),
        "planted": len(planted),
        "recall": len(found & planted) / len(planted) if planted else 1.0,
    }


def main() -> None:
    sizes = [int(size) for size in os.environ.get("BENCH_SIZES", "10000").split(",") if size.strip()]
    setup_test_environment()
    settings_dict = connection.settings_dict
    settings_dict.setdefault("TEST", {})
    if "postgresql" in settings_dict["ENGINE"]:
        settings_dict["TEST"]["NAME"] = "bench_wegweiser_duplicates"
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True, keepdb=False)
    try:
        results = [run(size) for size in sizes]
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
    print(
        f"duplicate report ({connection.vendor}; threshold 50 %; repeat = same report again, from the cache)"
    )
    print(
        f"{'listings':>9} {'build s':>8} {'load s':>7} {'report s':>9} {'repeat s':>9} {'all pairs':>12} "
        f"{'candidates':>11} {'reported':>9} {'planted':>8} {'recall':>7}"
    )
    for row in results:
        print(
            f"{row['listings']:>9} {row['build_s']:>8.1f} {row['load_s']:>7.2f} {row['report_s']:>9.2f} "
            f"{row['repeat_s']:>9.2f} {row['all_pairs']:>12} {row['candidates']:>11} "
            f"{row['reported']:>9} {row['planted']:>8} {row['recall']:>7.0%}"
        )


if __name__ == "__main__":
    main()
