"""How the typed words become a condition: all words first, else the words that exist, else any of them.

One plan per search, made against everything the backend searches (not per listing type): the database
backend asks its table of searchable words, Elasticsearch its index (``finds``); the steps are the same:

1. Stop words ("mit", "für", "with", "في" ...) are left out, unless nothing else was typed. A hyphenated
   word one of whose words has synonyms is taken as its words ("Mutter-Kind-Gruppe" as "Mutter Kind Gruppe"),
   so that each brings its synonyms ("Eltern-Kind-Gruppe" for "Mutter").
2. If some listing has every word, every word is required (the usual case: one query decides it).
3. Otherwise each word is looked up on its own. A word no listing has is taken for the known words one
   or two letters away ("Beratnug" for "Beratung"; shown as "did you mean"), a hyphenated one for its
   words ("Sprach-Café-Samstag" as "Sprach Café Samstag"), a compound ending in a stop word for its first
   word ("Jobsuche" as "Job"), or else left out and named to the visitor as not found.
4. If the remaining words are not found together, listings with any of them are shown, those with the
   most words first, and the visitor is told that none has all.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from django.db.models import Case, FloatField, Q, Value, When

from wegweiser.search.fulltext import matching_pages, matching_rows
from wegweiser.search.listing_terms import named_languages, named_topics
from wegweiser.search.organisations import organisation_keys_named
from wegweiser.search.vocabulary import before_a_stop_word, corrections, known_stems, split_compound
from wegweiser.search.wording import (
    ARABIC_ARTICLES,
    begins_compounds,
    fold,
    is_short_word,
    is_stop_word,
    listed_forms,
    meaningful,
    query_units,
    ranked_form,
    stem,
    synonyms_of,
    tokens,
    typed_variants,
    written_stem,
)

#: Whether some listing has every one of these units (each a list of alternatives): a backend's index asked.
Finder = Callable[[list[list[str]]], bool]


@dataclass
class TextPlan:
    """What the text search will look for; ``units`` are lists of alternatives (a word, or its corrections)."""

    typed: list[str] = field(default_factory=list)
    units: list[list[str]] = field(default_factory=list)
    any_unit: bool = False
    missing: list[str] = field(default_factory=list)
    corrected: dict[str, str] = field(default_factory=dict)
    #: With ``any_unit``: what each unit found counts (:func:`weigh_units`), in the order of ``units``.
    weights: list[float] = field(default_factory=list)

    @property
    def finds_nothing(self) -> bool:
        return bool(self.typed) and not self.units

    @property
    def words(self) -> list[str]:
        """The words searched for in the end (corrections instead of typos), for highlighting."""
        return [word for unit in self.units for word in unit]

    @property
    def suggestion(self) -> str:
        """The query as it was understood with its typos corrected ("did you mean"), or ``""``."""
        if not self.corrected:
            return ""
        return " ".join(self.corrected.get(word, word) for word in self.typed if word not in self.missing)


def rows_found(units: list[list[str]]) -> bool:
    """The database backend's :data:`Finder`: the search's table of searchable words."""
    return matching_rows(units).exists()


def plan_text(words: list[str], finds: Finder = rows_found) -> TextPlan:
    """The plan for these typed words (see the module's docstring); a few indexed lookups at most.

    Corrections come from the portal's vocabulary table on every backend; whether a word or a set of
    words is found is asked of the backend's own index (``finds``), so a plan never promises more than
    that backend can find.
    """
    typed = meaningful([part for unit in query_units(words) for part in _apart(unit)])
    plan = TextPlan(typed=typed, units=[[word] for word in typed])
    if not typed or finds(plan.units):
        return plan
    units: list[list[str]] = []
    for word in typed:
        if finds([[word]]):
            units.append([word])
            continue
        known = corrections(word)
        if known and finds([known]):
            units.append(known)
            plan.corrected[word] = known[0]
        elif len(parts := meaningful(tokens(word))) > 1:
            # "Sprach-Café-Samstag" found nowhere as a whole: its words on their own, as if typed apart
            units.extend([part] for part in parts if finds([[part]]))
            plan.missing.extend(part for part in parts if [part] not in units)
        elif (first := before_a_stop_word(word, known_stems())) and finds([[first]]):
            units.append([first])  # "Jobsuche" found nowhere: "Job", as "Job suche" would be searched
        else:
            plan.missing.append(word)
    plan.units = units
    plan.any_unit = len(units) > 1 and not finds(units)
    return plan


#: The hyphens that join the words of a German compound written with them ("Mutter-Kind-Gruppe").
_HYPHENS = re.compile(r"[-\u2010\u2011]+")


def _apart(unit: str) -> list[str]:
    """A hyphenated word as its words if one of them has synonyms, else the word itself: "Mutter-Kind-Gruppe" is
    "Mutter", "Kind" and "Gruppe", so that a parent-child group ("Eltern-Kind-Gruppe") is found, which the
    whole word, as one, never finds."""
    parts = [part for part in _HYPHENS.split(unit) if part] if " " not in unit else []
    if len(parts) > 1 and any(synonyms_of(part) for part in parts):
        return parts
    return [unit]


@dataclass(frozen=True)
class Ranking:
    """How one searched word ranks a hit, in its title and its summary, both folded (:func:`fold`): any of
    ``within`` inside the text (what was typed, "mutt" in "Mütter", and long synonyms, "berat" in
    "Schuldnerberatung"), or any of ``words`` as a word of it (short synonyms, :func:`word_pattern`: "Arzt"
    in "Ärzte", not "work" in "Workshop").
    ``parts``: a typed compound's parts, which rank a title that has them apart (:data:`ALL_PARTS_WEIGHT`),
    or one of them but the last (:attr:`modifiers`, :data:`PART_WEIGHT`).
    ``topics``: the topics the word names (:func:`~wegweiser.search.listing_terms.named_topics`), which rank a
    listing carrying one of them where its text ranks it lower (:data:`TOPIC_WEIGHT`).
    ``organisations``: the translation keys of the organisations the word names
    (:func:`~wegweiser.search.organisations.organisation_keys_named`), whose listings it ranks where their text
    ranks them lower (:data:`ORGANISATION_WEIGHT`); ``languages``: the languages spoken it names
    (:func:`~wegweiser.search.listing_terms.named_languages`), likewise (:data:`LANGUAGE_WEIGHT`)."""

    within: tuple[str, ...]
    words: tuple[str, ...] = ()
    parts: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()
    organisations: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()

    @property
    def modifiers(self) -> tuple[str, ...]:
        """The parts but the last: what a German compound says it is about ("Deutsch" of "Deutschkurs"), where
        the last says only what it is ("Kurs"). For "Deutschkurs für Frauen", "Fahrradkurs für Frauen" ranked
        first, "kurs" in its title counting as "Deutsch" in "Deutsch für Mütter" does."""
        return self.parts[:-1]


#: A synonym's written stem this long ranks a hit wherever it is in a word, as what was typed does: inside a
#: German compound it is that word ("Beratung" in "Schuldnerberatung"). A shorter one, unless it is one of the
#: German compound parts, ranks only as a word of its own: inside longer words it is too often another word
#: ("work" in "Workshop", "виз" in "визнання", "is" in "Dolmetschen"); so does such a word typed.
LONG_SYNONYM = 5
#: The most letters after a short synonym's written stem that still make it the same word: "Ärzte" for
#: "Arzt", "курси" for "курс".
ENDING = 3


def ranking_variants(plan: TextPlan) -> list[Ranking]:
    """Per searched word, how it ranks a hit (:class:`Ranking`): in its title it counts 3, in its summary 2,
    else 1; a compound whose parts are in the title apart :data:`ALL_PARTS_WEIGHT`, one of its parts there
    :data:`PART_WEIGHT`; for a topic of the listing that it names 1 and :data:`TOPIC_WEIGHT` divided by the
    listing's number of topics, if that is more; for the listing's organisation, if the word names it,
    :data:`ORGANISATION_WEIGHT`, and for a language the listing is offered in :data:`LANGUAGE_WEIGHT`. Each
    searched word counts once, by the most it counts.

    Both backends rank by this (and, when no listing has every word, by how many words a listing has),
    then a hit in the visitor's language first (:data:`OWN_LANGUAGE_BONUS`), then the title in alphabetical
    order.
    """
    ranked = []
    for unit in query_units(plan.words):
        within, words = list(typed_variants(unit)), []
        synonyms = synonyms_of(unit)
        # "iş" ranks a title with the word "iş", not one with "is" inside a word; a word the synonym list has
        # ranks as its synonyms do: "work" a title with the word "work", not "Workshop"
        if is_short_word(unit) or (synonyms and not _ranks_inside(unit)):
            within, words = [], within
        if " " in unit:  # the list's own form of the typed phrase counts as the phrase ("کلاس زبان")
            within.extend(listed_forms(unit))
        for synonym in synonyms:
            if " " not in synonym and is_stop_word(written_stem(synonym)):
                continue  # "ders" (Turkish: lesson) for "Kurs" is not the article "der" in a title
            if _ranks_inside(synonym):
                within.append(synonym if " " in synonym else written_stem(synonym))
            else:
                words.append(written_stem(synonym))
        # A compound's parts in the title count too, as one with the whole word: for "Deutschkurs" a title
        # "Deutsch A1 …" ranks above a listing that only mentions a "Sprachkurs", and for "Deutschkurs
        # Anfänger" above "Deutschkurs B1", which has the one word in its title, not both. Not in the summary,
        # where they are often other words: for "Kindergarten" a flat "mit Garten …, Kita …" for a family "mit
        # drei Kindern" ranked above "Kita-Lotsen".
        parts = () if " " in unit else _folded(split_compound(unit, known_stems()))
        if within or words or len(parts) > 1:
            ranked.append(
                Ranking(
                    _folded(within),
                    _folded(words),
                    parts if len(parts) > 1 else (),
                    named_topics(unit),
                    organisation_keys_named(unit),
                    named_languages(unit),
                )
            )
        if " " in unit:  # a several-word synonym in other forms ("мовні курси"): each of its words counts too
            parts = [word for word in unit.split() if not is_stop_word(word)]
            ranked.extend(Ranking(_folded([form])) for word in parts if (form := written_stem(word)))
    return ranked


def _ranks_inside(word: str) -> bool:
    """Whether a word of the synonym list ranks a hit wherever it is in a word (:data:`LONG_SYNONYM`): a long one,
    or a German compound part ("Arzt" in "Zahnarzt"), not a short one ("work" in "Workshop")."""
    return " " in word or len(fold(written_stem(word))) >= LONG_SYNONYM or begins_compounds(stem(word))


def _folded(variants: list[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(folded for variant in variants if (folded := ranked_form(variant).strip())))


def word_pattern(form: str) -> str:
    """A short synonym's written stem as a word of a folded text (:attr:`Ranking.words`), as a regular
    expression for both Python and PostgreSQL: after an Arabic article, if any, with a short ending."""
    articles = "|".join(ARABIC_ARTICLES)
    return rf"(?:^|\W)(?:{articles})?{re.escape(form)}\w{{0,{ENDING}}}(?:\W|$)"


#: A topic a searched word names counts for a listing carrying it as 1 (the word found) plus this, shared among the
#: listing's topics, unless the word in its title or summary counts more: its only topic 2.5, between the title
#: (3) and the summary (2), so that "Bewerbungstraining", only "Arbeit & Beruf" and never saying "Arbeit", ranks
#: above a consultation hour saying it in its summary, for "job"; one of two topics 1.75, one of three 1.5.
TOPIC_WEIGHT = 1.5

#: A typed compound's parts in a hit's title apart (for "Deutschkurs", "Abendkurs Deutsch"), and one of them but
#: the last (for "Deutschkurs", "Deutsch" in "Deutsch A1", not "Kurs" in "Fahrradkurs"): less than the whole word
#: in the title (3), more than in the summary (2).
ALL_PARTS_WEIGHT, PART_WEIGHT = 2.75, 2.5

#: A searched word that names the listing's organisation ("Jobcenter", "Caritas", "AWO") counts this for it, unless
#: the word in its title counts more: what the organisation offers ranks above what only mentions it in its
#: summary (2), for "Jobcenter" the Jobcenter's Bewerbungstraining above two flats whose summary says the
#: Jobcenter pays the rent. As the parts of a compound in the title count.
ORGANISATION_WEIGHT = 2.5

#: A searched word that names a language the listing is offered in ("türkçe", "Arabisch", "farsi") counts this
#: for it, unless the word in its title counts more: what is offered in Turkish ranks above what mentions
#: Turkish in its summary (2). For "türkçe" every hit ranked alike, a flat first by its title's letters.
LANGUAGE_WEIGHT = 2.5

#: Between hits ranked alike, one in the visitor's language comes before a German original shown untranslated:
#: half a point, less than any difference in the ranking (a word in the title 3, the summary 2, each word 10).
OWN_LANGUAGE_BONUS = 0.5


def text_filter(plan: TextPlan) -> Q:
    """The listings (page ids) the plan finds."""
    if not plan.typed:
        return Q()
    if plan.finds_nothing:
        return Q(pk__in=[])
    return Q(pk__in=matching_pages(plan.units, any_unit=plan.any_unit))


#: When no listing has every word, each word a listing has counts this much (more than anything else ranks
#: by), and a rarer word up to :data:`RARER_WEIGHT` more: for "psychologische Hilfe", the one listing about
#: psychological help comes before the fifteen whose title says "Hilfe" (first aid, homework help). Less
#: than one word, shared by up to ten: a listing with more of the words still comes first.
UNIT_WEIGHT, RARER_WEIGHT = 10, 0.9

#: How many listings shown in the visitor's language have a unit: a backend's index asked.
UnitCounter = Callable[[list[str]], int]


def weigh_units(plan: TextPlan, count: UnitCounter) -> None:
    """What each unit found counts when no listing has them all (:data:`UNIT_WEIGHT`, :data:`RARER_WEIGHT`):
    the most common word the least. One count per unit, only for such a plan."""
    if not plan.any_unit:
        return
    counts = [count(unit) for unit in plan.units]
    most = max(counts, default=0) or 1
    plan.weights = [UNIT_WEIGHT + RARER_WEIGHT * (1 - found / most) for found in counts]


def unit_weights(plan: TextPlan) -> list[float]:
    """Each unit's weight (:func:`weigh_units`), or :data:`UNIT_WEIGHT` each where none were weighed."""
    return plan.weights if len(plan.weights) == len(plan.units) else [UNIT_WEIGHT] * len(plan.units)


def units_found(plan: TextPlan):
    """What the plan's words a listing has count (:func:`unit_weights`): what ranks partial matches (``0`` when
    all are required)."""
    if not plan.any_unit:
        return Value(0.0, output_field=FloatField())
    score = Value(0.0, output_field=FloatField())
    for unit, weight in zip(plan.units, unit_weights(plan), strict=True):
        score = score + Case(
            When(Q(pk__in=matching_pages([unit])), then=Value(float(weight))),
            default=Value(0.0),
            output_field=FloatField(),
        )
    return score
