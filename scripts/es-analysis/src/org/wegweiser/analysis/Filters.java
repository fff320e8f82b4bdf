package org.wegweiser.analysis;

import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.ar.ArabicStemFilter;
import org.apache.lucene.analysis.compound.DictionaryCompoundWordTokenFilter;
import org.apache.lucene.analysis.de.GermanLightStemFilter;
import org.apache.lucene.analysis.de.GermanMinimalStemFilter;
import org.apache.lucene.analysis.el.GreekLowerCaseFilter;
import org.apache.lucene.analysis.en.EnglishMinimalStemFilter;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.KStemFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.fa.PersianStemFilter;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.ga.IrishLowerCaseFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.LengthFilter;
import org.apache.lucene.analysis.miscellaneous.RemoveDuplicatesTokenFilter;
import org.apache.lucene.analysis.miscellaneous.SetKeywordMarkerFilter;
import org.apache.lucene.analysis.miscellaneous.TruncateTokenFilter;
import org.apache.lucene.analysis.miscellaneous.WordDelimiterFilter;
import org.apache.lucene.analysis.miscellaneous.WordDelimiterGraphFilter;
import org.apache.lucene.analysis.ngram.EdgeNGramTokenFilter;
import org.apache.lucene.analysis.ngram.NGramTokenFilter;
import org.apache.lucene.analysis.ru.RussianLightStemFilter;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tr.TurkishLowerCaseFilter;
import org.apache.lucene.analysis.util.ElisionFilter;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.index.IndexSettings;
import org.elasticsearch.index.analysis.AbstractTokenFilterFactory;
import org.elasticsearch.index.analysis.Analysis;
import org.elasticsearch.index.analysis.NormalizingTokenFilterFactory;
import org.elasticsearch.index.analysis.TokenFilterFactory;
import org.tartarus.snowball.SnowballStemmer;
import org.tartarus.snowball.ext.ArabicStemmer;
import org.tartarus.snowball.ext.EnglishStemmer;
import org.tartarus.snowball.ext.German2Stemmer;
import org.tartarus.snowball.ext.GermanStemmer;
import org.tartarus.snowball.ext.RussianStemmer;
import org.tartarus.snowball.ext.TurkishStemmer;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/** Token filter factories. */
final class Filters {
    private Filters() {}

    static TokenStream upperCase(TokenStream in) {
        return new TokenFilter(in) {
            private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

            @Override
            public boolean incrementToken() throws IOException {
                if (!input.incrementToken()) {
                    return false;
                }
                String up = term.toString().toUpperCase(Locale.ROOT);
                term.setEmpty().append(up);
                return true;
            }
        };
    }

    /** A filter without parameters. */
    static class SimpleFactory extends AbstractTokenFilterFactory {
        private final Function<TokenStream, TokenStream> fn;

        SimpleFactory(String name, Settings s, Function<TokenStream, TokenStream> fn) {
            super(name, s);
            this.fn = fn;
        }

        @Override
        public TokenStream create(TokenStream in) {
            return fn.apply(in);
        }
    }

    /** A filter without parameters that may also be used in normalizers. */
    static final class SimpleNormalizingFactory extends SimpleFactory implements NormalizingTokenFilterFactory {
        SimpleNormalizingFactory(String name, Settings s, Function<TokenStream, TokenStream> fn) {
            super(name, s, fn);
        }
    }

    /** asciifolding: preserve_original. */
    static final class AsciiFoldingFactory extends AbstractTokenFilterFactory implements NormalizingTokenFilterFactory {
        private final boolean preserveOriginal;

        AsciiFoldingFactory(IndexSettings is, Environment env, String name, Settings s) {
            super(name, s);
            preserveOriginal = s.getAsBoolean("preserve_original", false);
        }

        @Override
        public TokenStream create(TokenStream in) {
            return new ASCIIFoldingFilter(in, preserveOriginal);
        }

        @Override
        public TokenStream normalize(TokenStream in) {
            return new ASCIIFoldingFilter(in, false);
        }
    }

    /** lowercase with optional language (greek, irish, turkish). */
    static final class LowerCaseFactory extends AbstractTokenFilterFactory implements NormalizingTokenFilterFactory {
        private final String lang;

        LowerCaseFactory(IndexSettings is, Environment env, String name, Settings s) {
            super(name, s);
            lang = s.get("language", "").toLowerCase(Locale.ROOT);
            if (!List.of("", "greek", "irish", "turkish").contains(lang)) {
                throw new IllegalArgumentException("language [" + lang + "] not support for lower case");
            }
        }

        @Override
        public TokenStream create(TokenStream in) {
            return switch (lang) {
                case "greek" -> new GreekLowerCaseFilter(in);
                case "irish" -> new IrishLowerCaseFilter(in);
                case "turkish" -> new TurkishLowerCaseFilter(in);
                default -> new LowerCaseFilter(in);
            };
        }
    }

    private static final Map<String, Function<TokenStream, TokenStream>> STEMMERS = Map.ofEntries(
        Map.entry("arabic", ArabicStemFilter::new),
        Map.entry("english", PorterStemFilter::new),
        Map.entry("porter", PorterStemFilter::new),
        Map.entry("porter2", in -> new SnowballFilter(in, new EnglishStemmer())),
        Map.entry("light_english", KStemFilter::new),
        Map.entry("kstem", KStemFilter::new),
        Map.entry("minimal_english", EnglishMinimalStemFilter::new),
        Map.entry("possessive_english", EnglishPossessiveFilter::new),
        Map.entry("german", in -> new SnowballFilter(in, new GermanStemmer())),
        Map.entry("german2", in -> new SnowballFilter(in, new German2Stemmer())),
        Map.entry("light_german", GermanLightStemFilter::new),
        Map.entry("minimal_german", GermanMinimalStemFilter::new),
        Map.entry("persian", PersianStemFilter::new),
        Map.entry("russian", in -> new SnowballFilter(in, new RussianStemmer())),
        Map.entry("light_russian", RussianLightStemFilter::new),
        Map.entry("turkish", in -> new SnowballFilter(in, new TurkishStemmer()))
    );

    /** stemmer: language (or name). */
    static final class StemmerFactory extends AbstractTokenFilterFactory {
        private final Function<TokenStream, TokenStream> fn;

        StemmerFactory(IndexSettings is, Environment env, String name, Settings s) {
            super(name, s);
            String lang = s.get("language", s.get("name", "porter")).toLowerCase(Locale.ROOT);
            fn = STEMMERS.get(lang);
            if (fn == null) {
                throw new IllegalArgumentException("[" + name + "]: stemmer language [" + lang
                    + "] is not supported by the wegweiser-analysis plugin; supported: " + new java.util.TreeSet<>(STEMMERS.keySet()));
            }
        }

        @Override
        public TokenStream create(TokenStream in) {
            return fn.apply(in);
        }
    }

    private static final Map<String, Supplier<SnowballStemmer>> SNOWBALL = Map.of(
        "arabic", ArabicStemmer::new,
        "english", EnglishStemmer::new,
        "porter", org.tartarus.snowball.ext.PorterStemmer::new,
        "german", GermanStemmer::new,
        "german2", German2Stemmer::new,
        "russian", RussianStemmer::new,
        "turkish", TurkishStemmer::new
    );

    /** snowball: language (German, German2, English, Porter, Russian, Turkish, Arabic). */
    static final class SnowballFactory extends AbstractTokenFilterFactory {
        private final Supplier<SnowballStemmer> stemmer;

        SnowballFactory(IndexSettings is, Environment env, String name, Settings s) {
            super(name, s);
            String lang = s.get("language", "English").toLowerCase(Locale.ROOT);
            stemmer = SNOWBALL.get(lang);
            if (stemmer == null) {
                throw new IllegalArgumentException("[" + name + "]: snowball language [" + lang + "] is not supported; supported: "
                    + new java.util.TreeSet<>(SNOWBALL.keySet()));
            }
        }

        @Override
        public TokenStream create(TokenStream in) {
            return new SnowballFilter(in, stemmer.get());
        }
    }

    /** elision: articles (default: the French ones), articles_case. */
    static final class ElisionFactory extends AbstractTokenFilterFactory implements NormalizingTokenFilterFactory {
        private final CharArraySet articles;

        ElisionFactory(IndexSettings is, Environment env, String name, Settings s) {
            super(name, s);
            CharArraySet parsed = Analysis.parseArticles(env, s);
            articles = parsed != null ? parsed : FrenchAnalyzer.DEFAULT_ARTICLES;
        }

        @Override
        public TokenStream create(TokenStream in) {
            return new ElisionFilter(in, articles);
        }
    }

    /** unique: only_on_same_position. */
    static final class UniqueFactory extends AbstractTokenFilterFactory {
        private final boolean onlyOnSamePosition;

        UniqueFactory(IndexSettings is, Environment env, String name, Settings s) {
            super(name, s);
            onlyOnSamePosition = s.getAsBoolean("only_on_same_position", false);
        }

        @Override
        public TokenStream create(TokenStream in) {
            if (onlyOnSamePosition) {
                return new RemoveDuplicatesTokenFilter(in);
            }
            return new TokenFilter(in) {
                private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
                private final PositionIncrementAttribute posInc = addAttribute(PositionIncrementAttribute.class);
                private final CharArraySet seen = new CharArraySet(8, false);

                @Override
                public boolean incrementToken() throws IOException {
                    int skipped = 0;
                    while (input.incrementToken()) {
                        char[] buf = term.buffer();
                        int len = term.length();
                        if (seen.contains(buf, 0, len)) {
                            skipped += posInc.getPositionIncrement();
                            continue;
                        }
                        char[] copy = new char[len];
                        System.arraycopy(buf, 0, copy, 0, len);
                        seen.add(copy);
                        posInc.setPositionIncrement(posInc.getPositionIncrement() + skipped);
                        return true;
                    }
                    return false;
                }

                @Override
                public void reset() throws IOException {
                    super.reset();
                    seen.clear();
                }
            };
        }
    }

    /** length: min, max. */
    static final class LengthFactory extends AbstractTokenFilterFactory {
        private final int min;
        private final int max;

        LengthFactory(IndexSettings is, Environment env, String name, Settings s) {
            super(name, s);
            min = s.getAsInt("min", 0);
            max = s.getAsInt("max", Integer.MAX_VALUE);
        }

        @Override
        public TokenStream create(TokenStream in) {
            return new LengthFilter(in, min, max);
        }
    }

    /** truncate: length. */
    static final class TruncateFactory extends AbstractTokenFilterFactory implements NormalizingTokenFilterFactory {
        private final int length;

        TruncateFactory(IndexSettings is, Environment env, String name, Settings s) {
            super(name, s);
            length = s.getAsInt("length", 10);
            if (length <= 0) {
                throw new IllegalArgumentException("length parameter must be provided");
            }
        }

        @Override
        public TokenStream create(TokenStream in) {
            return new TruncateTokenFilter(in, length);
        }
    }

    /** keyword_marker: keywords / keywords_path, ignore_case. */
    static final class KeywordMarkerFactory extends AbstractTokenFilterFactory {
        private final CharArraySet keywords;

        KeywordMarkerFactory(IndexSettings is, Environment env, String name, Settings s) {
            super(name, s);
            boolean ignoreCase = s.getAsBoolean("ignore_case", false);
            List<String> words = Analysis.getWordList(env, s, "keywords");
            if (words == null) {
                throw new IllegalArgumentException("keyword filter requires either `keywords` or `keywords_path` to be configured");
            }
            keywords = new CharArraySet(words, ignoreCase);
        }

        @Override
        public TokenStream create(TokenStream in) {
            return new SetKeywordMarkerFilter(in, keywords);
        }
    }

    /** ngram / edge_ngram: min_gram, max_gram, preserve_original. */
    static final class NGramFactory extends AbstractTokenFilterFactory {
        private final boolean edge;
        private final int minGram;
        private final int maxGram;
        private final boolean preserveOriginal;

        NGramFactory(String name, Settings s, boolean edge) {
            super(name, s);
            this.edge = edge;
            minGram = s.getAsInt("min_gram", 1);
            maxGram = s.getAsInt("max_gram", 2);
            preserveOriginal = s.getAsBoolean("preserve_original", false);
            if (minGram < 1 || maxGram < minGram) {
                throw new IllegalArgumentException("[" + name + "]: invalid min_gram [" + minGram + "] / max_gram [" + maxGram + "]");
            }
            if ("back".equalsIgnoreCase(s.get("side", "front"))) {
                throw new IllegalArgumentException("[" + name + "]: side=back is not supported; use a reverse filter");
            }
        }

        @Override
        public TokenStream create(TokenStream in) {
            return edge
                ? new EdgeNGramTokenFilter(in, minGram, maxGram, preserveOriginal)
                : new NGramTokenFilter(in, minGram, maxGram, preserveOriginal);
        }

        @Override
        public TokenFilterFactory getSynonymFilter() {
            return IDENTITY_FILTER;
        }
    }

    /** dictionary_decompounder: word_list / word_list_path, min_word_size, min_subword_size, max_subword_size, only_longest_match. */
    static final class DictionaryDecompounderFactory extends AbstractTokenFilterFactory {
        private final CharArraySet words;
        private final int minWordSize;
        private final int minSubwordSize;
        private final int maxSubwordSize;
        private final boolean onlyLongestMatch;

        DictionaryDecompounderFactory(IndexSettings is, Environment env, String name, Settings s) {
            super(name, s);
            minWordSize = s.getAsInt("min_word_size", DictionaryCompoundWordTokenFilter.DEFAULT_MIN_WORD_SIZE);
            minSubwordSize = s.getAsInt("min_subword_size", DictionaryCompoundWordTokenFilter.DEFAULT_MIN_SUBWORD_SIZE);
            maxSubwordSize = s.getAsInt("max_subword_size", DictionaryCompoundWordTokenFilter.DEFAULT_MAX_SUBWORD_SIZE);
            onlyLongestMatch = s.getAsBoolean("only_longest_match", false);
            List<String> list = Analysis.getWordList(env, s, "word_list");
            if (list == null) {
                throw new IllegalArgumentException("word_list must be provided for [" + name + "], either as a path to a file, or directly");
            }
            words = new CharArraySet(list, false);
        }

        @Override
        public TokenStream create(TokenStream in) {
            return new DictionaryCompoundWordTokenFilter(in, words, minWordSize, minSubwordSize, maxSubwordSize, onlyLongestMatch);
        }

        @Override
        public TokenFilterFactory getSynonymFilter() {
            return IDENTITY_FILTER;
        }
    }

    /** word_delimiter(_graph): the usual boolean flags plus protected_words. */
    static final class WordDelimiterFactory extends AbstractTokenFilterFactory {
        private final boolean graph;
        private final int flags;
        private final CharArraySet protectedWords;

        WordDelimiterFactory(String name, Settings s, boolean graph) {
            super(name, s);
            this.graph = graph;
            int f = 0;
            f |= flag(s, "generate_word_parts", true, WordDelimiterGraphFilter.GENERATE_WORD_PARTS);
            f |= flag(s, "generate_number_parts", true, WordDelimiterGraphFilter.GENERATE_NUMBER_PARTS);
            f |= flag(s, "catenate_words", false, WordDelimiterGraphFilter.CATENATE_WORDS);
            f |= flag(s, "catenate_numbers", false, WordDelimiterGraphFilter.CATENATE_NUMBERS);
            f |= flag(s, "catenate_all", false, WordDelimiterGraphFilter.CATENATE_ALL);
            f |= flag(s, "split_on_case_change", true, WordDelimiterGraphFilter.SPLIT_ON_CASE_CHANGE);
            f |= flag(s, "preserve_original", false, WordDelimiterGraphFilter.PRESERVE_ORIGINAL);
            f |= flag(s, "split_on_numerics", true, WordDelimiterGraphFilter.SPLIT_ON_NUMERICS);
            f |= flag(s, "stem_english_possessive", true, WordDelimiterGraphFilter.STEM_ENGLISH_POSSESSIVE);
            f |= flag(s, "ignore_keywords", false, WordDelimiterGraphFilter.IGNORE_KEYWORDS);
            flags = f;
            List<String> prot = s.getAsList("protected_words", List.of());
            protectedWords = prot.isEmpty() ? null : new CharArraySet(prot, false);
        }

        private static int flag(Settings s, String key, boolean dflt, int bit) {
            return s.getAsBoolean(key, dflt) ? bit : 0;
        }

        @Override
        @SuppressWarnings("deprecation")
        public TokenStream create(TokenStream in) {
            // WordDelimiterFilter uses the same bit values as the graph variant.
            return graph ? new WordDelimiterGraphFilter(in, flags, protectedWords) : new WordDelimiterFilter(in, flags, protectedWords);
        }

        @Override
        public TokenFilterFactory getSynonymFilter() {
            return IDENTITY_FILTER;
        }
    }
}
