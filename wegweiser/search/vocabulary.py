"""The portal's own vocabulary: compounds split into known words, and typos matched to known words.

German writes "Asylberatung", "Deutschkurs" and "Integrationskurs" as one word; a visitor types
"Beratung Asyl" or "Kurs Deutsch", and a provider writes "Kurs für Deutsch". A compound is split into
words the portal knows (its listings' and terms' words, in :class:`~wegweiser.search.models.SearchWord`,
plus :data:`~wegweiser.search.wording.COMPOUND_PARTS`), joined as German joins them (``-s-``, ``-n-``,
``-en-``, ``-es-``, ``-er-``). A typed word found nowhere is matched to the known words one or two
letters away (optimal string alignment distance), for typo tolerance and "did you mean".
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from functools import lru_cache

from django.core.cache import cache
from django.db.models import Q

from wegweiser.search.models import SearchWord
from wegweiser.search.wording import (
    COMPOUND_PARTS,
    SHORTEST_BEGINNING,
    STOP_WORDS,
    fold,
    is_stop_word,
    marked_as,
    stem,
    synonym_groups,
    synonyms_generation,
    synonyms_of,
    tokens,
    written_in,
)
from wegweiser.site.cache_generations import bump, generation

_GENERATION_KEY = "wegweiser:search:vocabulary-generation"
#: Shortest part a compound is split into ("Amt", "Job"); shorter words are too often accidental.
MIN_PART = 3
_MAX_WORD = 100
_LINKS = ("", "s", "n", "en", "es", "er")
_loaded: tuple[int, frozenset[str], frozenset[str]] | None = None


def known_stems() -> frozenset[str]:
    """The stems of every known word, read once per process and vocabulary generation."""
    global _loaded
    current = generation(_GENERATION_KEY)
    if _loaded is None or _loaded[0] != current:
        words = [
            fold(word)
            for word in (
                *COMPOUND_PARTS,
                *SearchWord.objects.values_list("folded", flat=True).iterator(chunk_size=5000),
            )
        ]
        short = frozenset(word for word in words if len(word) < SHORTEST_BEGINNING)
        _loaded = (current, frozenset({stem(word) for word in words}), short)
        _split.cache_clear()  # its entries keep the previous vocabulary alive
    return _loaded[1]


def _short_words() -> frozenset[str]:
    """The known words shorter than :data:`~wegweiser.search.wording.SHORTEST_BEGINNING` ("amt", "job"), as
    written: loaded with :func:`known_stems`, which every caller of :func:`split_compound` asks first."""
    return _loaded[2] if _loaded is not None else frozenset()


def vocabulary_words(texts: Iterable[str]) -> set[str]:
    """The words of some texts worth knowing: three letters or more, not numbers, not stop words."""
    return {
        token[:_MAX_WORD]
        for text in texts
        for token in tokens(text)
        if len(token) >= MIN_PART and not token.isdigit() and not is_stop_word(token)
    }


def learn(words: set[str]) -> int:
    """Add words not known yet; a new generation (so every process reloads) only if any was new."""
    if not words:
        return 0
    known: set[str] = set()
    listed = sorted(words)
    for start in range(0, len(listed), 500):
        chunk = listed[start : start + 500]
        known.update(SearchWord.objects.filter(word__in=chunk).values_list("word", flat=True))
    new = [SearchWord(word=word, folded=fold(word)[:_MAX_WORD], length=len(fold(word))) for word in listed]
    new = [entry for entry in new if entry.word not in known]
    if new:
        SearchWord.objects.bulk_create(new, batch_size=500, ignore_conflicts=True)
        bump(_GENERATION_KEY)
    return len(new)


def forget_all() -> None:
    SearchWord.objects.all().delete()
    bump(_GENERATION_KEY)


def _is_known(word: str, known: frozenset[str]) -> bool:
    return len(word) >= MIN_PART and not is_stop_word(word) and (word in known or stem(word) in known)


def split_compound(word: str, known: frozenset[str]) -> list[str]:
    """The stems of the known parts of a compound ("asylberatung" -> ["asyl", "berat"]), or ``[]``.

    Longest first part first; every part must be a known word (by itself or by its stem).
    """
    folded = fold(word)
    if len(folded) < 2 * MIN_PART or len(folded) > 40:
        return []
    parts = _split(folded, known, whole=False)
    if parts:
        return list(parts)
    # An unknown first part ("Schuldner|beratung"): the known last part still says what it is.
    for cut in range(MIN_PART, len(folded) - 4 + 1):
        if _is_known(folded[cut:], known):
            return [stem(folded[cut:])]
    return []


def before_a_stop_word(word: str, known: frozenset[str]) -> str:
    """The known word (in the vocabulary or the synonym list) a compound begins with when the rest is a stop
    word ("Jobsuche" is "job": "suche" says nothing about what is searched, and as a stop word it is never a
    compound part), else ``""``."""
    folded = fold(word)
    for rest in _COMPOUND_STOP_WORDS:
        if not folded.endswith(rest):
            continue
        head = folded[: -len(rest)]
        for link in _LINKS:
            if head.endswith(link) and len(head) - len(link) >= MIN_PART:
                first = head[: len(head) - len(link)]
                if _split(first, known, whole=True) or synonyms_of(first):
                    return first
    return ""


#: The stop words a compound may end in, longest first ("suchen" before "suche").
_COMPOUND_STOP_WORDS = tuple(
    sorted(
        {fold(word) for word in STOP_WORDS if len(word) >= MIN_PART and word.isalpha()},
        key=lambda word: (-len(word), word),
    )
)


@lru_cache(maxsize=20_000)
def _split(word: str, known: frozenset[str], whole: bool, depth: int = 0) -> tuple[str, ...] | None:
    if whole and _is_known(word, known):
        return (stem(word),)
    if depth >= 3:
        return None
    for cut in range(len(word) - MIN_PART, MIN_PART - 1, -1):
        head = word[:cut]
        if not _is_known(head, known) or (len(head) < SHORTEST_BEGINNING and head not in _short_words()):
            # A short first part must be a word as written ("Job", "Amt"): the short stem of a longer word
            # begins too many others ("kur" of "Kurs" split "Kurdish" into "kur" and "dish").
            continue
        rest = word[cut:]
        for link in _LINKS:
            if rest.startswith(link) and len(rest) - len(link) >= MIN_PART:
                tail = _split(rest[len(link) :], known, True, depth + 1)
                if tail:
                    return (stem(head), *tail)
    return None


def distance(first: str, second: str, limit: int = 2) -> int:
    """Edits (insert, delete, replace, swap two neighbours) from one word to the other; ``limit + 1`` if more."""
    if abs(len(first) - len(second)) > limit:
        return limit + 1
    previous2: list[int] = []
    previous = list(range(len(second) + 1))
    for i, char in enumerate(first, 1):
        current = [i] + [0] * len(second)
        for j, other in enumerate(second, 1):
            cost = 0 if char == other else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and char == second[j - 2] and first[i - 2] == other:
                current[j] = min(current[j], previous2[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return previous[-1]


def allowed_distance(word: str) -> int:
    """One wrong letter in a short word, two in a long one; none below four letters."""
    length = len(word)
    return 0 if length < 4 else 1 if length < 7 else 2


def corrections(word: str, limit: int = 3) -> list[str]:
    """Known words (of the listings and the synonym list) within the allowed distance of ``word``, nearest first."""
    folded = fold(word)
    allowed = allowed_distance(folded)
    if not allowed or " " in folded:
        return []
    # The typed word is hashed: any character a visitor types makes a valid key for every cache backend.
    digest = hashlib.blake2b(folded[:_MAX_WORD].encode(), digest_size=16).hexdigest()
    # Known words are the listings' and the synonyms': a new synonym is offered as a correction at once.
    key = f"wegweiser:search:corrections:{generation(_GENERATION_KEY)}:{synonyms_generation()}:{digest}"
    cached = cache.get(key)
    if cached is not None:
        return cached
    candidates = SearchWord.objects.filter(
        Q(folded__startswith=folded[0]) | Q(folded__endswith=folded[-2:]),
        length__range=(len(folded) - allowed, len(folded) + allowed),
    ).values_list("word", "folded")
    synonyms = [(term, fold(term)) for group in synonym_groups() for term in group if " " not in term]
    scored = []
    for written, candidate in [*candidates, *synonyms]:
        edits = distance(folded, candidate, allowed)
        if 0 < edits <= allowed:
            scored.append((edits, abs(len(candidate) - len(folded)), written))
    found = list(dict.fromkeys(written for _edits, _length, written in sorted(scored)))[:limit]
    cache.set(key, found, 300)
    return found


def synonym_completions(prefix: str, language: str, limit: int) -> list[str]:
    """Terms of the synonym list that complete what has been typed, for a visitor of ``language``: a visitor
    typing "курс" in Russian or "alm" in Turkish got no completion, since the town's listings have no Russian
    or Turkish titles, while the synonym list says what they are called there ("курсы немецкого языка",
    "almanca kursu"). Terms beginning with the typed text come first, then those with a word beginning with it;
    only terms written in the visitor's language (:func:`~wegweiser.search.wording.written_in`), and where a
    group's completing terms include some marked as the visitor's language
    (:func:`~wegweiser.search.wording.marked_as`) only those: on a Ukrainian page "курс немецкого" is Russian
    beside "курс німецької"; only groups that name something the listings have (a term all of whose words are
    known); in the list's order."""
    typed = fold(" ".join(prefix.split()))
    if len(typed) < 2:
        return []
    known = known_stems()
    beginning: list[str] = []
    inside: list[str] = []
    for group in synonym_groups():
        found = [term for term in group if written_in(term, language) and typed in fold(term)]
        found = [term for term in found if marked_as(term, language)] or found
        if not found or not any(all(stem(word) in known for word in tokens(term)) for term in group):
            continue
        for term in found:
            folded = fold(term)
            if folded.startswith(typed):
                beginning.append(term)
            elif f" {typed}" in f" {folded}":
                inside.append(term)
    return list(dict.fromkeys([*beginning, *inside]))[:limit]
