package org.wegweiser.analysis;

import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.ngram.EdgeNGramTokenizer;
import org.apache.lucene.analysis.ngram.NGramTokenizer;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.index.IndexSettings;
import org.elasticsearch.index.analysis.AbstractTokenizerFactory;

import java.util.List;
import java.util.Locale;
import java.util.function.IntPredicate;
import java.util.function.Supplier;

/** Tokenizer factories. */
final class Tokenizers {
    private Tokenizers() {}

    static AbstractTokenizerFactory simple(IndexSettings is, Settings s, String name, Supplier<Tokenizer> supplier) {
        return new AbstractTokenizerFactory(is, s, name) {
            @Override
            public Tokenizer create() {
                return supplier.get();
            }
        };
    }

    /** ngram / edge_ngram tokenizer: min_gram, max_gram, token_chars, custom_token_chars. */
    static final class NGramTokenizerFactory extends AbstractTokenizerFactory {
        private final boolean edge;
        private final int minGram;
        private final int maxGram;
        private final IntPredicate tokenChars; // null = every character

        NGramTokenizerFactory(IndexSettings is, Settings s, String name, boolean edge) {
            super(is, s, name);
            this.edge = edge;
            this.minGram = s.getAsInt("min_gram", edge ? 1 : 1);
            this.maxGram = s.getAsInt("max_gram", edge ? 2 : 2);
            if (minGram < 1 || maxGram < minGram) {
                throw new IllegalArgumentException("[" + name + "]: invalid min_gram [" + minGram + "] / max_gram [" + maxGram + "]");
            }
            this.tokenChars = parseTokenChars(s.getAsList("token_chars", List.of()), s.get("custom_token_chars", ""));
        }

        static IntPredicate parseTokenChars(List<String> classes, String custom) {
            if (classes.isEmpty()) {
                return null;
            }
            IntPredicate p = c -> false;
            for (String cls : classes) {
                switch (cls.toLowerCase(Locale.ROOT)) {
                    case "letter" -> p = p.or(Character::isLetter);
                    case "digit" -> p = p.or(Character::isDigit);
                    case "whitespace" -> p = p.or(Character::isWhitespace);
                    case "punctuation" -> p = p.or(c -> {
                        switch (Character.getType(c)) {
                            case Character.START_PUNCTUATION, Character.END_PUNCTUATION, Character.OTHER_PUNCTUATION,
                                Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION,
                                Character.FINAL_QUOTE_PUNCTUATION:
                                return true;
                            default:
                                return false;
                        }
                    });
                    case "symbol" -> p = p.or(c -> {
                        switch (Character.getType(c)) {
                            case Character.CURRENCY_SYMBOL, Character.MATH_SYMBOL, Character.OTHER_SYMBOL, Character.MODIFIER_SYMBOL:
                                return true;
                            default:
                                return false;
                        }
                    });
                    case "custom" -> {
                        final String chars = custom;
                        p = p.or(c -> chars.indexOf(c) >= 0);
                    }
                    default -> throw new IllegalArgumentException("Unknown token type: '" + cls
                        + "', must be one of [letter, digit, whitespace, punctuation, symbol, custom]");
                }
            }
            return p;
        }

        @Override
        public Tokenizer create() {
            final IntPredicate tc = tokenChars;
            if (edge) {
                if (tc == null) {
                    return new EdgeNGramTokenizer(minGram, maxGram);
                }
                return new EdgeNGramTokenizer(minGram, maxGram) {
                    @Override
                    protected boolean isTokenChar(int chr) {
                        return tc.test(chr);
                    }
                };
            }
            if (tc == null) {
                return new NGramTokenizer(minGram, maxGram);
            }
            return new NGramTokenizer(minGram, maxGram) {
                @Override
                protected boolean isTokenChar(int chr) {
                    return tc.test(chr);
                }
            };
        }
    }
}
