package dev.hindsight.index;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The words that only say when something happened: two incidents that share them are not alike for it, so
 * similar incidents never count them, as a reason or in the score.
 *
 * <p>They are: years (19xx and 20xx, so a size such as 2048 counts too: a rare reason given up); one- and
 * two-digit numbers, which are day numbers, hours and minutes (the pieces {@code 13:05} and {@code 2021-03-15}
 * are split into), with or without an ordinal ending ({@code 15th}); times of day written as one word
 * ({@code 13:05}, {@code 1305utc}, {@code 9am}, {@code 00z}) and whole dates ({@code 2021-03-15},
 * {@code 15.03.2021}, {@code 2021-03-15t13}); month names and their abbreviations; weekday names and their
 * abbreviations; {@code am}, {@code pm}; and time-zone abbreviations. "May" and "march" count although they are
 * also a verb: as a shared word the verb tells nothing either. Left out because they are ordinary words or
 * names in incident text: "sat" and "sun" (Sun's Java packages), "wet" and "west" ({@code us-west-2}); numbers
 * of three or more digits other than years ({@code 503}, {@code 1433}) and identifiers with a digit
 * ({@code x509}, {@code k8s}) are never calendar words.
 *
 * <p>Index terms are stemmed ("tuesday" is indexed as "tuesdai"), so each listed word is kept both as written and
 * as {@link IncidentAnalyzer} indexes it (the query analysis: an abbreviation such as {@code a.m} stays whole).
 */
final class CalendarWords {
    private static final List<String> MONTHS = List.of("january", "february", "march", "april", "may", "june", "july",
            "august", "september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
            "sep", "sept", "oct", "nov", "dec");
    private static final List<String> WEEKDAYS = List.of("monday", "tuesday", "wednesday", "thursday", "friday",
            "saturday", "sunday", "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri");
    private static final List<String> ZONES = List.of("utc", "gmt", "pst", "pdt", "mst", "mdt", "cst", "cdt", "est",
            "edt", "akst", "akdt", "hst", "bst", "ist", "cet", "cest", "eet", "eest", "msk", "jst", "kst", "sgt", "hkt",
            "aest", "aedt", "acst", "awst", "nzst", "nzdt");
    private static final List<String> DAY_HALVES = List.of("am", "pm", "a.m", "p.m");
    private static final String SUFFIX = "(?:am|pm|z|" + String.join("|", ZONES) + ")";
    private static final Pattern PATTERN = Pattern.compile(String.join("|",
            "(?:19|20)\\d{2}",
            "\\d{1,2}(?:st|nd|rd|th)?",
            "\\d{1,4}" + SUFFIX,
            "\\d{1,2}:\\d{2}(?::\\d{2})?" + SUFFIX + "?",
            "\\d{1,2}t\\d{1,2}",
            "(?:19|20)\\d{2}-\\d{2}(?:-\\d{2}(?:t\\d{1,2})?)?",
            "(?:19|20)\\d{2}[./]\\d{2}[./]\\d{2}",
            "\\d{1,2}[-./]\\d{1,2}[-./](?:19|20)\\d{2}"));
    private static final Set<String> WORDS = words();

    private CalendarWords() {
    }

    /** Returns true when a word, as written or as an index term, only says when something happened. */
    static boolean is(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        // Every form the pattern knows starts with an ASCII digit (\\d without UNICODE_CHARACTER_CLASS).
        return WORDS.contains(w) || startsWithDigit(w) && PATTERN.matcher(w).matches();
    }

    private static boolean startsWithDigit(String w) {
        return !w.isEmpty() && w.charAt(0) >= '0' && w.charAt(0) <= '9';
    }

    private static Set<String> words() {
        Set<String> out = new HashSet<>();
        try (Analyzer analyzer = IncidentAnalyzer.forQueries()) {
            for (List<String> list : List.of(MONTHS, WEEKDAYS, ZONES, DAY_HALVES)) {
                for (String w : list) {
                    out.add(w);
                    try (TokenStream ts = analyzer.tokenStream("body", w)) {
                        CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
                        ts.reset();
                        while (ts.incrementToken()) {
                            out.add(term.toString());
                        }
                        ts.end();
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(out);
    }
}
