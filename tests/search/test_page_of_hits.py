"""A page of hits when the words are in many listings.

On PostgreSQL the database backend then ranks the type's listings without the words and checks only the
best of them against the words (``Matches``): ranking every match first cost 190 ms at 100,000 listings.
A visitor must get the very pages that ranking the matches gives, in every order, and also when the best
listings do not hold a page's worth of matches (then the matches are ranked as before).
"""

from __future__ import annotations

import pytest
from django.db import connection

from tests.search.conftest import add_listing, run
from wegweiser.search.backends import database
from wegweiser.search.backends.database import DatabaseBackend

QUERIES = [
    {"q": "Arabisch"},  # a language's name: in no title or summary, so matches and the rest interleave
    {"q": "Arabisch", "sort": "date"},
    {"q": "Arabisch", "near": "altstadt", "sort": "distance"},
    {"q": "Treff Kurs"},  # either word, the listings with both first
    {"q": "Deutsch", "topic": ["sprache"]},
    {"q": "Treff", "near": "altstadt", "radius": "5"},  # ranked from the search's rows, within the radius
    {"q": "Arabisch", "locale": "ar"},  # from the rows too: the German originals, none translated
]


@pytest.fixture
def many_matches(town):
    """Twelve more meeting points of one organisation, every other one in Arabic, all in the old town."""
    parent = town["sprachcafe"].get_parent()
    for number in range(1, 13):
        add_listing(
            parent,
            title=f"Treff {number:02d}",
            summary="Offener Treffpunkt am Nachmittag.",
            languages=["ar"] if number % 2 else ["de"],
            district="altstadt",
        )
    return town


def pages(params: dict) -> list[list[int]]:
    """The page ids of the first two pages of ten (``locale``: the page's language, German if not given)."""
    params = dict(params)
    locale = params.pop("locale", "de")
    return [
        [
            hit.page_id
            for hit in run(
                DatabaseBackend(), {**params, "per_page": "10", "page": str(page)}, locale=locale
            ).hits
        ]
        for page in (1, 2)
    ]


@pytest.mark.parametrize(
    "params", QUERIES, ids=lambda params: ",".join(f"{k}={v}" for k, v in params.items())
)
def test_ranking_the_best_without_the_words_gives_the_pages_ranking_the_matches_gives(
    many_matches, monkeypatch, params
):
    monkeypatch.setattr(database, "FEW_MATCHES", 10**9)  # the matches found first, then ranked
    expected = pages(params)
    assert expected[0], "the query finds something"

    decided = []
    among_the_best = database.Matches._among_the_best

    def spied(self, *args):
        found = among_the_best(self, *args)
        decided.append(found is not None)
        return found

    monkeypatch.setattr(database.Matches, "_among_the_best", spied)
    monkeypatch.setattr(database, "FEW_MATCHES", 0)  # every number of matches counts as many
    assert pages(params) == expected
    if connection.vendor == "postgresql":
        assert decided and all(decided)  # the best without the words held every match
    else:
        assert decided == []  # SQLite finds the words first anyway

    decided.clear()
    monkeypatch.setattr(
        database, "RANKED_FIRST", 1
    )  # a page's worth of the best checked first, then the rest
    assert pages(params) == expected
    if connection.vendor == "postgresql":
        assert decided and all(decided)  # the rest of the best (RANKED_AT_LEAST) held the matches

    decided.clear()
    monkeypatch.setattr(database, "RANKED_AT_LEAST", 0)  # only a page's worth of the best without the words
    assert pages(params) == expected
    if connection.vendor == "postgresql" and params["q"] == "Arabisch":
        # ten listings without the words hold fewer than ten matches: ranked as before
        assert False in decided
