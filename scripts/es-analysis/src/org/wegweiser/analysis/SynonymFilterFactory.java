package org.wegweiser.analysis;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.WhitespaceTokenizer;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymFilter;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.analysis.synonym.WordnetSynonymParser;
import org.apache.lucene.util.CharsRef;
import org.apache.lucene.util.CharsRefBuilder;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.index.IndexService.IndexCreationContext;
import org.elasticsearch.index.analysis.AbstractTokenFilterFactory;
import org.elasticsearch.index.analysis.Analysis;
import org.elasticsearch.index.analysis.CharFilterFactory;
import org.elasticsearch.index.analysis.CustomAnalyzer;
import org.elasticsearch.index.analysis.TokenFilterFactory;
import org.elasticsearch.index.analysis.TokenizerFactory;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.text.ParseException;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * synonym / synonym_graph: synonyms (inline rules) or synonyms_path, format
 * (solr | wordnet), expand, lenient. As in Elasticsearch, the rules are
 * analysed with the chain's tokenizer, char filters and the token filters
 * that precede the synonym filter.
 */
final class SynonymFilterFactory extends AbstractTokenFilterFactory {
    private final Environment env;
    private final boolean graph;
    private final boolean expand;
    private final boolean lenient;
    private final String format;
    private final List<String> rules;
    private final String rulesPath;
    private volatile SynonymMap standaloneMap;

    SynonymFilterFactory(Environment env, String name, Settings s, boolean graph) {
        super(name, s);
        this.env = env;
        this.graph = graph;
        this.expand = s.getAsBoolean("expand", true);
        this.lenient = s.getAsBoolean("lenient", false);
        this.format = s.get("format", "solr").toLowerCase(Locale.ROOT);
        this.rules = s.getAsList("synonyms", null);
        this.rulesPath = s.get("synonyms_path");
        if (s.get("synonyms_set") != null) {
            throw new IllegalArgumentException("[" + name + "]: synonyms_set is not supported by the wegweiser-analysis plugin");
        }
        if (rules == null && rulesPath == null) {
            throw new IllegalArgumentException("synonym requires either `synonyms` or `synonyms_path` to be configured");
        }
        if (!format.equals("solr") && !format.equals("wordnet")) {
            throw new IllegalArgumentException("[" + name + "]: unknown synonym format [" + format + "]");
        }
    }

    private Reader rulesReader() {
        if (rules != null) {
            return new StringReader(String.join("\n", rules));
        }
        return Analysis.getReaderFromFile(env, rulesPath, "synonyms_path");
    }

    SynonymMap buildMap(Analyzer analyzer) {
        try (Reader reader = rulesReader()) {
            SynonymMap.Parser parser = format.equals("wordnet")
                ? new WordnetSynonymParser(true, expand, analyzer)
                : new LenientSolrParser(expand, lenient, analyzer);
            parser.parse(reader);
            return parser.build();
        } catch (IOException | ParseException | RuntimeException e) {
            throw new IllegalArgumentException("failed to build synonyms for [" + name() + "]: " + e.getMessage(), e);
        }
    }

    @SuppressWarnings("deprecation")
    private TokenStream wrap(TokenStream in, SynonymMap map) {
        if (map.fst == null) {
            return in;
        }
        return graph ? new SynonymGraphFilter(in, map, false) : new SynonymFilter(in, map, false);
    }

    /** Used only when Elasticsearch did not resolve the chain: parse rules with whitespace + lowercase. */
    @Override
    public TokenStream create(TokenStream in) {
        SynonymMap map = standaloneMap;
        if (map == null) {
            Analyzer a = new Analyzer() {
                @Override
                protected TokenStreamComponents createComponents(String field) {
                    Tokenizer t = new WhitespaceTokenizer();
                    return new TokenStreamComponents(t, new LowerCaseFilter(t));
                }
            };
            map = buildMap(a);
            standaloneMap = map;
        }
        return wrap(in, map);
    }

    @Override
    public TokenFilterFactory getChainAwareTokenFilterFactory(IndexCreationContext context, TokenizerFactory tokenizer,
                                                              List<CharFilterFactory> charFilters,
                                                              List<TokenFilterFactory> previousTokenFilters,
                                                              Function<String, TokenFilterFactory> allFilters) {
        TokenFilterFactory[] previous = previousTokenFilters.stream()
            .map(TokenFilterFactory::getSynonymFilter)
            .toArray(TokenFilterFactory[]::new);
        Analyzer analyzer = new CustomAnalyzer(tokenizer, charFilters.toArray(new CharFilterFactory[0]), previous);
        final SynonymMap map = buildMap(analyzer);
        final String name = name();
        return new TokenFilterFactory() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public TokenStream create(TokenStream in) {
                return wrap(in, map);
            }

            @Override
            public TokenFilterFactory getSynonymFilter() {
                return IDENTITY_FILTER;
            }
        };
    }

    @Override
    public TokenFilterFactory getSynonymFilter() {
        return IDENTITY_FILTER;
    }

    /** Solr rules; with lenient=true, rules that cannot be analysed are skipped instead of failing. */
    static final class LenientSolrParser extends SolrSynonymParser {
        private final boolean lenient;

        LenientSolrParser(boolean expand, boolean lenient, Analyzer analyzer) {
            super(true, expand, analyzer);
            this.lenient = lenient;
        }

        @Override
        public void add(CharsRef input, CharsRef output, boolean includeOrig) {
            if (lenient && (input.length == 0 || output.length == 0)) {
                return;
            }
            super.add(input, output, includeOrig);
        }

        @Override
        public CharsRef analyze(String text, CharsRefBuilder reuse) throws IOException {
            try {
                return super.analyze(text, reuse);
            } catch (IllegalArgumentException e) {
                if (!lenient) {
                    throw e;
                }
                reuse.clear();
                return reuse.get();
            }
        }
    }
}
