package dev.hindsight.analyze;

import dev.hindsight.model.Validate;

import java.util.List;

/**
 * A cause that came back: the same cause (optionally on the same service) in several incidents, or a declared chain.
 *
 * @param kind    how the chain was found
 * @param cause   the cause id; for a declared chain the cause most of its incidents share, or "" when none is shared
 * @param service the service id when the chain is cause+service, else ""
 * @param slugs   the incidents in date order, oldest first, each once
 */
public record Recurrence(Kind kind, String cause, String service, List<String> slugs) {

    /** How a recurrence was found. */
    public enum Kind { CAUSE, CAUSE_AND_SERVICE, DECLARED }

    public Recurrence {
        Validate.notNull(kind, "kind");
        Validate.notNull(cause, "cause");
        Validate.notNull(service, "service");
        slugs = List.copyOf(slugs);
    }
}
