package dev.hindsight.report;

import java.time.Duration;
import java.util.List;

/**
 * The histogram buckets for durations, doubling roughly at each step because incident durations are long-tailed.
 */
final class DurationBuckets {
    /** Upper bounds in minutes (exclusive) of every bucket but the last. */
    private static final long[] BOUNDS = {15, 30, 60, 120, 240, 480, 1440, 4320};
    /** Bucket labels. */
    static final List<String> LABELS = List.of("<15m", "15\u201330m", "30m\u20131h", "1\u20132h", "2\u20134h", "4\u20138h",
            "8\u201324h", "1\u20133d", "\u22653d");
    /** Column keys of the buckets for tables. */
    static final List<String> KEYS = List.of("under15m", "from15to30m", "from30mTo1h", "from1to2h", "from2to4h", "from4to8h",
            "from8to24h", "from1to3d", "over3d");

    private DurationBuckets() {
    }

    /** Returns the bucket index of a duration. */
    static int of(Duration d) {
        long seconds = d.getSeconds();
        for (int i = 0; i < BOUNDS.length; i++) {
            if (seconds < BOUNDS[i] * 60) {
                return i;
            }
        }
        return BOUNDS.length;
    }

    /** Returns the count per bucket. */
    static List<Integer> counts(List<Duration> values) {
        int[] c = new int[LABELS.size()];
        values.forEach(d -> c[of(d)]++);
        return java.util.Arrays.stream(c).boxed().toList();
    }
}
