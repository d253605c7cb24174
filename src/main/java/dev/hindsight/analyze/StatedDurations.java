package dev.hindsight.analyze;

import dev.hindsight.model.Postmortem;
import dev.hindsight.model.Validate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads durations that a write-up states in words, such as "Time to detection: 8 minutes" or
 * "Time to recovery: 4 hours 42 minutes", common in postmortems without timestamps in front matter.
 * Values that are not a number with a unit ("?", "N/A") give nothing: a duration is never guessed.
 */
public final class StatedDurations {
    private static final String AMOUNT = "\\d+(?:[.,]\\d+)?\\s*(?:days?|d|hours?|hrs?|hr|h|minutes?|mins?|min|m|seconds?|secs?|s)\\b";
    static final Pattern STATEMENT = Pattern.compile(
            "time\\s+to\\s+(detection|detect|recovery|recover|resolution|resolve|mitigation|mitigate|repair)\\**\\s*[:=\\-\u2013]\\s*\\**\\s*"
                    + "((?:" + AMOUNT + "(?:\\s*,?\\s*(?:and\\s+)?)?)+)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern PART = Pattern.compile("(\\d+(?:[.,]\\d+)?)\\s*([a-z]+)", Pattern.CASE_INSENSITIVE);

    private StatedDurations() {
    }

    /** Returns the durations an incident's text states: detection, mitigation, and recovery or resolution. */
    public static Durations of(Postmortem p) {
        Validate.notNull(p, "p");
        return parse(p.bodyText());
    }

    /** Returns the durations stated in a text; the first statement of each kind wins. */
    public static Durations parse(String text) {
        Validate.notNull(text, "text");
        List<MatchResult> found = new ArrayList<>();
        Matcher m = STATEMENT.matcher(text);
        // Every statement starts with "time": the expression is tried only where the word is, which finds what
        // find() finds (case-insensitive scanning of every body was most of the analyze stage at 10,000 incidents).
        for (int at = nextTime(text, 0); at >= 0; at = nextTime(text, at)) {
            m.region(at, text.length());
            if (m.lookingAt()) {
                found.add(m.toMatchResult());
                at = m.end();
            } else {
                at++;
            }
        }
        return durations(found);
    }

    /** Returns the durations some statements give, in text order; the first statement of each kind wins. */
    static Durations durations(List<MatchResult> statements) {
        Optional<Duration> detect = Optional.empty();
        Optional<Duration> mitigate = Optional.empty();
        Optional<Duration> resolve = Optional.empty();
        for (MatchResult m : statements) {
            Optional<Duration> d = amount(m.group(2));
            String kind = m.group(1).toLowerCase(Locale.ROOT);
            if (kind.startsWith("detect")) {
                detect = detect.or(() -> d);
            } else if (kind.startsWith("mitigat")) {
                mitigate = mitigate.or(() -> d);
            } else {
                resolve = resolve.or(() -> d);
            }
        }
        return new Durations(detect, mitigate, resolve);
    }

    /**
     * Returns where "time" (its ASCII letters in any case, as {@link #STATEMENT} reads it) next starts, from an index
     * on; -1 when it does not. OR-ing 0x20 lower-cases exactly the ASCII capitals of these four letters.
     */
    static int nextTime(String text, int from) {
        for (int i = from, last = text.length() - 4; i <= last; i++) {
            if ((text.charAt(i) | 0x20) == 't' && (text.charAt(i + 1) | 0x20) == 'i' && (text.charAt(i + 2) | 0x20) == 'm'
                    && (text.charAt(i + 3) | 0x20) == 'e') {
                return i;
            }
        }
        return -1;
    }

    /** Parses "4 hours 42 minutes", "88 minutes", "1.5 h" into a duration. */
    static Optional<Duration> amount(String text) {
        Matcher m = PART.matcher(text);
        long seconds = 0;
        boolean any = false;
        while (m.find()) {
            double n = Double.parseDouble(m.group(1).replace(',', '.'));
            String unit = m.group(2).toLowerCase(Locale.ROOT);
            long factor = unit.startsWith("d") ? 86_400 : unit.startsWith("h") ? 3_600
                    : unit.startsWith("s") ? 1 : 60;
            seconds += Math.round(n * factor);
            any = true;
        }
        return any ? Optional.of(Duration.ofSeconds(seconds)) : Optional.empty();
    }
}
