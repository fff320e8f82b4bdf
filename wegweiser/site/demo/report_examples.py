"""Demo data for the office's reports, so each one has something to show in the demo town.

Two near-duplicate offers of different organisations (the duplicates report), listings nobody has
confirmed for months (freshness), and searches that found nothing or little (demand). Plugins and the
finder are reached through the registry and the app registry, never imported: the core imports no plugin.
"""

from __future__ import annotations

import datetime

from django.apps import apps
from django.utils import timezone

from wegweiser.site.registry import listing_types

DUPLICATE_SUMMARY = (
    "Deutsch sprechen in gemütlicher Runde für Mütter mit kleinen Kindern: Kinderbetreuung im Nebenraum, "
    "jeden Mittwochvormittag, ohne Anmeldung und kostenlos."
)
DUPLICATE_SUMMARY_EN = (
    "Speak German in a relaxed group for mothers of small children: childcare next door, every Wednesday "
    "morning, no registration, free of charge."
)
# (organisation, where it is held, German title, German summary, English title): both in the Nordstadt, the
# Caritas' in the family centre there (its own premises are in the Altstadt)
DUPLICATES = [
    (
        "caritas",
        "familienzentrum",
        "Sprachcafé für Mütter mit Kinderbetreuung",
        DUPLICATE_SUMMARY,
        "Language café for mothers with childcare",
    ),
    (
        "awo",
        "awo",
        "Sprachcafé für Mütter mit Kinderbetreuung am Mittwoch",
        DUPLICATE_SUMMARY.replace("gemütlicher", "offener"),
        "Language café for mothers with childcare on Wednesdays",
    ),
]
#: What the cafés are, where the offer type has these fields: a meeting, not a course, with childcare (as a
#: course without childcare they were hidden by the very filter a mother of a small child ticks).
DUPLICATE_FIELDS = {"kind": "group", "childcare": True}
STALE_DAYS = (240, 320, 410)
# (search words, language, results, days ago): zero or few hits are the gaps the demand report shows.
SEARCHES = [
    ("Schuldnerberatung", "de", 0, 1),
    ("Schuldnerberatung", "de", 0, 3),
    ("Führerschein Theorie Arabisch", "de", 0, 2),
    ("Hebamme", "de", 0, 4),
    ("Hebamme", "de", 1, 5),
    ("debt advice", "en", 0, 2),
    ("юрист", "uk", 0, 1),
    ("юрист", "uk", 0, 6),
    ("Wohnung finden", "de", 1, 2),
    ("Deutschkurs", "de", 14, 1),
    ("Deutschkurs", "de", 14, 2),
    ("Integrationskurs", "de", 9, 3),
]


def load_report_examples(ctx) -> None:
    """Add the examples once; running the demo again adds nothing."""
    _add_near_duplicates(ctx)
    _make_some_listings_stale(ctx)
    _log_searches()


def _add_near_duplicates(ctx) -> None:
    offer_type = listing_types().get("offer")
    if offer_type is None:
        return
    model = offer_type.model
    names = {field.name for field in model._meta.get_fields()}
    fields = {name: value for name, value in DUPLICATE_FIELDS.items() if name in names}
    for org_slug, held_at, title, summary, title_en in DUPLICATES:
        organisation = ctx.organisations.get(org_slug)
        if organisation is None or model.objects.filter(title=title).exists():
            continue
        place = ctx.place_of(ctx.organisations.get(held_at) or organisation)
        page = model(title=title, summary=summary, **place, **fields)
        ctx.add(
            organisation,
            page,
            topics=ctx.topics("sprache"),
            target_groups=ctx.target_groups("frauen"),
            languages=ctx.languages("de", "ar"),
        )
        ctx.translate(page, title=title_en, summary=DUPLICATE_SUMMARY_EN)


def _make_some_listings_stale(ctx) -> None:
    """A few listings of one organisation have not been confirmed for many months."""
    organisation = ctx.organisations.get("diakonie")
    if organisation is None:
        return
    for listing_type in listing_types().values():
        pages = listing_type.model.objects.filter(organisation=organisation).order_by("pk")[: len(STALE_DAYS)]
        for page, days in zip(pages, STALE_DAYS, strict=False):
            listing_type.model.objects.filter(pk=page.pk).update(
                last_reviewed=ctx.today - datetime.timedelta(days=days)
            )


def _log_searches() -> None:
    if not apps.is_installed("wegweiser.search"):
        return
    log = apps.get_model("search", "SearchQueryLog")
    if log.objects.exists():
        return
    now = timezone.now()
    for query, locale, results, days_ago in SEARCHES:
        entry = log.objects.create(
            query_text=query,
            locale=locale,
            listing_types=[],
            result_count=results,
            backend="database",
            took_ms=8,
        )
        log.objects.filter(pk=entry.pk).update(created_at=now - datetime.timedelta(days=days_ago))
