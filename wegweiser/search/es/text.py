"""The search's text matching as Elasticsearch queries: the database backend's plan, forms and ranking.

A document carries the listing's searchable words (``words``): the text the database backend stores for
it (:func:`wegweiser.search.fulltext.page_text`: its texts, its terms' names in every language, their
folded stems and compound parts) split into the same tokens. A typed word (or the known words its typo
was taken for) is looked for through the same alternatives as there
(:func:`wegweiser.search.fulltext.unit_alternatives`): each typed form as a prefix, a synonym's forms as
whole words, a phrase's words in a row, a compound's parts anywhere. In a language other than German the
node's analyzer of that language (``text_<locale>``) adds the word forms Python does not know ("family"
finds "families").

Which words are required, corrected or left out is decided by the shared plan
(:func:`wegweiser.search.matching.plan_text`) asking this index (:func:`finder`). Hits are ranked as the
database backend ranks them (:func:`wegweiser.search.matching.ranking_variants`): constant scores for a
word in the title or the summary (``title_folded``, ``summary_folded``: folded as the words are), for a
topic of the listing a word names (shared among its topics, ``topic_count``), for the listing's
organisation (``organisation_key``) or a language it is offered in (``f_language``) where that counts more,
and for each word a listing has when none has all of them.
"""

from __future__ import annotations

from elasticsearch.dsl import Q

from wegweiser.search import matching
from wegweiser.search.es.analysis import analysed_languages, node_capabilities
from wegweiser.search.es.connection import alias_name, get_client
from wegweiser.search.fulltext import Way, unit_alternatives
from wegweiser.search.listing_terms import LANGUAGE_FACET, TOPIC_FACET
from wegweiser.search.matching import (
    ENDING,
    Finder,
    Ranking,
    TextPlan,
    UnitCounter,
    ranking_variants,
    unit_weights,
)
from wegweiser.search.wording import ARABIC_ARTICLES, tokens, without_marks

#: The database backend's weights: a word in the title, in the summary (each word found: ``unit_weights``).
TITLE_WEIGHT, SUMMARY_WEIGHT = 3, 2
#: A typed token is cut like the database backend cuts it.
MAX_TOKEN = 100


def searchable_words(text: str) -> str:
    """The ``words`` field of a document: the tokens of the search's text, as the database indexes them."""
    return " ".join(tokens(text))


def language_field(locale: str) -> str | None:
    """The visitor's language field, when it is not German (whose forms the shared ``words`` already hold)."""
    if locale == "de" or locale not in analysed_languages(node_capabilities()):
        return None
    return f"text_{locale}"


def _word(token: str, whole: bool) -> dict:
    """One word of the ``words`` field: the whole stored word (``term``) or its beginning (``prefix``)."""
    return {"term" if whole else "prefix": {"words": {"value": token[:MAX_TOKEN]}}}


def _alternative(way: Way) -> Q:
    if len(way.words) == 1:
        return Q(_word(way.words[0], way.is_whole(way.words[0])))
    if not way.phrase:  # a compound's parts, anywhere in the listing
        return Q("bool", filter=[Q(_word(word, way.is_whole(word))) for word in way.words])
    clauses = [
        {"span_term": {"words": word[:MAX_TOKEN]}}
        if way.is_whole(word)
        else {"span_multi": {"match": _word(word, whole=False)}}
        for word in way.words
    ]
    return Q("span_near", clauses=clauses, slop=0, in_order=True)


def unit_query(unit: list[str], field: str | None) -> Q | None:
    """Any form of one typed word (or of its corrections); ``None`` if it has no letters to look for."""
    alternatives = list(
        dict.fromkeys(found for alternative in unit for found in unit_alternatives(alternative))
    )
    should = [_alternative(alternative) for alternative in alternatives]
    if field and should:
        should.extend(
            Q("match", **{field: {"query": without_marks(word), "operator": "and"}}) for word in unit
        )
    return Q("bool", should=should, minimum_should_match=1) if should else None


def matching_query(units: list[list[str]], field: str | None, any_unit: bool = False) -> Q:
    """The documents with every unit (or, with ``any_unit``, at least one), as the database's ``matching_rows``."""
    queries = [query for query in (unit_query(unit, field) for unit in units) if query is not None]
    if not queries:
        return Q("match_none")
    if any_unit:
        return Q("bool", should=queries, minimum_should_match=1)
    return Q("bool", filter=queries)


def counter(field: str | None, locale: str) -> UnitCounter:
    """How many documents shown in ``locale`` have a unit (what ``weigh_units`` asks). One request each."""

    def count(unit: list[str]) -> int:
        shown = Q("bool", filter=[matching_query([unit], field), Q("term", shown_in=locale)])
        return get_client().count(index=alias_name(), query=shown.to_dict())["count"]

    return count


def finder(field: str | None, locale: str) -> Finder:
    """The plan's question to this index: does any document shown in ``locale`` have all these units? One
    request, no hits."""

    def finds(units: list[list[str]]) -> bool:
        shown = Q("bool", filter=[matching_query(units, field), Q("term", shown_in=locale)])
        response = get_client().search(
            index=alias_name(),
            query=shown.to_dict(),
            size=0,
            terminate_after=1,
            track_total_hits=1,
        )
        return response["hits"]["total"]["value"] > 0

    return finds


def _found_in(field: str, ranking: Ranking) -> Q:
    """Any of a ranking's spellings inside the folded field's text, as the database finds it, or any of its
    short synonyms as one of its words, with a short ending (a token of the field)."""
    should = [query for variant in ranking.within if (query := _inside(field, variant)) is not None]
    articles = "|".join(ARABIC_ARTICLES)
    for form in ranking.words:
        if tokens(form) == [form]:  # a token of the field: letters and digits only, no regexp syntax
            pattern = f"({articles})?{form[:MAX_TOKEN]}.{{0,{ENDING}}}"
            should.append(Q("regexp", **{field: {"value": pattern}}))
    return Q("bool", should=should, minimum_should_match=1)


def _inside(field: str, variant: str) -> Q | None:
    """A folded spelling anywhere inside the folded field's text, as the database finds it."""
    words = tokens(variant)
    if len(words) == 1 and words[0] == variant:  # letters and digits only: no wildcard syntax
        return Q("wildcard", **{field: {"value": f"*{variant[:MAX_TOKEN]}*"}})
    if words:
        return Q("match_phrase_prefix", **{field: " ".join(words)})
    return None


def _topic_tier(ranking: Ranking) -> Q:
    """What a listing carrying a topic the word names counts: 1 and the topics' weight divided by its number
    of topics (an index built before the documents had it counts one)."""
    share = {"field": "topic_count", "modifier": "reciprocal", "missing": 1}
    return Q(
        "function_score",
        query=Q("constant_score", filter=Q("terms", **{f"f_{TOPIC_FACET}": list(ranking.topics)}), boost=1),
        functions=[{"field_value_factor": share, "weight": matching.TOPIC_WEIGHT}],
        boost_mode="sum",
    )


def text_query(plan: TextPlan, field: str | None) -> Q:
    """What the plan finds, scored like the database backend scores it."""
    if plan.finds_nothing:
        return Q("match_none")
    ranking = []
    for variant in ranking_variants(plan):
        found_in = [
            Q("constant_score", filter=_found_in("title_folded", variant), boost=TITLE_WEIGHT),
            Q("constant_score", filter=_found_in("summary_folded", variant), boost=SUMMARY_WEIGHT),
        ]
        if variant.parts:  # a typed compound's parts apart in the title: all of them, or one but the last
            in_title = [
                query for part in variant.parts if (query := _inside("title_folded", part)) is not None
            ]
            found_in.append(
                Q("constant_score", filter=Q("bool", filter=in_title), boost=matching.ALL_PARTS_WEIGHT)
            )
            modifiers = [
                query for part in variant.modifiers if (query := _inside("title_folded", part)) is not None
            ]
            found_in.append(
                Q(
                    "constant_score",
                    filter=Q("bool", should=modifiers, minimum_should_match=1),
                    boost=matching.PART_WEIGHT,
                )
            )
        if variant.topics:  # where it counts more than the text
            found_in.append(_topic_tier(variant))
        if variant.languages:  # the listings offered in a language the word names
            spoken = Q("terms", **{f"f_{LANGUAGE_FACET}": list(variant.languages)})
            found_in.append(Q("constant_score", filter=spoken, boost=matching.LANGUAGE_WEIGHT))
        if variant.organisations:  # the listings of an organisation the word names
            organisation = Q("terms", organisation_key=list(variant.organisations))
            found_in.append(Q("constant_score", filter=organisation, boost=matching.ORGANISATION_WEIGHT))
        # Found elsewhere (its terms' names, its body) the word counts 1, as in the database's ranking: without
        # it a listing with one word in its title and another only in a topic's name counted 3, one with both
        # in its summary 4, where the database counts both 4 ("language school" ranked another first).
        found_in.append(Q("constant_score", filter=Q("match_all"), boost=1))
        ranking.append(Q("dis_max", queries=found_in))
    if plan.any_unit:  # no listing has every word: the more it has, the higher
        ranking.extend(
            Q("constant_score", filter=query, boost=weight)
            for query, weight in zip(
                (unit_query(unit, field) for unit in plan.units), unit_weights(plan), strict=True
            )
            if query is not None
        )
    return Q("bool", filter=[matching_query(plan.units, field, plan.any_unit)], should=ranking)
