"""The demo's way in, in every language: the home page with its newcomer blocks, the finders, the menu pages
and the organisations whose listings the plugins translate. Each step adds only what is missing."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.utils import translation

from wegweiser.site.demo import translations
from wegweiser.site.models import ListingIndexPage, OrganisationIndexPage, StandardPage, Topic
from wegweiser.site.registry import listing_types

if TYPE_CHECKING:
    from wegweiser.site.demo import DemoContext

ALL_LANGUAGES = ("en", *translations.OTHER_LANGUAGES)


def load_translations(ctx: DemoContext) -> None:
    """Home page first (the other pages hang below its translations), then the menu, finders, organisations."""
    load_home(ctx)
    _translate_menu_pages(ctx)
    _translate_finders(ctx)
    _translate_organisations(ctx)


def _missing(page, language: str, ctx: DemoContext) -> bool:
    return page.get_translation_or_none(ctx.locale_for(language)) is None


def _home_body(ctx: DemoContext, language: str) -> list[dict]:
    """The home page's blocks as stored data: the office edits them like any other StreamField."""
    texts = translations.HOME[language]
    topics = dict(Topic.objects.filter(locale=ctx.locale).values_list("slug", "pk"))
    finders = dict(
        ListingIndexPage.objects.filter(locale=ctx.locale)
        .child_of(ctx.home)
        .values_list("listing_type", "pk")
    )
    finder = finders.get("offer") or next(iter(finders.values()), None)
    body = []
    if finder is not None:
        body.append(
            {
                "type": "topic_tiles",
                "value": {
                    "heading": texts["topics"],
                    "finder": finder,
                    "tiles": [
                        {"topic": topics[slug], "title": "", "icon": icon, "text": ""}
                        for slug, icon in translations.TILES
                        if slug in topics
                    ],
                },
            }
        )
        body.append(
            {
                "type": "first_steps",
                "value": {
                    "heading": texts["steps"],
                    "intro": texts["steps_intro"],
                    "finder": finder,
                    "steps": [
                        {
                            "title": step[language][0],
                            "text": step[language][1],
                            "topic": topics.get(slug),
                            "link_text": texts["link"],
                        }
                        for slug, step in translations.FIRST_STEPS
                    ],
                },
            }
        )
    dated = ["event"] if "event" in finders else []
    body.append(
        {
            "type": "upcoming_dates",
            "value": {
                "heading": texts["dates"],
                "listing_types": dated,
                "count": 4,
                "more": finders.get("event"),
            },
        }
    )
    body.append(
        {
            "type": "office_contact",
            "value": {
                "heading": texts["contact"],
                "name": "",
                "address": "",
                "phone": "",
                "email": "",
                "opening_hours": texts["hours"],
            },
        }
    )
    return body


def load_home(ctx: DemoContext) -> None:
    """The home page's blocks in German and its version in every other language."""
    home = ctx.home
    if not any(block.block_type == "topic_tiles" for block in home.body):
        texts = translations.HOME["de"]
        home.title, home.intro, home.body = texts["title"], texts["intro"], _home_body(ctx, "de")
        home.save_revision().publish()
    for language in ALL_LANGUAGES:
        existing = home.get_translation_or_none(ctx.locale_for(language))
        if existing is not None and any(
            block.block_type == "topic_tiles" for block in existing.specific.body
        ):
            continue
        texts = translations.HOME[language]
        ctx.translate(
            home,
            language,
            title=texts["title"],
            intro=texts["intro"],
            body=_home_body(ctx, language),
            slug=f"start-{language}",
        )


def _translate_menu_pages(ctx: DemoContext) -> None:
    pages = {
        page.slug: page
        for page in [
            *StandardPage.objects.filter(locale=ctx.locale, slug__in=list(translations.MENU_PAGES)),
            *OrganisationIndexPage.objects.filter(locale=ctx.locale, slug__in=list(translations.MENU_PAGES)),
        ]
    }
    for slug, versions in translations.MENU_PAGES.items():
        page = pages.get(slug)
        if page is None:
            continue
        for language, (title, intro) in versions.items():
            if _missing(page, language, ctx):
                ctx.translate(page, language, title=title, intro=intro)


def _translate_finders(ctx: DemoContext) -> None:
    """A finder is called what its listing type is called, in each language's catalogue."""
    types = listing_types()
    for finder in ListingIndexPage.objects.filter(locale=ctx.locale).child_of(ctx.home):
        listing_type = types.get(finder.listing_type)
        if listing_type is None:
            continue
        for language in ALL_LANGUAGES:
            if _missing(finder, language, ctx):
                with translation.override(language):
                    title = str(listing_type.verbose_name_plural)
                ctx.translate(finder, language, title=title)


def _translate_organisations(ctx: DemoContext) -> None:
    """The organisations holding the listings that are translated beyond English."""
    for slug, summaries in translations.ORGANISATIONS.items():
        organisation = ctx.organisations.get(slug)
        if organisation is None:
            continue
        for language in translations.LISTING_LANGUAGES:
            if _missing(organisation, language, ctx):
                hours, by_appointment = translations.ORGANISATION_HOURS[language]
                ctx.translate(
                    organisation,
                    language,
                    summary=summaries[language],
                    opening_hours=by_appointment if organisation.kind == "authority" else hours,
                )
