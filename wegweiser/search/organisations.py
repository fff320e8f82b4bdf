"""The partner organisations a search names ("Jobcenter", "Caritas", "джобцентр"), shown above the hits.

Organisation pages are no listings, so the search never found them: "Jobcenter" ranked first two flats whose
text says the Jobcenter pays the rent, and the Jobcenter's own offers fourth and eighth. A newcomer who types
an organisation's name is looking for that organisation: its page (address, opening hours, all it offers) is
named above the hits, in the visitor's language where it is translated, and its listings rank above those that
only mention it (:data:`~wegweiser.search.matching.ORGANISATION_WEIGHT`).
"""

from __future__ import annotations

import itertools
from collections import Counter

from wegweiser.search.wording import fold, is_stop_word, synonyms_of
from wegweiser.site.listings import active_locale, default_locale, localized, shown_untranslated
from wegweiser.site.models import OrganisationPage
from wegweiser.site.page_tree_cache import cached_for_page_tree

#: At most this many organisations are named above the hits.
MOST = 3
#: A typed word this long names an organisation whose name begins with it ("Caritas", "Caritasverband").
PREFIX = 5
#: A name's word in more organisations' names than this is no name ("Neustadt", "e.V.").
SHARED = 2


def _words(text: str) -> frozenset[str]:
    return frozenset(word for word in fold(text).split() if len(word) >= 3 and not is_stop_word(word))


def _names(site=None) -> dict[str, frozenset[str]]:
    """Each published organisation's short name (its slug's words: "awo", "vhs", "lingua nova") and the
    first word of its (German) title ("Caritasverband", "Jobcenter"), folded, without those several
    organisations share, by its translation key. Not the title's other words: "Deutsch" named the
    "Deutsch-Arabischer Elternverein". Of ``site``, or of every site."""
    rows = OrganisationPage.objects.live().public().filter(locale=default_locale())
    if site is not None:
        rows = rows.in_site(site)
    words = {
        str(key): _words(" ".join([*slug.split("-"), *title.split()[:1]]))
        for key, title, slug in rows.values_list("translation_key", "title", "slug")
    }
    shared = Counter(word for names in words.values() for word in names)
    return {key: frozenset(word for word in names if shared[word] <= SHARED) for key, names in words.items()}


def _names_it(typed: str, word: str) -> bool:
    """Whether a typed word names an organisation's name word: the same, or the start of a compound
    ("caritas" of "caritasverband", not "deutsch" of "deutsch-arabischer"), or it with an ending
    ("jobcenters")."""
    if typed == word:
        return True
    if len(typed) >= PREFIX and word.startswith(typed) and word[len(typed)].isalpha():
        return True
    return len(word) >= PREFIX and typed.startswith(word) and len(typed) - len(word) <= 3


def _named(words: list[str], names: dict[str, frozenset[str]]) -> list[str]:
    """The translation keys of the organisations among ``names`` the typed words name (:func:`_names_it`), or
    a synonym of them, of two of them in a row or of all of them names exactly ("جوب سنتر" for "Jobcenter")."""
    typed = _words(" ".join(words))
    phrases = [*words, " ".join(words), *(" ".join(pair) for pair in itertools.pairwise(words))]
    synonyms = {
        word for phrase in dict.fromkeys(phrases) for form in synonyms_of(phrase) for word in _words(form)
    }
    return [
        key
        for key, own in names.items()
        if any(_names_it(one, word) for one in typed for word in own) or synonyms & own
    ]


def organisations_named(words: list[str], site) -> list[OrganisationPage]:
    """The organisations of ``site`` the typed words name (:func:`_named`), in the visitor's language where
    translated, at most :data:`MOST`."""
    if not words or site is None:
        return []
    names = cached_for_page_tree("organisation-name-keys", lambda: _names(site), site.pk)
    named = _named(words, names)
    if not named:
        return []
    locale = active_locale()
    pages = localized(OrganisationPage.objects.live().public().filter(translation_key__in=named), locale)
    return shown_untranslated(list(pages.select_related("locale").order_by("title")[:MOST]), locale)


def organisation_keys_named(unit: str) -> tuple[str, ...]:
    """The translation keys of the organisations (of every site) one searched word or several-word unit
    names (:func:`_named`): the search ranks their listings above those that only mention them."""
    names = cached_for_page_tree("organisation-name-keys", _names, "every-site")
    return tuple(_named(unit.split(), names)) if names else ()
