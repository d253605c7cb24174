package dev.hindsight.analyze;

import java.util.List;

/**
 * A cause that came back: the same cause (optionally on the same service) in several incidents, or a declared chain.
 *
 * @param kind    how the chain was found
 * @param cause   the cause id, or empty for a declared chain without a shared cause
 * @param service the service id when the chain is cause+service, else empty
 * @param slugs   the incidents in date order, oldest first
 */
public record Recurrence(Kind kind, String cause, String service, List<String> slugs) {

    /** How a recurrence was found. */
    public enum Kind { CAUSE, CAUSE_AND_SERVICE, DECLARED }

    public Recurrence {
        slugs = List.copyOf(slugs);
    }
}
