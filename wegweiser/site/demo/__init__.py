"""Demo content: a fictional town with partner organisations; plugins add their listings through the registry."""

from __future__ import annotations

import datetime
import random
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field

from django.db import transaction
from django.db.models.signals import post_save
from django.utils import timezone, translation
from modelsearch import signal_handlers as search_index_signals
from modelsearch.index import get_indexed_models
from modelsearch.tasks import insert_or_update_object_task
from wagtail import hooks
from wagtail.models import Locale, Page, ReferenceIndex
from wagtail.search.backends import get_search_backends
from wagtail.signal_handlers import disable_reference_index_auto_update
from wagtail.tasks import update_reference_index_task

from wegweiser.site.demo import data, translations
from wegweiser.site.demo.easy_language import load_easy_language
from wegweiser.site.demo.home import load_home, load_translations
from wegweiser.site.demo.report_examples import load_report_examples
from wegweiser.site.links import slug_for
from wegweiser.site.models import (
    AccessibilityStatementPage,
    District,
    HomePage,
    Language,
    ListingIndexPage,
    OrganisationIndexPage,
    OrganisationPage,
    PortalSettings,
    StandardPage,
    TargetGroup,
    Topic,
)
from wegweiser.site.registry import ListingType, listing_types
from wegweiser.site.setup import ensure_office_rights, ensure_portal

#: Wagtail hook for a plugin's demo content that is not a listing type's (the search's starter synonyms):
#: a function of the :class:`DemoContext` returning ``{what: how many were added}``; it must be safe to
#: run again (add only what is missing).
DEMO_CONTENT_HOOK = "load_demo_content"
#: Wagtail hook for work a plugin does at each save that may be done once, at the end of the demo town's load:
#: a function without arguments returning a context manager, which the loader holds open while it loads (in
#: its transaction). The search writes each listing's rows once this way (four or five saves a page).
DEMO_LOADING_HOOK = "while_loading_demo"


@dataclass
class DemoContext:
    """What a plugin's ``demo_content`` callable gets: the town, its organisations and terms, helpers."""

    home: HomePage
    organisations: dict[str, OrganisationPage]
    locale: Locale
    english: Locale
    today: datetime.date
    rng: random.Random = field(default_factory=lambda: random.Random(20261124))  # noqa: S311
    town: str = data.TOWN
    postcode: str = data.POSTCODE

    def topics(self, *slugs: str) -> list[Topic]:
        return list(Topic.objects.filter(locale=self.locale, slug__in=slugs))

    def target_groups(self, *slugs: str) -> list[TargetGroup]:
        return list(TargetGroup.objects.filter(locale=self.locale, slug__in=slugs))

    def languages(self, *codes: str) -> list[Language]:
        return list(Language.objects.filter(locale=self.locale, slug__in=codes))

    def district(self, slug: str) -> District:
        return District.objects.get(locale=self.locale, slug=slug)

    def place_of(self, organisation: OrganisationPage) -> dict:
        """Address fields copied from the organisation, for a listing held at its premises."""
        return {
            "street": organisation.street,
            "postcode": organisation.postcode,
            "city": organisation.city,
            "district": organisation.district,
            "latitude": organisation.latitude,
            "longitude": organisation.longitude,
            "wheelchair_accessible": organisation.wheelchair_accessible,
        }

    def add(
        self, parent: Page, page: Page, topics=(), target_groups=(), languages=(), publish: bool = True
    ) -> Page:
        """Add a page below ``parent`` with its taxonomy terms, and publish it."""
        page.locale = self.locale
        page.slug = self._free_slug(parent, page.slug or slug_for(page.title))
        parent.add_child(instance=page)
        if topics:
            page.topics.set(topics)
        if target_groups:
            page.target_groups.set(target_groups)
        if languages:
            page.languages.set(languages)
        revision = page.save_revision()
        if publish:
            revision.publish()
        return page

    @staticmethod
    def _free_slug(parent: Page, slug: str) -> str:
        """Two plugins may both call something "Fest der Kulturen": keep sibling slugs unique."""
        taken = set(parent.get_children().values_list("slug", flat=True))
        candidate, number = slug, 2
        while candidate in taken:
            candidate, number = f"{slug}-{number}", number + 1
        return candidate

    def locale_for(self, language: str) -> Locale:
        if language == "en":
            return self.english
        return Locale.objects.get_or_create(language_code=language)[0]

    def translate(self, page: Page, language: str = "en", **fields) -> Page | None:
        """Create (or update) and publish the ``language`` version of ``page`` with the given field values.

        Skipped (``None``) when the parent has no version in that language: translations follow the tree.
        """
        locale = self.locale_for(language)
        parent = page.get_parent()
        if parent.depth > 1 and parent.get_translation_or_none(locale) is None:
            return None
        existing = page.get_translation_or_none(locale)
        translated = existing.specific if existing else page.copy_for_translation(locale)
        for name, value in fields.items():
            setattr(translated, name, value)
        translated.save_revision().publish()
        return translated


def _terms(model, rows, locale, names: dict[str, dict[str, str]], extra=None) -> None:
    """The German terms, then every missing translation (English from ``rows``, the rest from ``names``)
    in one bulk insert per model."""
    terms = []
    for row in rows:
        slug, name_de = row[0], row[1]
        extras = extra(row) if extra else {}
        term, _created = model.objects.get_or_create(
            slug=slug, locale=locale, defaults={"name": name_de, "sort_order": rows.index(row), **extras}
        )
        terms.append((term, {"en": row[2], **names.get(slug, {})}))
    locales = {
        code: Locale.objects.get_or_create(language_code=code)[0]
        for code in ("en", *translations.OTHER_LANGUAGES)
    }
    existing = set(
        model.objects.filter(
            translation_key__in=[term.translation_key for term, _names in terms]
        ).values_list("translation_key", "locale_id")
    )
    missing = []
    for term, term_names in terms:
        for code, name in term_names.items():
            if (term.translation_key, locales[code].pk) not in existing:
                translated = term.copy_for_translation(locales[code])
                translated.name = name
                missing.append(translated)
    if missing:
        created = model.objects.bulk_create(missing)
        _announce_bulk_created(model, created)


def _announce_bulk_created(model, created: list) -> None:
    """A bulk insert sends no ``post_save``: index the new rows and tell the term caches once."""
    for backend in get_search_backends():
        backend.add_bulk(model, created)
    post_save.send(
        sender=model, instance=created[-1], created=True, raw=False, using="default", update_fields=None
    )


def load_taxonomies(locale: Locale, english: Locale | None = None) -> None:
    """Topics, target groups, languages and districts in all seven languages (idempotent)."""
    _terms(Topic, data.TOPICS, locale, translations.TOPICS)
    _terms(TargetGroup, data.TARGET_GROUPS, locale, translations.TARGET_GROUPS)
    _terms(
        Language,
        data.LANGUAGES,
        locale,
        translations.LANGUAGES,
        extra=lambda row: {"native_name": row[3], "direction": row[4]},
    )
    _terms(
        District,
        data.DISTRICTS,
        locale,
        translations.DISTRICTS,
        extra=lambda row: {"latitude": row[3], "longitude": row[4]},
    )


def _load_pages(ctx: DemoContext) -> OrganisationIndexPage:
    home = ctx.home
    for slug, title_de, title_en, intro_de, intro_en, in_menu in data.CONTENT_PAGES:
        page = ctx.add(home, StandardPage(title=title_de, slug=slug, intro=intro_de, show_in_menus=in_menu))
        ctx.translate(page, title=title_en, intro=intro_en)
    _load_accessibility_statement(ctx)
    index = ctx.add(
        home,
        OrganisationIndexPage(
            title="Partner",
            slug="partner",
            intro="Vereine, Wohlfahrtsverbände, Sprachkursträger, Migrantenorganisationen und Behörden.",
            show_in_menus=True,
        ),
    )
    ctx.translate(
        index,
        title="Partners",
        intro="Associations, welfare organisations, course providers, migrant "
        "organisations and public authorities.",
    )
    return index


def _load_accessibility_statement(ctx: DemoContext) -> None:
    statement = AccessibilityStatementPage(
        title="Erklärung zur Barrierefreiheit",
        slug="barrierefreiheit",
        intro=(
            f"Die Stadt {data.TOWN} ist bemüht, ihr Integrationsportal im Einklang mit der Barrierefreien-"
            "Informationstechnik-Verordnung (BITV 2.0) barrierefrei zugänglich zu machen."
        ),
        to_address="integration@neustadt.example",
        from_address="noreply@neustadt.example",
        subject="Rückmeldung zur Barrierefreiheit",
    )
    # Truthful for this portal: what the project knows is missing, and how it was checked.
    statement.conformance = AccessibilityStatementPage.Conformance.PARTIAL
    statement.known_gaps = (
        "<ul>"
        "<li>Es gibt noch keine Videos in Deutscher Gebärdensprache (DGS). Die wichtigsten Informationen "
        "gibt es in Leichter Sprache; wir beantworten Fragen auch schriftlich.</li>"
        "<li>Dokumente (zum Beispiel PDF-Flyer), die Partnerorganisationen hochladen, sind nicht immer "
        "barrierefrei. Die Angaben im Eintrag selbst sind es; auf Wunsch schicken wir den Inhalt als Text.</li>"
        "<li>Texte in Leichter Sprache gibt es bisher nur für die wichtigsten Seiten, nicht für jeden "
        "Eintrag.</li>"
        "</ul>"
    )
    statement.evaluated_on = ctx.today
    statement.prepared_on = ctx.today
    statement.evaluation_method = (
        "Selbstbewertung: automatisierte Prüfung aller Seitentypen mit axe-core (WCAG 2.1, Stufe AA) in "
        "Chromium, im Smartphone-Format und in Schrift von rechts nach links. Eine Prüfung durch eine "
        "unabhängige Prüfstelle (BITV-Test) steht noch aus."
    )
    ctx.add(ctx.home, statement)
    ctx.translate(
        statement,
        title="Accessibility statement",
        intro=f"The town of {data.TOWN} strives to make its integration portal accessible in accordance with "
        "the German accessibility regulation (BITV 2.0).",
        known_gaps=(
            "<ul>"
            "<li>There are no videos in German Sign Language (DGS) yet. The most important information is "
            "available in easy German; we also answer questions in writing.</li>"
            "<li>Documents (such as PDF flyers) uploaded by partner organisations are not always accessible. "
            "The details in the listing itself are; on request we send the content as text.</li>"
            "<li>Easy German texts exist so far only for the most important pages, not for every listing.</li>"
            "</ul>"
        ),
        evaluation_method=(
            "Self-assessment: automated tests of every page type with axe-core (WCAG 2.1, level AA) in "
            "Chromium, at phone size and in right-to-left script. A test by an independent body (BITV test) "
            "is still to come."
        ),
    )


def _load_finders(ctx: DemoContext, types: dict[str, ListingType]) -> None:
    existing = set(ListingIndexPage.objects.filter(locale=ctx.locale).values_list("listing_type", flat=True))
    for key, listing_type in types.items():
        if key in existing:
            continue
        with translation.override("de"):
            title_de = str(listing_type.verbose_name_plural)
        ctx.add(
            ctx.home,
            ListingIndexPage(
                title=title_de, slug=slug_for(title_de) or key, listing_type=key, show_in_menus=True
            ),
        )


def load_organisations(ctx: DemoContext, index: OrganisationIndexPage) -> None:
    """The demo town's partner organisations below ``index``, in German and English (also for
    ``plugin_api.testing``'s ``demo_context``)."""
    for slug, name, kind, district, street, summary_de, summary_en, email, phone in data.ORGANISATIONS:
        centre = ctx.district(district)
        offset = (sum(map(ord, slug)) % 100) / 20000
        organisation = ctx.add(
            index,
            OrganisationPage(
                title=name,
                slug=slug,
                kind=kind,
                summary=summary_de,
                email=email,
                phone=phone,
                street=street,
                postcode=data.POSTCODE,
                city=data.TOWN,
                district=centre,
                latitude=round(centre.latitude + offset, 5),
                longitude=round(centre.longitude - offset, 5),
                wheelchair_accessible=slug not in {"mriya", "elternverein"},
                opening_hours="Mo–Do 9–16 Uhr, Fr 9–12 Uhr"
                if kind != "authority"
                else "Termine nur nach Vereinbarung",
            ),
        )
        ctx.organisations[slug] = organisation
        ctx.translate(organisation, summary=summary_en)


@transaction.atomic
def load_demo(stdout=None) -> dict[str, int]:
    """Load the demo town; safe to run again (it adds only what is missing, e.g. a newly installed plugin's)."""
    with _each_object_indexed_once(), ExitStack() as plugins_work_once:
        for work_once in hooks.get_hooks(DEMO_LOADING_HOOK):
            plugins_work_once.enter_context(work_once())
        return _load_demo()


@contextmanager
def _each_object_indexed_once() -> Iterator[None]:
    """Wagtail's search index and reference index brought up to date once per saved object, at the end.

    A demo page is saved four or five times (created, revised, published, translated, published again), and
    each save indexed it again: a third of the demo town's 80,000 queries. The same tasks run, once each.
    """
    saved: dict[tuple[type, str], None] = {}

    def remember(sender, instance, raw=False, **kwargs) -> None:
        if not raw:
            saved[(type(instance), str(instance.pk))] = None

    indexed = [model for model in get_indexed_models() if getattr(model, "search_auto_update", True)]
    for model in indexed:
        post_save.disconnect(search_index_signals.post_save_signal_handler, sender=model)
    post_save.connect(remember, weak=False, dispatch_uid="wegweiser-demo-saved")
    try:
        with disable_reference_index_auto_update():
            yield
    finally:
        post_save.disconnect(dispatch_uid="wegweiser-demo-saved")
        for model in indexed:
            post_save.connect(search_index_signals.post_save_signal_handler, sender=model)
    indexed_models, tracked = set(indexed), set(ReferenceIndex.tracked_models)
    by_model: dict[type, list[str]] = {}
    for model, pk in saved:
        by_model.setdefault(model, []).append(pk)
    for model, pks in by_model.items():
        if model not in indexed_models and model not in tracked:
            continue
        existing = {str(pk) for pk in model._base_manager.filter(pk__in=pks).values_list("pk", flat=True)}
        meta = model._meta
        for pk in (pk for pk in pks if pk in existing):
            if model in indexed_models:
                insert_or_update_object_task.enqueue(meta.app_label, meta.model_name, pk)
            if model in tracked:
                update_reference_index_task.enqueue(meta.app_label, meta.model_name, pk)


def _load_demo() -> dict[str, int]:
    home = ensure_portal(home_title=f"Willkommen in {data.TOWN}")
    locale = Locale.get_default()
    english, _created = Locale.objects.get_or_create(language_code="en")
    load_taxonomies(locale, english)
    ctx = DemoContext(home=home, organisations={}, locale=locale, english=english, today=timezone.localdate())
    created = {}
    types = listing_types()
    index = OrganisationIndexPage.objects.filter(locale=locale).first()
    if index is None:
        # Finders first: they lead the menu, and the home page's tiles link to them.
        _load_finders(ctx, types)
        load_home(ctx)
        index = _load_pages(ctx)
        load_organisations(ctx, index)
        created["organisations"] = len(ctx.organisations)
        settings = PortalSettings.for_site(home.get_site())
        settings.office_name = f"Integrationsbüro {data.TOWN}"
        settings.office_email = "integration@neustadt.example"
        settings.office_phone = "05561 100-300"
        settings.office_address = f"Rathausplatz 1\n{data.POSTCODE} {data.TOWN}"
        settings.save()
    else:
        ctx.organisations = {org.slug: org for org in OrganisationPage.objects.filter(locale=locale)}
    _load_finders(ctx, types)
    load_translations(ctx)
    ensure_office_rights(home)
    for key, listing_type in types.items():
        if listing_type.demo_content is None or listing_type.model.objects.exists():
            continue
        listing_type.demo_content(ctx)
        created[key] = listing_type.model.objects.filter(locale=locale).count()
    load_report_examples(ctx)
    for load_content in hooks.get_hooks(DEMO_CONTENT_HOOK):
        created.update(load_content(ctx))
    easy_pages = load_easy_language(home, locale)
    if easy_pages:
        created["easy German pages"] = easy_pages
    return created
