package dev.hindsight.index;

import java.util.List;

/**
 * An incident similar to another, with the reasons a reader can check.
 *
 * @param slug           the similar incident
 * @param score          a relative score, higher is more similar
 * @param sharedCauses   cause ids both have
 * @param sharedServices service ids both have
 * @param terms          distinctive words both share
 */
public record Similar(String slug, double score, List<String> sharedCauses, List<String> sharedServices,
                      List<String> terms) {
    public Similar {
        sharedCauses = List.copyOf(sharedCauses);
        sharedServices = List.copyOf(sharedServices);
        terms = List.copyOf(terms);
    }

    /** Returns the reason as one line, e.g. "same cause: config-change; same service: dns; shared terms: coredns". */
    public String reason() {
        StringBuilder sb = new StringBuilder();
        if (!sharedCauses.isEmpty()) {
            sb.append("same cause: ").append(String.join(", ", sharedCauses));
        }
        if (!sharedServices.isEmpty()) {
            sb.append(sb.isEmpty() ? "" : "; ").append("same service: ").append(String.join(", ", sharedServices));
        }
        if (!terms.isEmpty()) {
            sb.append(sb.isEmpty() ? "" : "; ").append("shared terms: ").append(String.join(", ", terms));
        }
        return sb.toString();
    }
}
