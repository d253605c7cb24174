package dev.hindsight.model;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The key moments of an incident, each known or not.
 */
public record Times(Optional<Instant> started, Optional<Instant> detected, Optional<Instant> mitigated,
                    Optional<Instant> resolved) {

    /** Times with nothing known. */
    public static final Times UNKNOWN = new Times(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

    public Times {
        Validate.notNull(started, "started");
        Validate.notNull(detected, "detected");
        Validate.notNull(mitigated, "mitigated");
        Validate.notNull(resolved, "resolved");
    }

    /** Returns the time from start to detection, when both are known. */
    public Optional<Duration> timeToDetect() {
        return between(started, detected);
    }

    /** Returns the time from start to mitigation, when both are known. */
    public Optional<Duration> timeToMitigate() {
        return between(started, mitigated);
    }

    /** Returns the time from start to resolution, when both are known. */
    public Optional<Duration> timeToResolve() {
        return between(started, resolved);
    }

    /** Returns true when no moment is known. */
    public boolean isEmpty() {
        return started.isEmpty() && detected.isEmpty() && mitigated.isEmpty() && resolved.isEmpty();
    }

    private static Optional<Duration> between(Optional<Instant> a, Optional<Instant> b) {
        if (a.isEmpty() || b.isEmpty() || b.get().isBefore(a.get())) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(a.get(), b.get()));
    }
}
