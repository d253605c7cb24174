package dev.hindsight.load;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads durations as people write them in postmortems: {@code 64 minutes}, {@code 7 hours},
 * {@code 54 hours 10 minutes}, {@code 0h 16m}, {@code 1d 5h 47m}, {@code 11 Days}, {@code 1.5 hours}.
 * Anything else ({@code N/A}, {@code ?}, {@code Xh Xm}) gives nothing.
 */
final class DurationText {
    private static final Pattern PART = Pattern.compile(
            "(\\d+(?:\\.\\d+)?)\\s*(days?|d|hours?|hrs?|h|minutes?|mins?|m|seconds?|secs?|s)(?![a-z])");
    private static final Pattern START = Pattern.compile("^[~\u2248]?\\s*\\d");

    private DurationText() {
    }

    /** Parses a duration at the start of a text; trailing words and notes are ignored. */
    static Optional<Duration> parse(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        if (!START.matcher(t).find()) {
            return Optional.empty();
        }
        Matcher m = PART.matcher(t);
        double seconds = 0;
        int parts = 0;
        int expected = t.length() - t.replaceFirst("^[~\u2248]\\s*", "").length();
        while (m.find()) {
            if (!t.substring(expected, m.start()).matches("(\\s|,|and)*")) {
                break;
            }
            double v = Double.parseDouble(m.group(1));
            String unit = m.group(2);
            seconds += v * switch (unit.charAt(0)) {
                case 'd' -> 86_400;
                case 'h' -> 3_600;
                case 'm' -> 60;
                default -> 1;
            };
            parts++;
            expected = m.end();
        }
        if (parts == 0 || seconds > 366L * 86_400) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofSeconds(Math.round(seconds)));
    }
}
