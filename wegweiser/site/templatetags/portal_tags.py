"""Template tags for the public site: language switcher, navigation, footer links."""

from __future__ import annotations

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils import translation
from django.utils.translation import gettext, gettext_lazy
from wagtail.models import Locale, Page, Site

from wegweiser.site.listings import localized_url, published_url, with_language_prefix
from wegweiser.site.models import EasyLanguagePage, Listing, ListingIndexPage, PortalSettings
from wegweiser.site.page_tree_cache import cached_navigation
from wegweiser.site.page_views import ABOUT_PAGE, same_view_urls
from wegweiser.site.public_forms import was_refused
from wegweiser.site.templatetags.direction_tags import isolate_text, list_separator_text
from wegweiser.site.templatetags.enclosing import EnclosingNode

register = template.Library()


def home_for_language(request, language_code: str):
    """The request's site's home page in ``language_code``, if it is translated into it."""
    site = Site.find_for_request(request) if request else None
    if site is None:
        return None
    root = site.root_page
    if root.locale.language_code == language_code:
        return root
    return Page.objects.filter(
        translation_key=root.translation_key, locale__language_code=language_code
    ).first()


@register.simple_tag(takes_context=True)
def home_url(context) -> str:
    return start_page_url(context.get("request"))


def start_page_url(request) -> str:
    """The start page in the visitor's language (``/`` would lead to whichever language the browser prefers)."""

    def build() -> str:
        home = home_for_language(request, translation.get_language() or settings.LANGUAGE_CODE)
        return home.url if home and home.live else "/"

    return cached_navigation("home", request, build)


@register.simple_tag(takes_context=True)
def language_links(context, page=None) -> list[dict]:
    """One link per portal language: the same page translated, else the page itself shown in German under
    that language's prefix (where its home page exists), else its nearest translated ancestor. The same
    page keeps the visitor's choices (``?topic=sprache&district=altstadt`` on a finder page): the filters'
    values are the same in every language.

    A view about a page without being it (a registration form, told by ``about_page``) links the same view
    for the page in each language."""
    request = context.get("request")
    current = translation.get_language()
    targets: dict[str, tuple[str, bool]] = {}
    if isinstance(page, Page) and page.pk:
        targets = cached_navigation(
            "language_targets", request, lambda: _translated_urls(request, page), page.pk
        )
    elif context.get(ABOUT_PAGE) is not None and request is not None:
        targets = {code: (url, False) for code, url in same_view_urls(request, context[ABOUT_PAGE]).items()}
    choices = request.GET.urlencode() if request is not None else ""
    links = []
    for code, name in settings.LANGUAGES:
        url, same_page = targets.get(code, (None, False))
        if url and same_page and choices:
            url = f"{url}?{choices}"
        if url is None and request is not None:
            url = translate_url(request.get_full_path(), code)
        links.append(
            {
                "code": code,
                "name": name,
                "url": url or f"/{code}/",
                "current": code == current,
                "direction": "rtl" if code in settings.LANGUAGES_BIDI else "ltr",
            }
        )
    return links


def _translated_urls(request, page: Page) -> dict[str, tuple[str, bool]]:
    """``{language: (URL, the page itself?)}`` of the page's translations, else of the page itself shown in
    German under that language's prefix (as :func:`localized_url` links it), else of its nearest translated
    ancestor."""
    targets: dict[str, tuple[str, bool]] = {}
    chain = [*page.get_ancestors().filter(depth__gt=1), page]
    keys = [ancestor.translation_key for ancestor in chain]
    depth_of = {ancestor.translation_key: index for index, ancestor in enumerate(chain)}
    candidates = (
        Page.objects.filter(translation_key__in=keys, live=True)
        .select_related("locale")
        .only("id", "url_path", "translation_key", "locale__language_code", "depth", "path")
    )
    best: dict[str, tuple[int, Page]] = {}
    for candidate in candidates:
        code = candidate.locale.language_code
        rank = depth_of[candidate.translation_key]
        if code not in best or rank > best[code][0]:
            best[code] = (rank, candidate)
    site = Site.find_for_request(request) if request else None
    for code, (rank, candidate) in best.items():
        url = candidate.get_url(request=request, current_site=site)
        if url:
            targets[code] = (url, rank == len(chain) - 1)
    # Where a language's home page exists, its prefix serves the German original of a page it has no
    # translation of (HomePage.route): the link leads there, not to an ancestor (a listing, not the partners).
    original = targets.get(settings.LANGUAGE_CODE)
    if original and original[1]:
        homes = {
            candidate.locale.language_code
            for candidate in candidates
            if depth_of[candidate.translation_key] == 0
        }
        for code in homes - {code for code, (_url, same_page) in targets.items() if same_page}:
            targets[code] = (with_language_prefix(original[0], code), True)
    return targets


@register.simple_tag(takes_context=True)
def main_menu(context) -> list[dict]:
    """The menu pages of the default-language home page, each in the visitor's language where translated.

    The menu is kept in one place (the default language's tree), so a language whose home page or menu
    pages are not translated yet still has a navigation; an untranslated item is marked with its language.
    """
    request = context.get("request")
    current_path = request.path if request else ""
    # A listing's page lies below its organisation's page: its place in the menu is its type's finder
    # ("Angebote"), not the partners' page above it.
    page = context.get("page")
    listing_type = page.listing_type.key if isinstance(page, Listing) and page.listing_type else None
    return [
        {
            **item,
            "active": item.get("listing_type") == listing_type
            if listing_type
            else current_path.startswith(item["url"]),
        }
        for item in cached_navigation("menu", request, lambda: _menu_items(request))
    ]


def _menu_items(request) -> list[dict]:
    default_home = home_for_language(request, Locale.get_default().language_code)
    if default_home is None:
        return []
    current = translation.get_language() or settings.LANGUAGE_CODE
    pages = list(default_home.get_children().live().public().in_menu().select_related("locale"))
    translated = {
        page.translation_key: page
        for page in Page.objects.live()
        .public()
        .filter(translation_key__in=[page.translation_key for page in pages], locale__language_code=current)
        .select_related("locale")
    }
    finder_types = dict(
        ListingIndexPage.objects.filter(pk__in=[page.pk for page in pages]).values_list("pk", "listing_type")
    )
    # The "Leichte Sprache" area: the menu page the easy-German pages live below, named as the header names them.
    easy_areas = {
        path[: -Page.steplen]
        for path in EasyLanguagePage.objects.live()
        .public()
        .filter(depth=default_home.depth + 2, path__startswith=default_home.path)
        .values_list("path", flat=True)
    }
    items = []
    for page in pages:
        shown = translated.get(page.translation_key, page)
        url = localized_url(shown, request)
        if url:
            language = shown.locale.language_code
            items.append(
                {
                    "title": shown.title,
                    "url": url,
                    "lang": language if language != current else "",
                    "listing_type": finder_types.get(page.pk, ""),
                    "easy_language_area": page.path in easy_areas,
                }
            )
    return items


@register.simple_tag(takes_context=True)
def footer_links(context) -> list[dict]:
    """Legal and accessibility pages: children of home that are not in the menu but marked by slug."""
    request = context.get("request")
    return cached_navigation("footer", request, lambda: _footer_links(request))


def _footer_links(request) -> list[dict]:
    home = home_for_language(request, translation.get_language() or settings.LANGUAGE_CODE)
    if home is None:
        return []
    slugs = getattr(settings, "WEGWEISER_FOOTER_SLUGS", ["impressum", "datenschutz", "barrierefreiheit"])
    pages = home.get_children().live().public().filter(slug__in=slugs)
    translated = {page.slug: page for page in pages}
    if len(translated) < len(slugs):
        default_home = home_for_language(request, Locale.get_default().language_code)
        if default_home is not None:
            for page in default_home.get_children().live().public().filter(slug__in=slugs):
                translated.setdefault(page.slug, page)
    links = []
    for slug in slugs:
        if slug not in translated:
            continue
        page = translated[slug]
        link = {"title": page.title, "url": localized_url(page, request), "lang": page.locale.language_code}
        if link["lang"] != translation.get_language() and slug in FOOTER_LABELS:
            # The legal text exists in German only: the link says in the visitor's language where it leads.
            link.update(
                title=str(FOOTER_LABELS[slug]), hreflang=link["lang"], lang=translation.get_language()
            )
        links.append(link)
    return links


# Labels of the default legal pages, for a visitor whose language they are not translated into.
FOOTER_LABELS = {
    "impressum": gettext_lazy("Legal notice (in German)"),
    "datenschutz": gettext_lazy("Privacy (in German)"),
    "barrierefreiheit": gettext_lazy("Accessibility statement (in German)"),
}


@register.tag
def page_tree_fragment(parser, token):
    """``{% page_tree_fragment "name" part … %}…{% end_page_tree_fragment %}``: the enclosed HTML, cached
    per site, language and parts under the page tree's generation (blocks that list pages and terms).
    Only for what is the same for every visitor: no form, nothing personal."""
    return PageTreeFragmentNode.parse(parser, token, "end_page_tree_fragment")


class PageTreeFragmentNode(EnclosingNode):
    def render(self, context):
        name, *parts = self.resolve_arguments(context)
        return cached_navigation(name, context.get("request"), lambda: self.nodelist.render(context), *parts)


@register.simple_tag
def accessible_field(field):
    """Render a form field with its help text and errors tied to it (aria-describedby, aria-invalid)."""
    described_by = []
    if field.help_text:
        described_by.append(f"{field.id_for_label}_help")
    if field.errors:
        described_by.append(f"{field.id_for_label}_error")
    attrs = {}
    if described_by:
        attrs["aria-describedby"] = " ".join(described_by)
    if field.errors:
        attrs["aria-invalid"] = "true"
    if field.field.required and field.widget_type not in ("checkboxselectmultiple", "radioselect"):
        attrs["aria-required"] = "true"
    return field.as_widget(attrs=attrs)


#: What ends a label that is a question or a lead-in ("What would you like?", "ماذا تريدون؟", "Can be paid by:").
CLOSING_PUNCTUATION = frozenset(".:;!?…؟؛。！？：")


@register.filter
def ends_in_punctuation(label) -> bool:
    """A form's error summary puts a colon after a label, but not after one that ends in its own punctuation."""
    text = str(label).rstrip()
    return bool(text) and text[-1] in CLOSING_PUNCTUATION


@register.filter
def refused(form) -> bool:
    """``{% if form|refused %}``: the form was refused (sent too often), so its error summary has nothing to
    correct and says it was not sent."""
    return was_refused(form)


@register.simple_tag(takes_context=True)
def listing_url(context, page) -> str:
    """``{% listing_url page %}``: the page's URL in the visitor's language (see ``localized_url``)."""
    return localized_url(page, context.get("request"))


@register.simple_tag(takes_context=True)
def published_page_url(context, page) -> str:
    """``{% published_page_url page as url %}``: the page's URL in the visitor's language if it is published,
    else ``""`` (see ``published_url``)."""
    return published_url(page, context.get("request"))


@register.simple_tag
def listing_contact(listing) -> str:
    """``{% listing_contact listing %}``: for a mail about a listing (an event, an opportunity), who offers it
    and how to reach them, a line each: "Organisation: …" and "Contact: name, e-mail, phone", the listing's
    own contact or else its organisation's. Empty where neither is known."""
    organisation = listing.organisation
    lines = [f"{gettext('Organisation')}: {isolate_text(organisation.title)}"] if organisation else []
    # Each part isolated, as on the pages: in an Arabic mail a phone number alone read "2210 05561" and
    # "Caritasverband Neustadt e.V." ".Caritasverband Neustadt e.V".
    reach = [
        (listing.contact_name, ""),
        (listing.contact_email or (organisation.email if organisation else ""), "ltr"),
        (listing.contact_phone or (organisation.phone if organisation else ""), "ltr"),
    ]
    parts = [isolate_text(part, direction) for part, direction in reach if part]
    if parts:
        lines.append(f"{gettext('Contact')}: {list_separator_text().join(parts)}")
    return "\n".join(lines)


@register.simple_tag
def office_signature(about) -> str:
    """``{% office_signature about %}``: who sends a mail about ``about`` (an event, an opportunity, or the
    site itself for a mail about no page), from the site's portal settings: the office's name, e-mail and
    phone, a line each, for the end of a mail to a visitor, who can then tell who wrote and whom to ask.
    Empty where the office has no name yet. Mails include ``core/mail/signature.txt``, which puts it under
    the signature separator."""
    site = about if isinstance(about, Site) or about is None else about.get_site()
    office = PortalSettings.for_site(site) if site is not None else None
    if office is None or not office.office_name:
        return ""
    return "\n".join(line for line in (office.office_name, office.office_email, office.office_phone) if line)
