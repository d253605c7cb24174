package dev.hindsight.analyze;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The summary statistics the report and the term pages use for durations: the median and the 90th percentile, never a mean.
 * The median of an even count is the midpoint of the two middle values. The p90 is the nearest-rank percentile:
 * the smallest value that at least 90% of the values do not exceed, always one of the values themselves.
 */
public final class Percentiles {
    private Percentiles() {
    }

    /** Returns the median of values, or empty for none. */
    public static Optional<Duration> median(List<Duration> values) {
        if (values.isEmpty()) {
            return Optional.empty();
        }
        List<Duration> s = values.stream().sorted().toList();
        int n = s.size();
        if (n % 2 == 1) {
            return Optional.of(s.get(n / 2));
        }
        return Optional.of(s.get(n / 2 - 1).plus(s.get(n / 2)).dividedBy(2));
    }

    /** Returns the nearest-rank percentile p (0 < p ≤ 100) of values, or empty for none. */
    public static Optional<Duration> nearestRank(List<Duration> values, int p) {
        if (values.isEmpty()) {
            return Optional.empty();
        }
        List<Duration> s = values.stream().sorted().toList();
        int rank = (int) Math.ceil(p / 100.0 * s.size());
        return Optional.of(s.get(Math.max(1, rank) - 1));
    }
}
