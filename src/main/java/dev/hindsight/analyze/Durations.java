package dev.hindsight.analyze;

import java.time.Duration;
import java.util.Optional;

/**
 * The derived durations of one incident; each is empty when its timestamps are missing (never guessed).
 *
 * @param toDetect   start to detection
 * @param toMitigate start to mitigation
 * @param toResolve  start to resolution
 */
public record Durations(Optional<Duration> toDetect, Optional<Duration> toMitigate, Optional<Duration> toResolve) {

    /** Formats a duration compactly: "45 min", "2 h 05 min", "3 d 4 h". */
    public static String format(Duration d) {
        long minutes = d.toMinutes();
        if (minutes < 60) {
            return minutes + " min";
        }
        long hours = minutes / 60;
        if (hours < 48) {
            long rest = minutes % 60;
            return hours + (rest < 10 ? " h 0" : " h ") + rest + " min";
        }
        return (hours / 24) + " d " + (hours % 24) + " h";
    }
}
