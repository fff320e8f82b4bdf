"""The wegweiser-analysis Elasticsearch plugin (scripts/es-analysis).

The integ-test-zip distribution that scripts/services.sh runs lacks the
analysis-common module; our plugin registers the language analyzers, the
lowercase/ngram/edge_ngram tokenizers and the common token filters under
their standard names. These tests create a throwaway index that uses them
and check the `_analyze` output.
"""

from __future__ import annotations

import os
import uuid

import pytest

ES_URL = os.environ.get("ELASTICSEARCH_URL")

pytestmark = pytest.mark.elasticsearch

INDEX_SETTINGS = {
    "number_of_shards": 1,
    "number_of_replicas": 0,
    "max_ngram_diff": 20,
    "analysis": {
        "filter": {
            "de_synonyms": {
                "type": "synonym_graph",
                "lenient": True,
                "synonyms": ["sprachkurs => deutschkurs", "kita, kindertagesstätte"],
            },
            "de_synonyms_plain": {"type": "synonym", "synonyms": ["b1, mittelstufe"]},
            "prefixes": {"type": "edge_ngram", "min_gram": 2, "max_gram": 5},
            "grams": {"type": "ngram", "min_gram": 3, "max_gram": 4},
            "compounds": {
                "type": "dictionary_decompounder",
                "word_list": ["integration", "kurs", "sprach"],
                "min_subword_size": 4,
            },
            "fold_keep": {"type": "asciifolding", "preserve_original": True},
            "de_light": {"type": "stemmer", "language": "light_german"},
            "en_stem": {"type": "stemmer", "language": "english"},
            "ru_stem": {"type": "stemmer", "language": "russian"},
        },
        "tokenizer": {
            "edge": {"type": "edge_ngram", "min_gram": 1, "max_gram": 4, "token_chars": ["letter", "digit"]},
            "grams": {"type": "ngram", "min_gram": 3, "max_gram": 15},
        },
        "analyzer": {
            "de_folded": {"type": "custom", "tokenizer": "standard", "filter": ["lowercase", "asciifolding"]},
            "de_synonym": {"type": "custom", "tokenizer": "standard", "filter": ["lowercase", "de_synonyms"]},
            "de_synonym_plain": {
                "type": "custom",
                "tokenizer": "standard",
                "filter": ["lowercase", "de_synonyms_plain"],
            },
            "de_prefix": {"type": "custom", "tokenizer": "lowercase", "filter": ["asciifolding", "prefixes"]},
            "de_compound": {
                "type": "custom",
                "tokenizer": "standard",
                "filter": ["lowercase", "compounds", "german_normalization", "de_light", "unique"],
            },
            "de_stop_custom": {"type": "german", "stopwords": ["kurs"]},
            # The shape Wagtail's Elasticsearch backend uses.
            "wagtail_ngram": {
                "type": "custom",
                "tokenizer": "lowercase",
                "filter": ["asciifolding", "grams"],
            },
        },
        "normalizer": {
            "folded": {"type": "custom", "filter": ["lowercase", "asciifolding"]},
        },
    },
}


@pytest.fixture(scope="module")
def es():
    from elasticsearch import Elasticsearch

    if not ES_URL:
        pytest.fail(
            "ELASTICSEARCH_URL is not set: run `make test`, or `scripts/services.sh start` and export its env."
        )
    client = Elasticsearch(ES_URL, request_timeout=30)
    yield client
    client.close()


@pytest.fixture(scope="module")
def index(es):
    name = f"wegweiser-test-analysis-{uuid.uuid4().hex[:10]}"
    es.indices.create(
        index=name,
        settings=INDEX_SETTINGS,
        mappings={"properties": {"code": {"type": "keyword", "normalizer": "folded"}}},
    )
    yield name
    es.indices.delete(index=name, ignore_unavailable=True)


def tokens(es, index=None, **body) -> list[str]:
    response = es.indices.analyze(index=index, **body)
    return [t["token"] for t in response["tokens"]]


def test_plugin_is_installed(es):
    plugins = es.cat.plugins(format="json")
    assert "wegweiser-analysis" in {p["component"] for p in plugins}


def test_german_analyzer_stems_compound_plural(es):
    assert tokens(es, analyzer="german", text="Deutschkurse") == tokens(
        es, analyzer="german", text="Deutschkurs"
    )
    # Stop words are dropped, umlauts normalised.
    assert tokens(es, analyzer="german", text="der Kurs und die Häuser") == tokens(
        es, analyzer="german", text="Kurse Haus"
    )


def test_german_analyzer_with_custom_stopwords(es, index):
    assert tokens(es, index=index, analyzer="de_stop_custom", text="Kurs Deutschkurse") == tokens(
        es, analyzer="german", text="Deutschkurs"
    )


def test_asciifolding(es, index):
    assert tokens(es, index=index, analyzer="de_folded", text="Ärztin Café Straße") == [
        "arztin",
        "cafe",
        "strasse",
    ]
    assert tokens(es, tokenizer="keyword", filter=["fold_keep"], index=index, text="Ärztin") == [
        "Arztin",
        "Ärztin",
    ]


def test_asciifolding_in_keyword_normalizer(es, index):
    assert tokens(es, index=index, normalizer="folded", text="Ärztin") == ["arztin"]
    es.index(index=index, id="1", document={"code": "Ärztin"}, refresh=True)
    hits = es.search(index=index, query={"term": {"code": "ARZTIN"}})["hits"]["hits"]
    assert [h["_id"] for h in hits] == ["1"]


def test_synonym_graph_maps_sprachkurs_to_deutschkurs(es, index):
    assert tokens(es, index=index, analyzer="de_synonym", text="Sprachkurs") == ["deutschkurs"]
    assert set(tokens(es, index=index, analyzer="de_synonym", text="Kita")) == {"kita", "kindertagesstätte"}
    assert set(tokens(es, index=index, analyzer="de_synonym_plain", text="B1")) == {"b1", "mittelstufe"}


def test_synonym_graph_inline_in_analyze_request(es):
    filters = ["lowercase", {"type": "synonym_graph", "synonyms": ["sprachkurs => deutschkurs"]}]
    assert tokens(es, tokenizer="standard", filter=filters, text="Sprachkurs Abend") == [
        "deutschkurs",
        "abend",
    ]


def test_synonym_lenient_skips_rules_that_analyse_to_nothing(es):
    def chain(lenient):
        stop = {"type": "stop", "stopwords": "_german_"}
        synonyms = {
            "type": "synonym_graph",
            "lenient": lenient,
            "synonyms": ["der => artikel", "kita, krippe"],
        }
        return ["lowercase", stop, synonyms]

    assert set(tokens(es, tokenizer="standard", filter=chain(True), text="der Kita")) == {"kita", "krippe"}
    from elasticsearch import BadRequestError

    with pytest.raises(BadRequestError):
        tokens(es, tokenizer="standard", filter=chain(False), text="der Kita")


def test_edge_ngram_filter_and_tokenizer(es, index):
    assert tokens(es, index=index, analyzer="de_prefix", text="Ärzte") == ["ar", "arz", "arzt", "arzte"]
    assert tokens(es, index=index, tokenizer="edge", text="Kurs B1") == ["K", "Ku", "Kur", "Kurs", "B", "B1"]


def test_ngram_filter_and_tokenizer(es, index):
    assert tokens(es, index=index, analyzer="wagtail_ngram", text="Kurse") == [
        "kur",
        "kurs",
        "urs",
        "urse",
        "rse",
    ]
    assert tokens(es, index=index, tokenizer="grams", text="Kurs")[:3] == ["Kur", "Kurs", "urs"]


def test_lowercase_keyword_whitespace_tokenizers(es):
    assert tokens(es, tokenizer="lowercase", text="Hallo WELT-Straße 12") == ["hallo", "welt", "straße"]
    assert tokens(es, tokenizer="keyword", text="Hallo Welt") == ["Hallo Welt"]
    assert tokens(es, tokenizer="whitespace", text="Hallo  Welt-Straße") == ["Hallo", "Welt-Straße"]


def test_dictionary_decompounder_splits_integrationskurs(es, index):
    filters = ["lowercase", {"type": "dictionary_decompounder", "word_list": ["integration", "kurs"]}]
    assert tokens(es, tokenizer="standard", filter=filters, text="Integrationskurs") == [
        "integrationskurs",
        "integration",
        "kurs",
    ]
    assert set(tokens(es, index=index, analyzer="de_compound", text="Integrationskurse")) >= {
        "integration",
        "kurs",
    }


def test_stemmer_filters(es, index):
    assert tokens(
        es, tokenizer="standard", filter=["lowercase", "en_stem"], index=index, text="running courses"
    ) == [
        "run",
        "cours",
    ]
    assert tokens(es, tokenizer="standard", filter=["ru_stem"], index=index, text="книгами") == ["книг"]
    assert tokens(
        es, tokenizer="standard", filter=["lowercase", "german_normalization", "german_stem"], text="Häuser"
    ) == tokens(es, tokenizer="standard", filter=["lowercase", "german_stem"], text="haus")


@pytest.mark.parametrize(
    ("analyzer", "text", "expected"),
    [
        ("english", "The running courses", ["run", "cours"]),
        ("arabic", "الكتاب", ["كتاب"]),
        # Persian keheh (U+06A9) is normalised to Arabic kaf (U+0643); the plural suffix is stemmed.
        ("persian", "\u06a9\u062a\u0627\u0628\u200c\u0647\u0627", ["\u0643\u062a\u0627\u0628"]),
        ("russian", "книгами", ["книг"]),
        ("turkish", "İstanbul kitaplar", ["istanbul", "kitap"]),
    ],
)
def test_language_analyzers_exist(es, analyzer, text, expected):
    assert tokens(es, analyzer=analyzer, text=text) == expected


def test_other_filters(es):
    assert tokens(
        es, tokenizer="standard", filter=["unique", {"type": "length", "min": 2}], text="a b b cc cc"
    ) == ["cc"]
    assert tokens(es, tokenizer="keyword", filter=["trim"], text="  Kurs  ") == ["Kurs"]
    assert tokens(es, tokenizer="standard", filter=["decimal_digit"], text="١٢٣") == ["123"]
    assert tokens(es, tokenizer="standard", filter=["elision"], text="l'avion") == ["avion"]
    assert tokens(es, tokenizer="whitespace", filter=["word_delimiter_graph"], text="Wi-Fi") == ["Wi", "Fi"]
    assert tokens(es, tokenizer="standard", filter=["arabic_normalization"], text="أحمد") == ["احمد"]
    assert tokens(
        es, tokenizer="standard", filter=["persian_normalization"], text="\u06a9\u062a\u0627\u0628"
    ) == ["\u0643\u062a\u0627\u0628"]


def test_finder_index_settings_with_language_analysis(es):
    """The finder's full analysis settings (as for a node with analysis-common) are accepted."""
    from wegweiser.search.es.analysis import NodeCapabilities, index_body

    body = index_body(NodeCapabilities(frozenset({"analysis-common"})), ["topic"])
    name = f"wegweiser-test-analysis-{uuid.uuid4().hex[:10]}"
    es.indices.create(index=name, **body)
    try:
        german = tokens(es, index=name, analyzer="text_de", text="Integrationskurse für Ärztinnen")
        # Stemmed and folded, stop words dropped, compounds kept whole (splitting them over-matched).
        assert german == ["integrationskurs", "arztinn"]
        for code in ("en", "ar", "fa", "ru", "tr"):
            assert tokens(es, index=name, analyzer=f"text_{code}", text="x")
        assert tokens(es, index=name, normalizer="sortable", text="Ärztin") == ["arztin"]
    finally:
        es.indices.delete(index=name, ignore_unavailable=True)


def test_the_finder_uses_language_analysis_on_a_node_with_our_plugin(es):
    """The test node has no analysis-common, but our plugin; the finder then builds its language fields."""
    from wegweiser.search.es.analysis import NodeCapabilities, analysed_languages

    assert NodeCapabilities(frozenset({"wegweiser-analysis"})).language_analysis
    assert not NodeCapabilities(frozenset({"transport-netty4"})).language_analysis
    names = set()
    for node in es.nodes.info(metric="plugins")["nodes"].values():
        names.update(item["name"] for item in node.get("plugins", []) + node.get("modules", []))
    assert analysed_languages(NodeCapabilities(frozenset(names))) == ["de", "en", "ar", "fa", "ru", "tr"]
