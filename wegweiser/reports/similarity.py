"""Text similarity for spotting duplicate listings, fast enough for thousands of them in plain Python.

Titles are compared as sets of character trigrams (robust against "Deutschkurs" / "Deutsch-Kurs" and
typos), summaries as sets of normalised words. Candidate pairs come from *prefix filtering* (Bayardo et
al., "Scaling up all pairs similarity search", 2007): if two sets have a Jaccard similarity of at least
``t``, they share at least one of their rarest ``|x| - ceil(t·|x|) + 1`` tokens. An inverted index over
those prefixes finds every such pair without comparing all pairs, and the result is exact, not sampled.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Hashable, Iterable, Mapping

STOPWORDS = frozenset(
    """
    a ab am an auch auf aus bei bis das dem den der des die du ein eine einem einen einer eines er es fuer
    im in ist mit nach oder sie sich so und uns von vor wir wird zu zum zur ueber unter wie was wer wo
    the and for of to in on at with a an is are by from or
    """.split()
)
COMMON_WORD_SHARE = 0.05
COMMON_WORD_MINIMUM = 200
_FOLD = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})
_WORD = re.compile(r"[^\W_]+")


def normalise(text: str) -> str:
    """Lower case, German umlauts folded, other accents removed: "Beratung für Mütter" → "beratung fuer muetter"."""
    text = (text or "").lower().translate(_FOLD)
    if text.isascii():
        return text
    text = unicodedata.normalize("NFKD", text)
    return "".join(char for char in text if not unicodedata.combining(char))


def words(text: str) -> list[str]:
    return [word for word in _WORD.findall(normalise(text)) if word not in STOPWORDS]


def word_tokens(text: str) -> frozenset[str]:
    """Content words, with a light German/English plural stem so "Kurse" and "Kurs" match."""
    tokens = set()
    for word in words(text):
        if len(word) > 4:
            for suffix in ("en", "er", "es", "e", "n", "s"):
                if word.endswith(suffix):
                    word = word[: -len(suffix)]
                    break
        tokens.add(word)
    return frozenset(tokens)


def trigrams(text: str) -> frozenset[str]:
    """Character trigrams of the text with word separators removed, so hyphenation does not matter."""
    joined = "#" + "".join(words(text)) + "#"
    return frozenset(joined[index : index + 3] for index in range(len(joined) - 2))


def without_common_words(
    token_sets: Mapping[Hashable, frozenset[str]],
    share: float = COMMON_WORD_SHARE,
    minimum: int = COMMON_WORD_MINIMUM,
) -> dict[Hashable, frozenset[str]]:
    """Drop words that a large share of all listings use ("Anmeldung", "Uhr"): they say nothing about
    which offer a listing is, make unrelated listings look alike, and would make the comparison slow.
    Only applies to collections of at least ``minimum`` listings, where "common" means something.
    """
    if len(token_sets) < minimum:
        return dict(token_sets)
    frequency: Counter = Counter()
    for tokens in token_sets.values():
        frequency.update(tokens)
    limit = share * len(token_sets)
    common = {token for token, count in frequency.items() if count > limit}
    return {item: tokens - common for item, tokens in token_sets.items()}


def jaccard(first: frozenset, second: frozenset) -> float:
    if not first and not second:
        return 0.0
    shared = len(first & second)
    return shared / (len(first) + len(second) - shared)


def prefix_length(size: int, threshold: float) -> int:
    return size - math.ceil(threshold * size) + 1 if size else 0


def candidate_pairs(
    token_sets: Mapping[Hashable, frozenset[str]],
    blocks: Mapping[Hashable, Iterable[Hashable]],
    threshold: float,
) -> set[tuple[Hashable, Hashable]]:
    """Pairs of items in the same block that may have a Jaccard similarity of at least ``threshold``.

    Every pair that does reach the threshold is returned (no false negatives); a few that do not may
    be returned too and are weeded out by computing the similarity exactly.
    """
    frequency: Counter = Counter()
    for tokens in token_sets.values():
        frequency.update(tokens)
    order = {item: position for position, item in enumerate(token_sets)}
    sizes = {item: len(tokens) for item, tokens in token_sets.items()}
    prefixes = {}
    for item, tokens in token_sets.items():
        ordered = sorted(tokens, key=lambda token: (frequency[token], token))
        prefixes[item] = ordered[: prefix_length(len(ordered), threshold)]
    pairs: set[tuple[Hashable, Hashable]] = set()
    for members in blocks.values():
        # Items enter the index in one global order, so each pair comes out as (earlier, later) in every block.
        postings: dict[str, list[Hashable]] = defaultdict(list)
        for item in sorted((member for member in members if sizes.get(member)), key=order.__getitem__):
            others: set[Hashable] = set()
            for token in prefixes[item]:
                posting = postings[token]
                others.update(posting)
                posting.append(item)
            # Size filter: sets of very different size cannot reach the threshold.
            smallest, largest = threshold * sizes[item], sizes[item] / threshold
            pairs.update((other, item) for other in others if smallest <= sizes[other] <= largest)
    return pairs
