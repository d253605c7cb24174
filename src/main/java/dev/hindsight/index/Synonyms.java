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
 * groups. Each phrase becomes the terms of its words (stop words left out, stemmed as the index stems), so
 * {@code timed out} is {@code [time, out]}. Applied at query time by {@link QueryPlanner} and, from the table in
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
                    mapper.term(w).ifPresent(terms::add);
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
     * Finds the longest phrase of any group that starts at {@code from} in a sequence of terms.
     *
     * @return the group and the matched phrase's length, if any phrase matches there
     */
    Optional<Match> longestAt(List<Optional<String>> terms, int from) {
        Match best = null;
        for (List<List<String>> g : groups) {
            for (List<String> phrase : g) {
                int n = phrase.size();
                if (from + n > terms.size() || (best != null && n <= best.length())) {
                    continue;
                }
                boolean ok = true;
                for (int k = 0; k < n && ok; k++) {
                    ok = terms.get(from + k).map(phrase.get(k)::equals).orElse(false);
                }
                if (ok) {
                    best = new Match(g, n);
                }
            }
        }
        return Optional.ofNullable(best);
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
