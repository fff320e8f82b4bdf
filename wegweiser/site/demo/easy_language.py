"""Demo pages in Leichte Sprache, each wired as the easy version of a key page of the demo town.

Finders belong to plugins, so they are matched by their listing-type key, never by importing a plugin.
Safe to run again: a page that exists is left alone, and a key page that already names an easy version
keeps the editor's choice.
"""

from __future__ import annotations

from dataclasses import dataclass

from wagtail.models import Locale, Page

from wegweiser.site.demo import data
from wegweiser.site.models.easy_language import EasyLanguagePage
from wegweiser.site.models.forms import AccessibilityStatementPage
from wegweiser.site.models.pages import HomePage, ListingIndexPage, StandardPage
from wegweiser.site.models.taxonomies import Topic

AREA_SLUG = "leichte-sprache"


@dataclass(frozen=True)
class EasyText:
    slug: str
    title: str
    intro: str
    sections: tuple[tuple[str, str], ...]  # (heading or "", paragraph with one sentence per line)
    #: The standard pages this is the easy version of: ("home", ""), ("finder", listing type key), ("page", slug),
    #: ("statement", ""). None for a topic no standard page is about (counselling): no "everyday language" link.
    key_pages: tuple[tuple[str, str], ...]
    #: After the text: (what the link says, where it leads). Where: a key page as above, ("finder", key, topic
    #: slug) for a finder showing one topic, or ("easy", slug) for another page in Leichte Sprache.
    links: tuple[tuple[str, ...], ...] = ()


OFFICE = EasyText(
    slug="das-integrationsbuero",
    title="Das Integrations·büro",
    intro=f"Sie sind neu in {data.TOWN}?\nDann können wir Ihnen helfen.\nWir sind das Integrations·büro.",
    sections=(
        (
            "Was ist das Integrations·büro?",
            "Das Integrations·büro gehört zur Stadt.\n"
            "Wir helfen Menschen aus anderen Ländern.\n"
            "Zum Beispiel: Wenn Sie Deutsch lernen wollen.\n"
            "Oder wenn Sie eine Arbeit suchen.",
        ),
        (
            "Was finden Sie auf dieser Internet·seite?",
            "Hier finden Sie Deutsch·kurse.\n"
            "Hier finden Sie Beratung.\n"
            "Hier finden Sie Feste und Treffen.\n"
            "Und Sie können hier anderen Menschen helfen.",
        ),
        (
            "Sie können uns besuchen",
            "Unsere Adresse ist:\n"
            f"Rathaus·platz 1, {data.POSTCODE} {data.TOWN}.\n"
            "Wir sind von Montag bis Donnerstag da.\n"
            "Von 9 Uhr bis 16 Uhr.\n"
            "Und am Freitag von 9 Uhr bis 12 Uhr.\n"
            "Sie können auch anrufen: 05561 100-300.",
        ),
        (
            "",
            "Sie sprechen nicht gut Deutsch?\n"
            "Das ist kein Problem.\n"
            "Bringen Sie gerne eine Person mit.\n"
            "Die Person kann für Sie über·setzen.",
        ),
    ),
    key_pages=(("home", ""), ("page", "ueber-uns")),
    links=(
        ("Mehr über Deutsch·kurse", "easy", "deutsch-lernen"),
        ("Mehr über Beratung", "easy", "beratung"),
        ("Mehr über Feste und Treffen", "easy", "veranstaltungen"),
        ("Mehr über Ehrenamt", "easy", "ehrenamt"),
    ),
)

GERMAN = EasyText(
    slug="deutsch-lernen",
    title="Deutsch lernen",
    intro="Sie wollen Deutsch lernen?\nIn Neustadt gibt es viele Deutsch·kurse.",
    sections=(
        (
            "Was ist ein Integrations·kurs?",
            "Ein Integrations·kurs ist ein Deutsch·kurs.\n"
            "Sie lernen dort Deutsch.\n"
            "Und Sie lernen viel über das Leben in Deutschland.\n"
            "Zum Beispiel: Wie finde ich eine Wohnung?\n"
            "Oder: Welche Rechte habe ich?",
        ),
        (
            "Wer bezahlt den Kurs?",
            "Oft bezahlt der Staat den Kurs.\n"
            "Manchmal müssen Sie einen kleinen Teil selbst bezahlen.\n"
            "Das Jobcenter oder die Ausländer·behörde sagt Ihnen:\n"
            "Dürfen Sie den Kurs machen?\n"
            "Und müssen Sie etwas bezahlen?",
        ),
        (
            "Wie finde ich einen Kurs?",
            "Auf der Seite Angebote finden Sie alle Kurse.\n"
            "Sie können dort zum Beispiel aussuchen:\n"
            "Einen Kurs nur für Frauen.\n"
            "Oder einen Kurs mit Kinder·betreuung.\n"
            "Kinder·betreuung heißt: Jemand passt auf Ihr Kind auf.\n"
            "Und Sie können in dieser Zeit lernen.",
        ),
        (
            "",
            "Sie brauchen Hilfe bei der Anmeldung?\n"
            "Dann kommen Sie zum Integrations·büro.\n"
            "Wir helfen Ihnen gerne.",
        ),
    ),
    key_pages=(("finder", "offer"),),
    links=(("Hier finden Sie alle Kurse für Deutsch.", "finder", "offer", "sprache"),),
)

COUNSELLING = EasyText(
    slug="beratung",
    title="Beratung",
    intro="Sie haben eine Frage?\nOder Sie haben ein Problem?\nDann gehen Sie zu einer Beratung.",
    sections=(
        (
            "Was ist eine Beratung?",
            "Bei einer Beratung sprechen Sie mit einer Fach·person.\n"
            "Die Person kennt sich gut aus.\n"
            "Die Person hilft Ihnen bei Ihrer Frage.",
        ),
        (
            "Bei welchen Fragen hilft die Beratung?",
            "Zum Beispiel bei Briefen von Ämtern.\n"
            "Ein Amt ist zum Beispiel die Ausländer·behörde.\n"
            "Die Beratung hilft auch bei der Suche nach Arbeit.\n"
            "Oder bei Fragen zur Schule von Ihren Kindern.",
        ),
        (
            "Was kostet die Beratung?",
            "Die Beratung ist kostenlos.\n"
            "Das heißt: Sie müssen nichts bezahlen.\n"
            "Die Beratung ist geheim.\n"
            "Das heißt: Die Fach·person erzählt niemandem etwas.",
        ),
        (
            "In welcher Sprache?",
            "Viele Beratungen gibt es auch in anderen Sprachen.\n"
            "Zum Beispiel auf Arabisch, Ukrainisch oder Türkisch.\n"
            "Auf der Seite Angebote können Sie die Sprache aussuchen.",
        ),
    ),
    key_pages=(),
    links=(("Hier finden Sie alle Beratungen.", "finder", "offer", "beratung"),),
)

EVENTS = EasyText(
    slug="veranstaltungen",
    title="Veranstaltungen",
    intro="In Neustadt gibt es viele Veranstaltungen.\nVeranstaltung heißt: Menschen treffen sich.",
    sections=(
        (
            "Was für Veranstaltungen gibt es?",
            "Es gibt Feste.\n"
            "Es gibt Sprach·cafés.\n"
            "In einem Sprach·café üben Sie Deutsch.\n"
            "Sie trinken dabei Kaffee oder Tee.\n"
            "Und Sie lernen neue Menschen kennen.",
        ),
        (
            "Wie finde ich eine Veranstaltung?",
            "Auf der Seite Veranstaltungen steht:\n"
            "Wann ist die Veranstaltung?\n"
            "Wo ist die Veranstaltung?\n"
            "Müssen Sie sich vorher anmelden?",
        ),
        (
            "",
            "Die meisten Veranstaltungen sind kostenlos.\nAlle Menschen sind willkommen.",
        ),
    ),
    key_pages=(("finder", "event"),),
    links=(("Hier finden Sie alle Veranstaltungen.", "finder", "event"),),
)

VOLUNTEERING = EasyText(
    slug="ehrenamt",
    title="Ehrenamt",
    intro="Sie wollen anderen Menschen helfen?\nDann können Sie ein Ehrenamt machen.",
    sections=(
        (
            "Was ist ein Ehrenamt?",
            "Bei einem Ehrenamt helfen Sie anderen Menschen.\n"
            "Sie machen das in Ihrer Frei·zeit.\n"
            "Sie bekommen dafür kein Geld.",
        ),
        (
            "Wobei können Sie helfen?",
            "Sie können eine Sprach·patenschaft machen.\n"
            "Das heißt: Sie üben mit einer Person Deutsch.\n"
            "Sie können Kindern vorlesen.\n"
            "Oder Sie begleiten eine Person zu einem Amt.",
        ),
        (
            "Wie melde ich mich an?",
            "Auf der Seite Ehrenamt suchen Sie eine Aufgabe aus.\n"
            "Dann füllen Sie ein kurzes Formular aus.\n"
            "Sie bekommen dann eine E-Mail.\n"
            "In der E-Mail ist ein Link.\n"
            "Tippen Sie auf den Link.\n"
            "Oder klicken Sie auf den Link.\n"
            "Eine Seite geht auf.\n"
            "Tippen Sie dort auf: Anmeldung bestätigen.\n"
            "Dann ist Ihre Anmeldung fertig.",
        ),
    ),
    key_pages=(("finder", "volunteer"),),
    links=(("Hier finden Sie alle Aufgaben im Ehrenamt.", "finder", "volunteer"),),
)

ACCESSIBILITY = EasyText(
    slug="barrierefreiheit",
    title="Barriere·freiheit",
    intro="Alle Menschen sollen diese Internet·seite gut benutzen können.",
    sections=(
        (
            "Was ist eine Barriere?",
            "Eine Barriere ist ein Hindernis.\n"
            "Zum Beispiel: Eine Schrift ist zu klein.\n"
            "Oder ein Bild·schirm·leser kann einen Text nicht vorlesen.\n"
            "Ein Bild·schirm·leser ist ein Programm für blinde Menschen.",
        ),
        (
            "Was machen wir?",
            "Wir prüfen diese Internet·seite regelmäßig.\n"
            "Sie können alles mit der Tastatur bedienen.\n"
            "Sie können die Schrift größer machen.",
        ),
        (
            "Haben Sie eine Barriere gefunden?",
            "Dann sagen Sie es uns bitte.\n"
            "Auf der Seite Barriere·freiheit gibt es ein Formular.\n"
            "Dort können Sie uns schreiben.\n"
            "Sie können uns auch anrufen: 05561 100-300.",
        ),
    ),
    key_pages=(("statement", ""),),
    links=(("Hier geht es zum Formular.", "statement", ""),),
)

EASY_TEXTS = (OFFICE, GERMAN, COUNSELLING, EVENTS, VOLUNTEERING, ACCESSIBILITY)


def _key_page(home: HomePage, locale: Locale, kind: str, key: str) -> Page | None:
    if kind == "home":
        return home
    if kind == "finder":
        return ListingIndexPage.objects.child_of(home).filter(locale=locale, listing_type=key).first()
    if kind == "page":
        return StandardPage.objects.child_of(home).filter(locale=locale, slug=key).first()
    return AccessibilityStatementPage.objects.child_of(home).filter(locale=locale).first()


def _link(
    home: HomePage, locale: Locale, easy_pages: dict[str, EasyLanguagePage], title: str, *where
) -> dict:
    """A link block's value; its page is None where the demo town lacks it (a plugin left out)."""
    kind, key, *topic = where
    if kind == "easy":
        target = easy_pages.get(key)
    else:
        target = _key_page(home, locale, kind, key)
    chosen = Topic.objects.filter(locale=locale, slug=topic[0]).first() if topic else None
    return {"title": title, "page": target, "topic": chosen, "url": "", "description": ""}


def _wire(key_page: Page, easy: EasyLanguagePage) -> bool:
    """Name ``easy`` as the easy version of ``key_page`` in every language, unless an editor chose one."""
    if key_page.easy_language_page_id is not None:
        return False
    for translated in key_page.get_translations(inclusive=True).specific():
        translated.easy_language_page = easy
        revision = translated.save_revision()
        if translated.live:
            revision.publish()
    return True


def load_easy_language(home: HomePage, locale: Locale) -> int:
    """Create the missing easy-German pages below the "Leichte Sprache" area; return how many were made.

    All pages first, then their text: the office's page links to the others."""
    area = StandardPage.objects.child_of(home).filter(locale=locale, slug=AREA_SLUG).first()
    if area is None:
        return 0
    easy_pages = {page.slug: page for page in EasyLanguagePage.objects.child_of(area)}
    new = []
    for text in EASY_TEXTS:
        if text.slug not in easy_pages:
            easy = EasyLanguagePage(title=text.title, slug=text.slug, intro=text.intro, locale=locale)
            area.add_child(instance=easy)
            easy_pages[text.slug] = easy
            new.append(text)
    for text in new:
        easy = easy_pages[text.slug]
        links = [_link(home, locale, easy_pages, *link) for link in text.links]
        links = [link for link in links if link["page"] is not None]
        easy.body = [
            block
            for heading, paragraph in text.sections
            for block in ([("heading", heading)] if heading else []) + [("paragraph", {"text": paragraph})]
        ] + ([("links", links)] if links else [])
        easy.save_revision().publish()
    for text in EASY_TEXTS:
        for key in text.key_pages:
            key_page = _key_page(home, locale, *key)
            if key_page is not None:
                _wire(key_page.specific, easy_pages[text.slug])
    return len(new)
