package dev.hindsight.index;

import dev.hindsight.model.Postmortem;
import dev.hindsight.model.SiteConfig;
import dev.hindsight.model.Term;
import dev.hindsight.model.Validate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * Writes the facet columns ({@code facet.<hash>/<n>.bin}), one file per dimension: its values and, per document,
 * the ordinals of its values. The client filters (any value within a dimension, every dimension) and counts (each
 * dimension over the results filtered by the other dimensions) from them.
 *
 * <p>Layout of a dimension file: {@code uv values}; per value {@code str id} and {@code str label}; then per
 * document {@code uv count}; then per document its ordinals, ascending, each {@code uv} (counts and ordinals
 * apart compress better). The year needs no file: documents are numbered newest first, so each year is a range
 * of document numbers, listed in the manifest. The manifest also gives each file's size, so the client can load
 * small columns with every query and leave big ones (tags, teams at 10,000 incidents) until they are shown.
 * Separate per-value document lists would repeat these columns, so the export has none.
 */
final class FacetExport {
    /** Display titles of the dimensions. */
    static final Map<String, String> TITLES = Map.of("causes", "Cause", "services", "Service", "teams", "Team",
            "severity", "Severity", "year", "Year", "tags", "Tag");
    /** Dimensions listed in their own order (not by count). */
    static final List<String> NATURAL = List.of("severity", "year");

    /**
     * One dimension as exported.
     *
     * @param id    the dimension
     * @param file  its file number in the folder, or -1 for the year (derived from document ranges)
     * @param bytes the compressed size of its file
     */
    record Dim(String id, int file, int bytes) {
    }

    private final List<Dim> dims = new ArrayList<>();
    private final List<Map.Entry<String, Integer>> years = new ArrayList<>();
    private String folder = "";

    /** Writes the dimension files of documents numbered newest first. */
    void write(List<Postmortem> docs, SiteConfig config, SearchFiles files) {
        List<byte[]> payloads = new ArrayList<>();
        for (String dim : IndexFields.FACETS) {
            if (dim.equals("year")) {
                yearRanges(docs);
                dims.add(new Dim(dim, -1, 0));
                continue;
            }
            byte[] payload = column(docs, dim, config);
            dims.add(new Dim(dim, payloads.size(), files.compressed(payload, true).length));
            payloads.add(payload);
        }
        folder = files.addGroup("facet", payloads, true);
    }

    String folder() {
        return folder;
    }

    List<Dim> dims() {
        return dims;
    }

    /** Returns each year (newest first) with its first document number. */
    List<Map.Entry<String, Integer>> years() {
        return years;
    }

    /** Finds each year's first document; incidents with no known date come last, as one range of their own. */
    private void yearRanges(List<Postmortem> docs) {
        String previous = "";
        for (int d = 0; d < docs.size(); d++) {
            Validate.isTrue(d == 0 || Postmortem.NEWEST_FIRST.compare(docs.get(d - 1), docs.get(d)) <= 0,
                    "documents must be numbered newest first");
            String y = docs.get(d).yearTerm();
            if (!y.equals(previous)) {
                years.add(Map.entry(y, d));
                previous = y;
            }
        }
    }

    private static byte[] column(List<Postmortem> docs, String dim, SiteConfig config) {
        List<String> values = values(docs, dim, config);
        Map<String, Integer> ord = new HashMap<>();
        ByteSink head = new ByteSink().uv(values.size());
        for (int i = 0; i < values.size(); i++) {
            ord.put(values.get(i), i);
            head.str(values.get(i)).str(label(config, dim, values.get(i)));
        }
        ByteSink counts = new ByteSink();
        ByteSink ords = new ByteSink();
        for (Postmortem p : docs) {
            List<Integer> list = new ArrayList<>();
            IndexFields.facet(p, dim).forEach(v -> list.add(ord.get(v)));
            list.sort(Comparator.naturalOrder());
            counts.uv(list.size());
            list.forEach(ords::uv);
        }
        return head.raw(counts).raw(ords).bytes();
    }

    private static List<String> values(List<Postmortem> docs, String dim, SiteConfig config) {
        TreeSet<String> set = new TreeSet<>();
        docs.forEach(p -> set.addAll(IndexFields.facet(p, dim)));
        List<String> list = new ArrayList<>(set);
        if (dim.equals("severity")) {
            list.sort(Comparator.comparingInt(config::severityRank).thenComparing(Comparator.naturalOrder()));
        } else {
            list.sort(Comparator.comparing((String v) -> label(config, dim, v).toLowerCase(Locale.ROOT))
                    .thenComparing(Comparator.naturalOrder()));
        }
        return list;
    }

    private static String label(SiteConfig config, String dim, String value) {
        List<Term> vocabulary = switch (dim) {
            case "causes" -> config.causes();
            case "services" -> config.services();
            case "teams" -> config.teams();
            case "severity" -> config.severities();
            default -> List.of();
        };
        return SiteConfig.label(vocabulary, value);
    }
}
