package dev.hindsight.index;

import dev.hindsight.model.Postmortem;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.util.BytesRef;

import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The fields of an incident in the Lucene index, their weights, and how a {@link Postmortem} fills them.
 *
 * <p>Text fields, each scored with BM25 and multiplied by its weight (short queries: {@code title} 3,
 * {@code keywords} 2, {@code summary} 1.5, {@code body} 1; descriptions and pasted text: 0.25 for the first three, 1
 * for the body): {@code title}, {@code keywords} (services, teams, tags, causes, trigger and identifiers in the source file name, so
 * {@code PM2021-008} finds the file of that name), {@code summary} and {@code body}.
 * With the keyword weights, symptom queries in other words than the title ranked their incident at MRR@10 0.50 on
 * content/ against 0.80 for plain BM25 over the raw Markdown; with the description weights, 0.71
 * (SymptomRelevanceIT). Facet fields (string terms for filtering,
 * sorted-set doc values for counting): {@code causes}, {@code services}, {@code teams}, {@code tags},
 * {@code severity}, {@code year}. {@code order} holds the key the index is sorted by, which puts the documents in the
 * order of the static export's numbers (newest first), so a Lucene doc id is that number ({@link IndexStore} checks it);
 * {@code hash} the digest of everything else a document holds, so an index can be brought up to date by replacing
 * only the documents whose digest changed.
 */
public final class IndexFields {
    /** Field weights for short queries (known-item lookups: a word in the title is the signal). */
    public static final Map<String, Float> KEYWORD_WEIGHTS = Map.of("title", 3f, "keywords", 2f, "summary", 1.5f, "body", 1f);
    /**
     * Field weights for descriptions and pasted text (relaxed and long modes): written in other words than the title,
     * so a title match is mostly chance, and BM25 already scores a word in a short field highly; the summary and the
     * keywords repeat the body's words, so a higher weight counts one word two or three times (docs/search.md).
     */
    public static final Map<String, Float> DESCRIPTION_WEIGHTS = Map.of("title", 0.25f, "keywords", 0.25f, "summary", 0.25f, "body", 1f);

    /** Returns the field weights a query mode scores with. */
    public static Map<String, Float> weights(QueryMode mode) {
        return mode == QueryMode.SHORT ? KEYWORD_WEIGHTS : DESCRIPTION_WEIGHTS;
    }

    /** Text fields in a fixed order. */
    public static final List<String> TEXT = List.of("title", "keywords", "summary", "body");
    /** Facet dimensions in display order. */
    public static final List<String> FACETS = List.of("causes", "services", "teams", "severity", "year", "tags");
    /** The field MoreLikeThis queries for similar incidents (keywords are compared as causes and services instead). */
    static final String[] SIMILAR_TEXT = {"body"};
    static final String ORDER = "order";
    static final String HASH = "hash";
    static final String SLUG = "slug";
    static final String SOURCE = "source";
    static final String DATE = "date";
    /** The incident date as an epoch day point, for date ranges. */
    static final String DAY = "day";

    private IndexFields() {
    }

    /** Returns the text of one text field of an incident, as indexed. */
    public static String text(Postmortem p, String field) {
        return switch (field) {
            case "title" -> p.title();
            case "keywords" -> keywords(p);
            case "summary" -> p.summary().orElse("");
            case "body" -> p.bodyText();
            default -> throw new IllegalArgumentException("not a text field: " + field);
        };
    }

    /** Returns the values of one facet dimension of an incident, sorted and without duplicates. */
    public static List<String> facet(Postmortem p, String dimension) {
        List<String> raw = switch (dimension) {
            case "causes" -> p.causes();
            case "services" -> p.services();
            case "teams" -> p.teams();
            case "tags" -> p.tags();
            case "severity" -> p.severity().map(List::of).orElse(List.of());
            case "year" -> List.of(p.yearTerm());
            default -> throw new IllegalArgumentException("not a facet: " + dimension);
        };
        TreeSet<String> set = new TreeSet<>();
        raw.stream().map(String::trim).filter(s -> !s.isEmpty()).forEach(set::add);
        return List.copyOf(set);
    }

    /** Builds the Lucene document of an incident; hash is the digest of its contents ({@link IndexStore#digest}). */
    static Document document(Postmortem p, String hash) {
        Document d = new Document();
        d.add(new SortedDocValuesField(ORDER, orderKey(p)));
        d.add(new StoredField(HASH, hash));
        d.add(new StringField(SLUG, p.slug(), Field.Store.YES));
        d.add(new StoredField(SOURCE, p.source()));
        d.add(new StoredField(DATE, p.isoDate()));
        p.date().ifPresent(day -> d.add(new org.apache.lucene.document.IntPoint(DAY, (int) day.toEpochDay())));
        for (String f : TEXT) {
            String text = text(p, f);
            d.add(new TextField(f, text, Field.Store.NO));
        }
        for (String dim : FACETS) {
            for (String v : facet(p, dim)) {
                d.add(new StringField(dim, v, Field.Store.NO));
                d.add(new SortedSetDocValuesField(dim, new BytesRef(v)));
            }
        }
        return d;
    }

    /**
     * Returns the key whose byte order is {@link Postmortem#NEWEST_FIRST}: undated incidents after dated ones, the
     * newer day first (twelve digits of a fixed number minus the epoch day), then the slug as UTF-16 code units,
     * big-endian, which compare as {@link String#compareTo} does (UTF-8 bytes would not, past U+FFFF).
     */
    static BytesRef orderKey(Postmortem p) {
        String day = p.date().map(d -> String.format(java.util.Locale.ROOT, "0%012d", DAY_OFFSET - d.toEpochDay())).orElse("1");
        String slug = p.slug();
        byte[] key = new byte[day.length() + 2 * slug.length()];
        for (int i = 0; i < day.length(); i++) {
            key[i] = (byte) day.charAt(i);
        }
        for (int i = 0; i < slug.length(); i++) {
            key[day.length() + 2 * i] = (byte) (slug.charAt(i) >>> 8);
            key[day.length() + 2 * i + 1] = (byte) slug.charAt(i);
        }
        return new BytesRef(key);
    }

    /** More than the epoch day of any {@link java.time.LocalDate}, so the difference is never negative. */
    private static final long DAY_OFFSET = 400_000_000_000L;

    private static String keywords(Postmortem p) {
        StringBuilder sb = new StringBuilder();
        for (List<String> list : List.of(p.services(), p.teams(), p.tags(), p.causes())) {
            list.forEach(v -> sb.append(v).append('\n'));
        }
        p.trigger().ifPresent(t -> sb.append(t).append('\n'));
        String name = p.source().substring(p.source().lastIndexOf('/') + 1);
        if (name.equals("index.md") && p.source().contains("/")) {
            String dir = p.source().substring(0, p.source().lastIndexOf('/'));
            name = dir.substring(dir.lastIndexOf('/') + 1);
        }
        for (String w : WordSplitter.queryWords(name.replaceFirst("\\.(md|markdown|txt)$", ""))) {
            List<String> parts = WordSplitter.isCompound(w) ? WordSplitter.parts(w) : List.of(w);
            if (parts.stream().anyMatch(IndexFields::mixesLettersAndDigits)) {
                sb.append(w).append('\n');
            }
        }
        return sb.toString();
    }

    private static boolean mixesLettersAndDigits(String w) {
        return w.chars().anyMatch(Character::isLetter) && w.chars().anyMatch(Character::isDigit);
    }

    /** Returns the analyzer for a whole document. */
    static org.apache.lucene.analysis.Analyzer analyzer() {
        return IncidentAnalyzer.forIndexing();
    }
}
