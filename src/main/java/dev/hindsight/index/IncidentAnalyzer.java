package dev.hindsight.index;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.KeywordMarkerFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

import java.util.List;
import java.util.TreeSet;

/**
 * The analyzer for incident text: {@code EnglishAnalyzer}'s English handling on a tokenizer that keeps identifiers.
 *
 * <p>Why not plain {@code EnglishAnalyzer}: its StandardTokenizer splits {@code db-primary-02.internal} into
 * {@code db}, {@code primary}, {@code 02}, {@code internal} (the whole name is lost) and {@code PM2021-008} into
 * {@code pm2021}, {@code 008}, and
 * Porter then stems identifiers ({@code k8s} becomes {@code k8}). On-call engineers paste exactly those
 * identifiers. So the chain is:
 * <ol>
 *   <li>{@link IncidentTokenizer} ({@link WordSplitter}): words of letters and digits joined by {@code . - _ '};
 *       a compound such as {@code db-primary-02.internal} is indexed whole and as its parts ({@code db},
 *       {@code primary}, {@code 02}, {@code internal}) at consecutive positions; lower-cased; possessive
 *       {@code 's} dropped (EnglishPossessiveFilter's job); a run of Chinese, Japanese or Korean letters as its
 *       overlapping bigrams ({@link CjkGrams}, CJKBigramFilter's job), fullwidth ASCII as ASCII (CJKWidthFilter's);</li>
 *   <li>{@link StopFilter} with Lucene's English stop set (33 words; {@link #STOPWORDS});</li>
 *   <li>identifier guard: a word holding a digit or {@code . - _} ({@code k8s}, {@code x509}, {@code 503},
 *       {@code pm2021-008}) is marked as keyword and not stemmed;</li>
 *   <li>{@link PorterStemFilter}, as EnglishAnalyzer does, so {@code timeouts}/{@code timeout} and
 *       {@code connections}/{@code connection} meet.</li>
 * </ol>
 * {@code HTTP 503} is two words, {@code http} and {@code 503}; as a quoted phrase it must be adjacent.
 * Query words are analyzed with {@link #forQueries()}, which emits the compound only: a query for
 * {@code db-primary-02.internal} asks for that identifier, not for any document mentioning "primary".
 */
public final class IncidentAnalyzer extends Analyzer {
    /** The stop words, sorted; the browser client receives them in the manifest. */
    public static final List<String> STOPWORDS = stopwords();
    /** Changes whenever the analysis changes, so cached indexes are rebuilt. */
    public static final String VERSION = "incident-analyzer-5";

    private final boolean withParts;

    private IncidentAnalyzer(boolean withParts) {
        this.withParts = withParts;
    }

    /** Returns the analyzer used to index text: compounds and their parts. */
    public static IncidentAnalyzer forIndexing() {
        return new IncidentAnalyzer(true);
    }

    /** Returns the analyzer for one query word: a compound stays one term. */
    public static IncidentAnalyzer forQueries() {
        return new IncidentAnalyzer(false);
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer source = new IncidentTokenizer(withParts);
        TokenStream ts = new StopFilter(source, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
        ts = new IdentifierMarker(ts);
        ts = new PorterStemFilter(ts);
        return new TokenStreamComponents(source, ts);
    }

    private static List<String> stopwords() {
        TreeSet<String> words = new TreeSet<>();
        for (Object o : EnglishAnalyzer.ENGLISH_STOP_WORDS_SET) {
            words.add(new String((char[]) o));
        }
        return List.copyOf(words);
    }

    /** Marks identifiers (a digit or a compound joiner inside) so the stemmer leaves them alone. */
    private static final class IdentifierMarker extends KeywordMarkerFilter {
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

        IdentifierMarker(TokenStream in) {
            super(in);
        }

        @Override
        protected boolean isKeyword() {
            return isIdentifier(term);
        }
    }

    /** Returns true for a word that must not be stemmed: it holds a digit or one of {@code . - _}. */
    static boolean isIdentifier(CharSequence word) {
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (Character.isDigit(c) || c == '.' || c == '-' || c == '_') {
                return true;
            }
        }
        return false;
    }
}
