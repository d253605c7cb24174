package dev.hindsight.index;

import dev.hindsight.model.SynonymGroup;
import dev.hindsight.model.Validate;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * The search synonyms as index terms: the shipped table ({@code synonyms.txt} beside this class) plus a site's own
 * groups. Each phrase becomes the terms of its words (stop words left out, stemmed as the index stems, a CJK word as
 * its bigrams), so {@code timed out} is {@code [time, out]} and {@code データベース} is {@code [デー, ータ, タベ, ベー,
 * ース]}. Applied at query time by {@link QueryPlanner} and, from the table in
 * the manifest, by the browser: changing them needs no reindex.
 */
public final class Synonyms {
    private static final String TABLE = "synonyms.txt";
    private final List<List<List<String>>> groups;

    private Synonyms(List<List<List<String>>> groups) {
        this.groups = groups;
    }

    /** Returns no synonyms. */
    public static Synonyms none() {
        return new Synonyms(List.of());
    }

    /** Returns the shipped table plus a site's groups. */
    public static Synonyms of(List<SynonymGroup> siteGroups) {
        Validate.notNull(siteGroups, "siteGroups");
        List<SynonymGroup> all = new ArrayList<>(shipped());
        all.addAll(siteGroups);
        SurfaceTerms mapper = new SurfaceTerms();
        List<List<List<String>>> out = new ArrayList<>();
        for (SynonymGroup g : all) {
            LinkedHashSet<List<String>> phrases = new LinkedHashSet<>();
            for (String p : g.phrases()) {
                List<String> terms = new ArrayList<>();
                for (String w : WordSplitter.queryWords(p)) {
                    for (String gram : CjkGrams.isRun(w) ? CjkGrams.distinctGrams(w) : List.of(w)) {
                        mapper.term(gram).ifPresent(terms::add);
                    }
                }
                if (!terms.isEmpty()) {
                    phrases.add(List.copyOf(terms));
                }
            }
            if (phrases.size() >= 2) {
                out.add(List.copyOf(phrases));
            }
        }
        return new Synonyms(List.copyOf(out));
    }

    /** Returns the groups, each a list of phrases, each phrase its terms. */
    public List<List<List<String>>> groups() {
        return groups;
    }

    /**
     * Finds the phrase of any group covering the most query words from {@code from} on, in a sequence of the words'
     * terms (one term for a word, a CJK word's bigrams, none for a word that cannot be part of a phrase): a phrase
     * matches when it is the words' terms put end to end.
     *
     * @return the group and how many words the phrase covers, if any phrase matches there
     */
    Optional<Match> longestAt(List<List<String>> terms, int from) {
        Match best = null;
        for (List<List<String>> g : groups) {
            for (List<String> phrase : g) {
                int n = covered(phrase, terms, from);
                if (n > 0 && (best == null || n > best.length())) {
                    best = new Match(g, n);
                }
            }
        }
        return Optional.ofNullable(best);
    }

    /** Returns how many words from {@code from} on spell a phrase exactly, or 0 when they do not. */
    private static int covered(List<String> phrase, List<List<String>> terms, int from) {
        int k = 0;
        int w = from;
        while (k < phrase.size() && w < terms.size()) {
            List<String> word = terms.get(w);
            if (word.isEmpty() || k + word.size() > phrase.size() || !phrase.subList(k, k + word.size()).equals(word)) {
                return 0;
            }
            k += word.size();
            w++;
        }
        return k == phrase.size() ? w - from : 0;
    }

    /**
     * A phrase found in a query.
     *
     * @param group  the group it belongs to (every phrase of it)
     * @param length how many query words it covers
     */
    record Match(List<List<String>> group, int length) {
    }

    private static List<SynonymGroup> shipped() {
        try (InputStream in = Synonyms.class.getResourceAsStream(TABLE)) {
            Validate.isTrue(in != null, "the shipped synonym table is missing from the jar");
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            List<SynonymGroup> out = new ArrayList<>();
            for (int i = 0; i < lines.length; i++) {
                String line = lines[i].strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                var parsed = SynonymGroup.parse(line, TABLE + ":" + (i + 1));
                Validate.isTrue(parsed.problems().isEmpty(), "shipped synonyms: " + parsed.problems());
                parsed.value().ifPresent(out::add);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("reading the shipped synonym table", e);
        }
    }
}
