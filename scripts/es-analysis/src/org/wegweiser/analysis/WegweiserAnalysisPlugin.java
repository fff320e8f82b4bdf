package org.wegweiser.analysis;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.ar.ArabicAnalyzer;
import org.apache.lucene.analysis.ar.ArabicNormalizationFilter;
import org.apache.lucene.analysis.ar.ArabicStemFilter;
import org.apache.lucene.analysis.classic.ClassicTokenizer;
import org.apache.lucene.analysis.core.DecimalDigitFilter;
import org.apache.lucene.analysis.core.KeywordTokenizer;
import org.apache.lucene.analysis.core.LetterTokenizer;
import org.apache.lucene.analysis.core.WhitespaceTokenizer;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.de.GermanNormalizationFilter;
import org.apache.lucene.analysis.de.GermanStemFilter;
import org.apache.lucene.analysis.email.UAX29URLEmailTokenizer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.fa.PersianAnalyzer;
import org.apache.lucene.analysis.fa.PersianNormalizationFilter;
import org.apache.lucene.analysis.miscellaneous.KeywordRepeatFilter;
import org.apache.lucene.analysis.miscellaneous.TrimFilter;
import org.apache.lucene.analysis.ru.RussianAnalyzer;
import org.apache.lucene.analysis.tr.TurkishAnalyzer;
import org.elasticsearch.index.analysis.AnalyzerProvider;
import org.elasticsearch.index.analysis.TokenFilterFactory;
import org.elasticsearch.index.analysis.TokenizerFactory;
import org.elasticsearch.indices.analysis.AnalysisModule.AnalysisProvider;
import org.elasticsearch.plugins.AnalysisPlugin;
import org.elasticsearch.plugins.Plugin;

import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Wegweiser's stand-in for Elasticsearch's analysis-common module, which the
 * integ-test-zip distribution lacks. Registers the commonly used analysis
 * components under their standard Elasticsearch names, implemented with the
 * Lucene classes that ship in the distribution's lib/ directory.
 *
 * Not registered here because core Elasticsearch already has them:
 * tokenizer standard; token filters lowercase (pre-configured), stop,
 * shingle, hunspell; analyzers standard, simple, whitespace, keyword, stop,
 * classic.
 */
public class WegweiserAnalysisPlugin extends Plugin implements AnalysisPlugin {

    @Override
    public Map<String, AnalysisProvider<TokenizerFactory>> getTokenizers() {
        Map<String, AnalysisProvider<TokenizerFactory>> t = new TreeMap<>();
        t.put("keyword", (is, env, name, s) -> Tokenizers.simple(is, s, name,
            () -> new KeywordTokenizer(s.getAsInt("buffer_size", KeywordTokenizer.DEFAULT_BUFFER_SIZE))));
        t.put("whitespace", (is, env, name, s) -> Tokenizers.simple(is, s, name, WhitespaceTokenizer::new));
        t.put("letter", (is, env, name, s) -> Tokenizers.simple(is, s, name, LetterTokenizer::new));
        t.put("lowercase", (is, env, name, s) -> Tokenizers.simple(is, s, name, LowerCaseLetterTokenizer::new));
        t.put("classic", (is, env, name, s) -> Tokenizers.simple(is, s, name, ClassicTokenizer::new));
        t.put("uax_url_email", (is, env, name, s) -> Tokenizers.simple(is, s, name, UAX29URLEmailTokenizer::new));
        t.put("ngram", (is, env, name, s) -> new Tokenizers.NGramTokenizerFactory(is, s, name, false));
        t.put("edge_ngram", (is, env, name, s) -> new Tokenizers.NGramTokenizerFactory(is, s, name, true));
        return t;
    }

    @Override
    public Map<String, AnalysisProvider<TokenFilterFactory>> getTokenFilters() {
        Map<String, AnalysisProvider<TokenFilterFactory>> f = new TreeMap<>();
        f.put("asciifolding", Filters.AsciiFoldingFactory::new);
        f.put("lowercase", Filters.LowerCaseFactory::new);
        f.put("uppercase", normalizing(Filters::upperCase));
        f.put("german_normalization", normalizing(GermanNormalizationFilter::new));
        f.put("arabic_normalization", normalizing(ArabicNormalizationFilter::new));
        f.put("persian_normalization", normalizing(PersianNormalizationFilter::new));
        f.put("decimal_digit", normalizing(DecimalDigitFilter::new));
        f.put("trim", normalizing(TrimFilter::new));
        f.put("german_stem", plain(GermanStemFilter::new));
        f.put("arabic_stem", plain(ArabicStemFilter::new));
        f.put("keyword_repeat", plain(KeywordRepeatFilter::new));
        f.put("stemmer", Filters.StemmerFactory::new);
        f.put("snowball", Filters.SnowballFactory::new);
        f.put("elision", Filters.ElisionFactory::new);
        f.put("unique", Filters.UniqueFactory::new);
        f.put("length", Filters.LengthFactory::new);
        f.put("truncate", Filters.TruncateFactory::new);
        f.put("keyword_marker", AnalysisPlugin.requiresAnalysisSettings(Filters.KeywordMarkerFactory::new));
        f.put("ngram", (is, env, name, s) -> new Filters.NGramFactory(name, s, false));
        f.put("edge_ngram", (is, env, name, s) -> new Filters.NGramFactory(name, s, true));
        f.put("dictionary_decompounder", AnalysisPlugin.requiresAnalysisSettings(Filters.DictionaryDecompounderFactory::new));
        f.put("word_delimiter_graph", (is, env, name, s) -> new Filters.WordDelimiterFactory(name, s, true));
        f.put("word_delimiter", (is, env, name, s) -> new Filters.WordDelimiterFactory(name, s, false));
        f.put("synonym", AnalysisPlugin.requiresAnalysisSettings((is, env, name, s) -> new SynonymFilterFactory(env, name, s, false)));
        f.put("synonym_graph", AnalysisPlugin.requiresAnalysisSettings((is, env, name, s) -> new SynonymFilterFactory(env, name, s, true)));
        return f;
    }

    @Override
    public Map<String, AnalysisProvider<AnalyzerProvider<? extends Analyzer>>> getAnalyzers() {
        Map<String, AnalysisProvider<AnalyzerProvider<? extends Analyzer>>> a = new TreeMap<>();
        a.put("german", language(GermanAnalyzer.getDefaultStopSet(), GermanAnalyzer::new));
        a.put("english", language(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET, EnglishAnalyzer::new));
        a.put("arabic", language(ArabicAnalyzer.getDefaultStopSet(), ArabicAnalyzer::new));
        a.put("persian", language(PersianAnalyzer.getDefaultStopSet(), (stop, exclusions) -> Analyzers.persian(stop)));
        a.put("russian", language(RussianAnalyzer.getDefaultStopSet(), RussianAnalyzer::new));
        a.put("turkish", language(TurkishAnalyzer.getDefaultStopSet(), TurkishAnalyzer::new));
        return a;
    }

    private static AnalysisProvider<AnalyzerProvider<? extends Analyzer>> language(
        CharArraySet defaultStop, BiFunction<CharArraySet, CharArraySet, Analyzer> ctor) {
        return (is, env, name, s) -> new Analyzers.LanguageAnalyzerProvider(env, name, s, defaultStop, ctor);
    }

    private static AnalysisProvider<TokenFilterFactory> normalizing(Function<TokenStream, TokenStream> fn) {
        return (is, env, name, s) -> new Filters.SimpleNormalizingFactory(name, s, fn);
    }

    private static AnalysisProvider<TokenFilterFactory> plain(Function<TokenStream, TokenStream> fn) {
        return (is, env, name, s) -> new Filters.SimpleFactory(name, s, fn);
    }
}
