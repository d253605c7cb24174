package dev.hindsight.analyze;

import dev.hindsight.model.Postmortem;
import dev.hindsight.model.Times;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An incident's time to detect and time to resolve as the report and the term pages use them, with where each came from.
 * Timestamps written in front matter come first, then durations the text states ("Time to detection: 8 minutes"),
 * then timestamps the loader took from the timeline. Nothing else is used: a missing value stays missing.
 *
 * @param slug      the incident
 * @param severity  its severity id, or ""
 * @param ttd       start to detection
 * @param ttdSource "front matter", "stated in text", "timeline" or ""
 * @param ttr       start to resolution (or recovery)
 * @param ttrSource as for ttd
 * @param missing   the timestamps the incident lacks: started, detected, resolved
 */
public record Timing(String slug, String severity, Optional<Duration> ttd, String ttdSource, Optional<Duration> ttr,
              String ttrSource, List<String> missing) {
    public static final String FRONT_MATTER = "front matter";
    public static final String STATED = "stated in text";
    public static final String TIMELINE = "timeline";

    public Timing {
        missing = List.copyOf(missing);
    }

    /** Works out an incident's timing. */
    public static Timing of(Postmortem p) {
        Times t = p.times();
        Durations stated = StatedDurations.of(p);
        boolean ttdInferred = p.inferred("times.started") || p.inferred("times.detected");
        boolean ttrInferred = p.inferred("times.started") || p.inferred("times.resolved");
        Optional<Duration> ttd = pick(t.timeToDetect(), ttdInferred, stated.toDetect());
        Optional<Duration> ttr = pick(t.timeToResolve(), ttrInferred, stated.toResolve());
        List<String> missing = new ArrayList<>();
        if (t.started().isEmpty()) {
            missing.add("started");
        }
        if (t.detected().isEmpty()) {
            missing.add("detected");
        }
        if (t.resolved().isEmpty()) {
            missing.add("resolved");
        }
        return new Timing(p.slug(), p.severity().orElse(""), ttd, source(t.timeToDetect(), ttdInferred, stated.toDetect()),
                ttr, source(t.timeToResolve(), ttrInferred, stated.toResolve()), missing);
    }

    private static Optional<Duration> pick(Optional<Duration> times, boolean inferred, Optional<Duration> stated) {
        if (times.isPresent() && !inferred) {
            return times;
        }
        return stated.isPresent() ? stated : times;
    }

    private static String source(Optional<Duration> times, boolean inferred, Optional<Duration> stated) {
        if (times.isPresent() && !inferred) {
            return FRONT_MATTER;
        }
        return stated.isPresent() ? STATED : times.isPresent() ? TIMELINE : "";
    }

    /** Returns true when both durations are known. */
    public boolean complete() {
        return ttd.isPresent() && ttr.isPresent();
    }
}
