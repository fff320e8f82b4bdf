"""Index settings that fit the node: language analyzers where the node has them, plain folding otherwise.

Language analyzers and ASCII folding live in Elasticsearch's ``analysis-common`` module. A full
distribution has it; the integration-test build does not, but our own ``wegweiser-analysis`` plugin
(``scripts/es-analysis``) registers them there under their standard names. The search asks the node
once and builds what it can; word forms and compounds are handled in Python for both search backends
(the ``words`` field, :mod:`wegweiser.search.es.text`), so search stays forgiving on either.

The language fields (``text_<locale>``) stem but do not split compounds: a decompounder there made
"Deutschkurs" find every "kurs" (the shared ``words`` already hold the compound parts the portal knows).
They add the word forms of a visitor's language other than German that the Python stemmer does not know.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

#: Our locales with a built-in Elasticsearch language analyzer; the others use the folded standard one.
LANGUAGE_ANALYZERS = {"en": "english", "ar": "arabic", "fa": "persian", "ru": "russian", "tr": "turkish"}
#: Our own analysis plugin for nodes without ``analysis-common`` (see ``scripts/es-analysis``).
LANGUAGE_PLUGIN = "wegweiser-analysis"


@dataclass(frozen=True)
class NodeCapabilities:
    modules: frozenset[str]

    @property
    def language_analysis(self) -> bool:
        return bool({"analysis-common", LANGUAGE_PLUGIN} & self.modules)


@cache
def node_capabilities() -> NodeCapabilities:
    # connection.py imports this module
    from wegweiser.search.es.connection import get_client

    info = get_client().nodes.info(metric="plugins", filter_path="nodes.*.modules.name,nodes.*.plugins.name")
    names: set[str] = set()
    for node in info.get("nodes", {}).values():
        names.update(module["name"] for module in node.get("modules", []))
        names.update(plugin["name"] for plugin in node.get("plugins", []))
    return NodeCapabilities(frozenset(names))


def analysed_languages(capabilities: NodeCapabilities) -> list[str]:
    """Locales that get a ``text_<locale>`` field with their own analyzer on this node."""
    return ["de", *LANGUAGE_ANALYZERS] if capabilities.language_analysis else []


def analysis_settings(capabilities: NodeCapabilities) -> dict:
    if not capabilities.language_analysis:
        return {
            "analyzer": {"folded": {"type": "custom", "tokenizer": "standard", "filter": ["lowercase"]}},
            "normalizer": {"sortable": {"type": "custom", "filter": ["lowercase"]}},
        }
    analyzers = {
        "folded": {"type": "custom", "tokenizer": "standard", "filter": ["lowercase", "asciifolding"]},
        "text_de": {
            "type": "custom",
            "tokenizer": "standard",
            "filter": ["lowercase", "de_stop", "german_normalization", "de_stem", "asciifolding"],
        },
    }
    for code, language in LANGUAGE_ANALYZERS.items():
        analyzers[f"text_{code}"] = {"type": language}
    return {
        "filter": {
            "de_stop": {"type": "stop", "stopwords": "_german_"},
            "de_stem": {"type": "stemmer", "language": "light_german"},
        },
        "analyzer": analyzers,
        "normalizer": {"sortable": {"type": "custom", "filter": ["lowercase", "asciifolding"]}},
    }


def index_body(capabilities: NodeCapabilities, facet_names: list[str], replicas: int = 0) -> dict:
    """Settings and mappings of a listings index; one keyword field ``f_<facet>`` per facet, and all of
    them in ``facets`` (``name:value``), where the search counts the facets without a choice at once."""
    text = {"type": "text", "analyzer": "folded"}
    plain = {"type": "text", "analyzer": "standard"}
    properties = {
        "page_id": {"type": "integer"},
        "listing_type": {"type": "keyword"},
        "locale": {"type": "keyword"},
        "shown_in": {"type": "keyword"},
        "title": {**text, "fields": {"sort": {"type": "keyword", "normalizer": "sortable"}}},
        "summary": text,
        # Title and summary folded in Python as the search's words are (wegweiser.search.wording.fold), where
        # ranking looks for a word inside them ("mutter" in "Mütter"); hits ranked alike are in the order of
        # the folded titles, as the database sorts them.
        "title_folded": {**plain, "fields": {"sort": {"type": "keyword"}}},
        "summary_folded": plain,
        # What shares out a topic's weight in the ranking (wegweiser.search.matching.TOPIC_WEIGHT).
        "topic_count": {"type": "short"},
        # The translation key of the listing's organisation, which a searched organisation's name ranks
        # (wegweiser.search.matching.ORGANISATION_WEIGHT).
        "organisation_key": {"type": "keyword"},
        "body": text,
        "organisation": text,
        "extra_text": text,
        # The search's searchable words, already split and lower-cased as the database indexes them.
        "words": {"type": "text", "analyzer": "whitespace"},
        "extra": {"type": "object", "enabled": False},
        "valid_from": {"type": "date"},
        "valid_until": {"type": "date"},
        "first_published_at": {"type": "date"},
        "location": {"type": "geo_point"},
        "suggest": {
            "type": "completion",
            "analyzer": "simple",
            "contexts": [{"name": "shown_in", "type": "category", "path": "shown_in"}],
        },
    }
    for code in analysed_languages(capabilities):
        properties[f"text_{code}"] = {"type": "text", "analyzer": f"text_{code}"}
    for name in facet_names:
        properties[f"f_{name}"] = {"type": "keyword"}
    # Counted in every search: its global ordinals are built when the index refreshes, not by a visitor.
    properties["facets"] = {"type": "keyword", "eager_global_ordinals": True}
    return {
        "settings": {
            "number_of_shards": 1,
            "number_of_replicas": replicas,
            "analysis": analysis_settings(capabilities),
        },
        "mappings": {"dynamic": False, "properties": properties},
    }
