package dev.hindsight.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A group of words and phrases that search treats as the same thing ({@code oom, out of memory}); written as one
 * line of comma-separated phrases, in the shipped table and in {@code site.yml}'s {@code search.synonyms}.
 *
 * @param phrases the phrases, lower-cased, each with at least one letter or digit
 * @param origin  where the group was read (file and line), for messages
 */
public record SynonymGroup(List<String> phrases, String origin) {
    /** Words a phrase may have, at most. */
    public static final int MAX_WORDS = 4;
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{Nd}]+");

    public SynonymGroup {
        phrases = List.copyOf(phrases);
        Validate.isTrue(phrases.size() >= 2, "a synonym group needs two phrases");
        Validate.notNull(origin, "origin");
    }

    /**
     * Parses one line of comma-separated phrases; returns the group, or the reason the line is malformed.
     *
     * @param line   the text, e.g. {@code k8s, kubernetes}
     * @param origin where it was read, for messages
     */
    public static Result<Optional<SynonymGroup>> parse(String line, String origin) {
        Validate.notNull(line, "line");
        List<Problem> problems = new ArrayList<>();
        if (line.contains("=>")) {
            return reject(origin, "one-way mappings (=>) are not supported; list equivalent phrases separated by commas");
        }
        List<String> phrases = new ArrayList<>();
        for (String raw : line.split(",", -1)) {
            String p = raw.trim().replaceAll("\\s+", " ").toLowerCase(java.util.Locale.ROOT);
            if (p.isEmpty()) {
                return reject(origin, "an empty phrase in `" + line.trim() + "` (two commas, or a comma at an end)");
            }
            if (!WORD.matcher(p).find()) {
                return reject(origin, "`" + p + "` has no letter or digit");
            }
            if (p.split(" ").length > MAX_WORDS) {
                return reject(origin, "`" + p + "` has more than " + MAX_WORDS + " words");
            }
            if (p.contains("\"")) {
                return reject(origin, "`" + p + "` holds a quote; write the words bare");
            }
            if (!phrases.contains(p)) {
                phrases.add(p);
            }
        }
        if (phrases.size() < 2) {
            return reject(origin, "`" + line.trim() + "` needs at least two different phrases, separated by commas");
        }
        return new Result<>(Optional.of(new SynonymGroup(phrases, origin)), problems);
    }

    private static Result<Optional<SynonymGroup>> reject(String origin, String message) {
        return new Result<>(Optional.empty(), List.of(Problem.error(origin, 0, "synonyms", "synonym " + message)));
    }
}
