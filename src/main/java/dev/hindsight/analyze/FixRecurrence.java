package dev.hindsight.analyze;

import dev.hindsight.model.Validate;

import java.time.LocalDate;
import java.util.List;

/**
 * An incident that came back after the fix: it recurs an earlier incident (by the recurrence rule in the index
 * stage, docs/report.md) whose action items were all closed before it started. It is the evidence for "did our
 * actions work?".
 *
 * @param later      the new incident
 * @param earlier    the earlier incident
 * @param causes     the cause categories both have, sorted
 * @param services   the service the cause was in, when the match rests on it (empty for a declared one)
 * @param lastClosed the day the earlier incident's last action item was closed
 * @param declared   true when the later incident names the earlier one in {@code recurrence_of}
 * @param why        why the two were matched, in words
 */
public record FixRecurrence(String later, String earlier, List<String> causes, List<String> services,
                            LocalDate lastClosed, boolean declared, String why) {
    public FixRecurrence {
        Validate.notBlank(later, "later");
        Validate.notBlank(earlier, "earlier");
        causes = List.copyOf(causes);
        services = List.copyOf(services);
        Validate.isTrue(declared || !causes.isEmpty() && !services.isEmpty(),
                "a fix recurrence is declared or shares a cause and a service");
        Validate.notNull(lastClosed, "lastClosed");
        Validate.notNull(why, "why");
    }
}
