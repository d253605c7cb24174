package dev.hindsight.analyze;

import dev.hindsight.model.Validate;

import java.time.LocalDate;
import java.util.List;

/**
 * An incident that came back after the fix: it repeats an earlier incident (declared with {@code recurrence_of}, or
 * the same causes on a shared service) whose action items were all closed before it started. It is the evidence for
 * "did our actions work?".
 *
 * @param later      the new incident
 * @param earlier    the earlier incident
 * @param causes     the cause categories both have, sorted
 * @param services   the services both affected, sorted
 * @param lastClosed the day the earlier incident's last action item was closed
 * @param declared   true when the later incident names the earlier one in {@code recurrence_of}
 */
public record FixRecurrence(String later, String earlier, List<String> causes, List<String> services,
                            LocalDate lastClosed, boolean declared) {
    public FixRecurrence {
        Validate.notBlank(later, "later");
        Validate.notBlank(earlier, "earlier");
        causes = List.copyOf(causes);
        services = List.copyOf(services);
        Validate.isTrue(declared || !causes.isEmpty() && !services.isEmpty(),
                "a fix recurrence is declared or shares a cause and a service");
        Validate.notNull(lastClosed, "lastClosed");
    }
}
