package dev.hindsight.index;

import dev.hindsight.model.Validate;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Maps a surface word to its index term (stemmed unless it is an identifier), with a cache.
 * Not thread-safe: use one per thread.
 */
final class SurfaceTerms {
    private static final String NONE = "";
    private final Analyzer analyzer = IncidentAnalyzer.forQueries();
    private final Map<String, String> cache = new HashMap<>();

    /** Returns the index term of a lower-cased surface word, or empty for a stop word. */
    Optional<String> term(String surface) {
        Validate.notNull(surface, "surface");
        String t = cache.computeIfAbsent(surface, this::analyze);
        return t.isEmpty() ? Optional.empty() : Optional.of(t);
    }

    private String analyze(String surface) {
        try (TokenStream ts = analyzer.tokenStream("body", surface)) {
            CharTermAttribute att = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            String first = ts.incrementToken() ? att.toString() : NONE;
            ts.end();
            return first;
        } catch (IOException e) {
            throw new UncheckedIOException("reading a string cannot fail", e);
        }
    }
}
