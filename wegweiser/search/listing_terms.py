"""The names of a listing's terms in every language, so that a visitor finds it in their own words.

A German listing tagged "Sprache", for a target group "Frauen", in the district "Altstadt", of the
type "Angebot", is found by "لغة", "жінки", "Altstadt" and "course" alike: the labels of every facet
value it carries (topics, target groups, languages, districts, cost, a plugin's own facets such as the
course level, and yes/no facets like childcare) and of its listing type, in all of the portal's
languages, are stored with its searchable words; so are the name of the organisation that offers it and a
translated listing's German title and summary.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from itertools import product

from django.conf import settings
from django.utils import translation
from wagtail.models import Locale

from wegweiser.search.vocabulary import known_stems, split_compound
from wegweiser.search.wording import is_stop_word, stem, stems, synonyms_of, tokens, typed_stems
from wegweiser.site.facets import facet_values
from wegweiser.site.registry import ListingType, listing_types
from wegweiser.site.taxonomy_labels import taxonomy_generation

#: The facet whose terms say what a listing is about: a searched word that names one of them ranks the
#: listings carrying it higher (:func:`named_topics`).
TOPIC_FACET = "topic"
#: The facet of the languages a listing is offered in: a searched word that names one of them ranks the listings
#: carrying it higher (:func:`named_languages`).
LANGUAGE_FACET = "language"

# Per process, per listing type and taxonomy generation: a term saved anywhere bumps the generation (in the
# shared cache), so every app server recomputes on its next save instead of reading 7 languages' labels
# for every facet on every listing save.
_LABELS: dict[tuple[str, int], tuple[dict[str, dict[str, list[str]]], list[str]]] = {}


def _labels(listing_type: ListingType) -> tuple[dict[str, dict[str, list[str]]], list[str]]:
    """``({facet: {value: [label per language]}}, [type names per language])``."""
    key = (listing_type.key, taxonomy_generation())
    if key not in _LABELS:
        if len(_LABELS) > 64:
            _LABELS.clear()
        _LABELS[key] = _compute_labels(listing_type)
    return _LABELS[key]


def _compute_labels(listing_type: ListingType) -> tuple[dict[str, dict[str, list[str]]], list[str]]:
    by_facet: dict[str, dict[str, list[str]]] = {}
    type_names: list[str] = []
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            type_names.extend([str(listing_type.verbose_name), str(listing_type.verbose_name_plural)])
            for facet in listing_type.all_facets():
                if not facet.searchable:
                    continue
                values = by_facet.setdefault(facet.name, {})
                for value, label in facet.get_choices():
                    values.setdefault(str(value), []).append(str(label))
    return by_facet, list(dict.fromkeys(type_names))


def term_texts(
    listing_type: ListingType,
    page_ids: Iterable[int],
    values: Mapping[int, Mapping[str, list[str]]] | None = None,
) -> dict[int, str]:
    """For each listing, the names of its type and facet values in every language and of its organisation,
    as one text.

    ``values``: the listings' facet values (:func:`~wegweiser.site.facets.facet_values`) when the
    caller has read them already; otherwise they are read here.
    """
    page_ids = list(page_ids)
    if not page_ids:
        return {}
    if values is None:
        values = facet_values(listing_type, page_ids)
    labels, type_names = _labels(listing_type)
    names: dict[int, list[str]] = {pk: list(type_names) for pk in page_ids}
    searchable = {facet.name for facet in listing_type.all_facets() if facet.searchable}
    for pk in page_ids:
        for name, found in values.get(pk, {}).items():
            if name in searchable:
                for key in found:
                    names[pk].extend(labels.get(name, {}).get(key, []))
    pages = listing_type.model.objects.filter(pk__in=page_ids)
    _add_providers_and_german_originals(listing_type, pages, names)
    return {pk: " ".join(dict.fromkeys(found)) for pk, found in names.items()}


def _add_providers_and_german_originals(
    listing_type: ListingType, pages, names: dict[int, list[str]]
) -> None:
    """A listing is also found by the name of the organisation that offers it ("Ausländerbehörde", "Jobcenter",
    "Caritas") and by its short name, the words of its address ("vhs", "awo"): the immigration office's own
    services were found by none of its names, and "vhs" found two of the adult education centre's courses, those
    whose text says "VHS". A translated listing is also found by its German title, summary and organisation:
    newcomers learn the German words first ("Integrationskurs", "Jobcenter") and type them on the English or
    Arabic pages too."""
    default = Locale.get_default()
    translated = {}
    for pk, locale_id, key, organisation, slug in pages.values_list(
        "pk", "locale_id", "translation_key", "organisation__title", "organisation__slug"
    ):
        if organisation:
            names[pk].extend([organisation, slug.replace("-", " ")])
        if locale_id != default.pk:
            translated[pk] = key
    if not translated:
        return
    originals = listing_type.model.objects.filter(translation_key__in=translated.values(), locale=default)
    by_key = {
        key: " ".join(part for part in (title, summary, organisation) if part)
        for key, title, summary, organisation in originals.values_list(
            "translation_key", "title", "summary", "organisation__title"
        )
    }
    for pk, key in translated.items():
        if key in by_key:
            names[pk].append(by_key[key])


# Per process and taxonomy generation, like the labels: each topic's (and language's) names as the stems of their
# parts.
_VALUE_NAMES: dict[tuple[str, int], dict[str, frozenset[tuple[str, ...]]]] = {}
#: What joins the parts of a term's name besides a stop word ("Arbeit & Beruf", "Arbeit/Beruf").
_NAME_JOINS = re.compile(r"[&+,/;]")


def _name_parts(name: str) -> list[tuple[str, ...]]:
    """A term's name as the stems of its parts, split where "&" or a stop word joins them: "Arbeit & Beruf"
    is "arbeit" and "beruf", "کار و حرفه" is "کار" and "حرفه"; "العمل التطوعي" (voluntary work) is one part of
    two words, not "العمل" (work)."""
    parts: list[tuple[str, ...]] = []
    for piece in _NAME_JOINS.split(name):
        run: list[str] = []
        for word in [*tokens(piece), ""]:
            if word and not is_stop_word(word):
                run.append(stem(word))
            elif run:
                parts.append(tuple(run))
                run = []
    return parts


def value_names(facet: str) -> dict[str, frozenset[tuple[str, ...]]]:
    """``{value: the stems of its names' parts in every language}``, of a facet of every listing type (its
    topics, the languages spoken)."""
    key = (facet, taxonomy_generation())
    if key not in _VALUE_NAMES:
        if len(_VALUE_NAMES) > 8:
            _VALUE_NAMES.clear()
        found: dict[str, set[tuple[str, ...]]] = {}
        for listing_type in listing_types().values():
            for value, names in _labels(listing_type)[0].get(facet, {}).items():
                found.setdefault(value, set()).update(part for name in names for part in _name_parts(name))
        _VALUE_NAMES[key] = {value: frozenset(parts) for value, parts in found.items()}
    return _VALUE_NAMES[key]


def _forms(word: str) -> set[tuple[str, ...]]:
    """A searched word's (or several-word unit's) stems, and each of its synonyms' stems."""
    words = word.lower().split()
    return {
        *product(*(typed_stems(one) for one in words)),
        *(stems(synonym) for synonym in synonyms_of(word)),
    }


def named_topics(word: str) -> tuple[str, ...]:
    """The topics a searched word (or several-word unit) names in any language, itself or through one of its
    synonyms: "job", "iş" and "شغل" name "Arbeit & Beruf" (their group holds "Arbeit"), "Beruf" does too.

    A listing's topics say what it is about, even where its own text does not use the searched word
    ("Bewerbungstraining" never says "Arbeit"); the search ranks a listing higher for a topic it names
    (:class:`~wegweiser.search.matching.Ranking`).
    """
    forms = _forms(word)
    # A compound's parts but the last, its own or a synonym's, say what it is about: "Deutschkurs" names
    # "Sprache" through "Sprachkurs", so that "Frauen-Integrationskurs" ranks above "Fahrradkurs für Frauen".
    known = known_stems()
    for one in (word, *synonyms_of(word)):
        if " " not in one:
            forms.update((part,) for part in split_compound(one, known)[:-1])
    return tuple(value for value, parts in value_names(TOPIC_FACET).items() if parts & forms)


def named_languages(word: str) -> tuple[str, ...]:
    """The languages spoken a searched word names in any language, itself or through a synonym: "türkçe",
    "Turkish" and "Türkisch" name Turkish, "farsi" Persian where the synonym list says so. Not German, which
    nearly every listing speaks: "Deutsch" asks for German courses, not for listings held in German.

    A newcomer who types their language looks for what is offered in it; the search ranks those listings
    higher (:data:`~wegweiser.search.matching.LANGUAGE_WEIGHT`).
    """
    forms = _forms(word)
    return tuple(
        value
        for value, parts in value_names(LANGUAGE_FACET).items()
        if parts & forms and value != settings.LANGUAGE_CODE
    )
