package dev.hindsight.report;

import dev.hindsight.analyze.Durations;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;

/**
 * Formats numbers the way the report shows them, the same in every output and locale.
 */
final class ReportFormat {
    private ReportFormat() {
    }

    /** Returns a share as a whole percentage, rounded half up ("67%"); "n/a" for an empty whole. */
    static String percent(long part, long whole) {
        if (whole == 0) {
            return "n/a";
        }
        return BigDecimal.valueOf(part * 100L).divide(BigDecimal.valueOf(whole), 0, RoundingMode.HALF_UP) + "%";
    }

    /** Returns "3 of 5 (60%)". */
    static String countOf(long part, long whole) {
        return part + " of " + whole + (whole == 0 ? "" : " (" + percent(part, whole) + ")");
    }

    /** Returns a duration rounded to the minute, compactly ("45 min", "2 h 05 min", "3 d 4 h"). */
    static String duration(Duration d) {
        return Durations.format(Duration.ofMinutes(Math.round(d.getSeconds() / 60.0)));
    }

    /** Returns a signed change ("+3", "−2", "no change"). */
    static String change(long n) {
        return n > 0 ? "+" + n : n < 0 ? "\u2212" + (-n) : "no change";
    }

    /** Returns "1 incident" or "3 incidents". */
    static String plural(long n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }
}
