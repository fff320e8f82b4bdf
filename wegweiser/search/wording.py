"""Forgiving words for the database backend: simple German word forms, umlauts, the synonym list, highlights.

Elasticsearch brings real analyzers; the embedded backend gets by with these rules so that
"Deutschkurse" still finds "Deutschkurs" and "Beratung" finds a provider's "Counselling".
"""

from __future__ import annotations

import re

from django.core.cache import cache
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

_SYNONYM_CACHE_KEY = "wegweiser:search:synonyms"
# Longest first: "Kursen" -> "Kurs", "Beratungen" -> "Beratung", "Deutschkurse" -> "Deutschkurs".
_GERMAN_ENDINGS = ("ern", "en", "er", "es", "e", "n", "s")
_MIN_STEM = 4
_FOLDING = str.maketrans({"ä": "a", "ö": "o", "ü": "u", "ß": "ss", "é": "e", "è": "e", "á": "a", "à": "a"})


def stem(word: str) -> str:
    """A German word with its plural or case ending removed, lower-cased (kept whole if that leaves too little)."""
    word = word.lower()
    for ending in _GERMAN_ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= _MIN_STEM:
            return word[: -len(ending)]
    return word


def fold(text: str) -> str:
    return text.lower().translate(_FOLDING)


def word_variants(word: str) -> list[str]:
    """What to look for when a visitor types ``word``: its stem, spelling variants and its synonyms.

    ``icontains`` on SQLite only folds ASCII case, so a variant with a capital first letter is added
    for words that start with an umlaut ("über" -> "Über").
    """
    word = word.strip(".,;:!?\"'()[]")
    base = word.lower() if " " in word else stem(word)
    if not base:
        return []
    variants = [base]
    for synonym in synonyms_of(word):
        variants.append(synonym if " " in synonym else stem(synonym))
    spelled = base.replace("ae", "ä").replace("oe", "ö").replace("ue", "ü")
    if spelled != base:
        variants.append(spelled)
    for variant in list(variants):
        if variant and not variant[0].isascii():
            variants.append(variant[0].upper() + variant[1:])
    return list(dict.fromkeys(variants))


def synonym_groups() -> list[list[str]]:
    """The editable synonym list, cached until a group is saved or deleted."""
    groups = cache.get(_SYNONYM_CACHE_KEY)
    if groups is None:
        from wegweiser.search.models import Synonym

        groups = [synonym.term_list for synonym in Synonym.objects.all()]
        groups = [group for group in groups if len(group) > 1]
        cache.set(_SYNONYM_CACHE_KEY, groups, 3600)
    return groups


def invalidate_synonyms() -> None:
    cache.delete(_SYNONYM_CACHE_KEY)


def synonyms_of(word: str) -> list[str]:
    """The other words of every synonym group containing ``word`` (compared by stem)."""
    wanted = word.lower() if " " in word else stem(word)
    found: list[str] = []
    for group in synonym_groups():
        if any(term == word.lower() or (" " not in term and stem(term) == wanted) for term in group):
            found.extend(term for term in group if stem(term) != wanted)
    return found


def highlight(text: str, words: list[str], limit: int | None = None) -> SafeString:
    """``text`` HTML-escaped, with every occurrence of the searched words (or their stems) in ``<mark>``."""
    if limit and len(text) > limit:
        text = text[:limit].rsplit(" ", 1)[0] + " …"
    needles = sorted(
        {variant for word in words for variant in word_variants(word) if len(variant) > 1}, key=len
    )
    if not needles:
        return escape(text)
    pattern = re.compile("|".join(re.escape(needle) for needle in reversed(needles)), re.IGNORECASE)
    parts, position = [], 0
    for match in pattern.finditer(text):
        parts.append(escape(text[position : match.start()]))
        parts.append(f"<mark>{escape(match.group(0))}</mark>")
        position = match.end()
    parts.append(escape(text[position:]))
    return mark_safe("".join(parts))  # noqa: S308 - every piece of text is escaped above


#: Parts of German compounds common in integration offers. Elasticsearch's own decompounder lives in
#: the analysis-common module, which a minimal node lacks; these parts are split off in Python instead,
#: so that "Kurs" finds "Deutschkurs" and "Betreuung" finds "Kinderbetreuung" on every node.
COMPOUND_PARTS = (
    "arbeit", "beratung", "beruf", "betreuung", "bewerbung", "bildung", "café", "cafe", "deutsch", "eltern",
    "familie", "frauen", "gesundheit", "hilfe", "integration", "jugend", "kinder", "kurs", "lern", "migration",
    "müttern", "nachhilfe", "orientierung", "paten", "recht", "schule", "sozial", "sprach", "sprache",
    "treff", "übersetz", "unterricht", "wohnung", "wohn",
)  # fmt: skip
_WORD_RE = re.compile(r"\w+", re.UNICODE)


def index_forms(text: str) -> str:
    """Every word of ``text`` as folded stem plus its known compound parts: the "forms" search field."""
    forms: list[str] = []
    for token in _WORD_RE.findall(text.lower()):
        folded = fold(token)
        forms.append(stem(folded))
        forms.extend(fold(part) for part in COMPOUND_PARTS if len(part) < len(token) and part in token)
    return " ".join(dict.fromkeys(forms))


def query_forms(word: str) -> list[str]:
    """The forms of a typed word to look up in the "forms" field (its folded stem and its synonyms' stems)."""
    forms = [] if " " in word else [stem(fold(word))]
    forms.extend(stem(fold(synonym)) for synonym in synonyms_of(word) if " " not in synonym)
    return [form for form in dict.fromkeys(forms) if form]


def query_units(words: list[str]) -> list[str]:
    """The typed words, with any several-word synonym ("German course") kept together as one unit."""
    phrases = sorted(
        {tuple(term.split()) for group in synonym_groups() for term in group if " " in term},
        key=len,
        reverse=True,
    )
    lowered = [word.lower() for word in words]
    units, position = [], 0
    while position < len(words):
        for phrase in phrases:
            if tuple(lowered[position : position + len(phrase)]) == phrase:
                units.append(" ".join(words[position : position + len(phrase)]))
                position += len(phrase)
                break
        else:
            units.append(words[position])
            position += 1
    return units
