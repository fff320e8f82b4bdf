package org.wegweiser.analysis;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.StopwordAnalyzerBase;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.ar.ArabicNormalizationFilter;
import org.apache.lucene.analysis.core.DecimalDigitFilter;
import org.apache.lucene.analysis.fa.PersianCharFilter;
import org.apache.lucene.analysis.fa.PersianNormalizationFilter;
import org.apache.lucene.analysis.fa.PersianStemFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.index.analysis.AbstractIndexAnalyzerProvider;
import org.elasticsearch.index.analysis.Analysis;

import java.io.Reader;
import java.util.function.BiFunction;

/** Language analyzers with the standard "stopwords" / "stopwords_path" / "stem_exclusion" parameters. */
final class Analyzers {
    private Analyzers() {}

    static final class LanguageAnalyzerProvider extends AbstractIndexAnalyzerProvider<Analyzer> {
        private final Analyzer analyzer;

        LanguageAnalyzerProvider(Environment env, String name, Settings s, CharArraySet defaultStop,
                                 BiFunction<CharArraySet, CharArraySet, Analyzer> ctor) {
            super(name, s);
            CharArraySet stop = Analysis.parseStopWords(env, s, defaultStop);
            CharArraySet exclusions = Analysis.parseStemExclusion(s, CharArraySet.EMPTY_SET);
            analyzer = ctor.apply(stop, exclusions);
        }

        @Override
        public Analyzer get() {
            return analyzer;
        }
    }

    /**
     * Persian like Elasticsearch 8.x: Lucene's PersianAnalyzer chain plus
     * PersianStemFilter (Lucene 9's PersianAnalyzer does not stem).
     */
    static Analyzer persian(CharArraySet stop) {
        return new StopwordAnalyzerBase(stop) {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new StandardTokenizer();
                TokenStream result = new LowerCaseFilter(source);
                result = new DecimalDigitFilter(result);
                result = new ArabicNormalizationFilter(result);
                result = new PersianNormalizationFilter(result);
                result = new StopFilter(result, stopwords);
                result = new PersianStemFilter(result);
                return new TokenStreamComponents(source, result);
            }

            @Override
            protected TokenStream normalize(String fieldName, TokenStream in) {
                TokenStream result = new LowerCaseFilter(in);
                result = new DecimalDigitFilter(result);
                result = new ArabicNormalizationFilter(result);
                return new PersianNormalizationFilter(result);
            }

            @Override
            protected Reader initReader(String fieldName, Reader reader) {
                return new PersianCharFilter(reader);
            }
        };
    }
}
