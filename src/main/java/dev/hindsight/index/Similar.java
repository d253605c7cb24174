package dev.hindsight.index;

import java.util.ArrayList;
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
        return String.join("; ", reasons());
    }

    /** Returns the reason's parts, each a kind and its values: "same cause: config-change", "shared terms: coredns". */
    public List<String> reasons() {
        List<String> out = new ArrayList<>(3);
        if (!sharedCauses.isEmpty()) {
            out.add("same cause: " + String.join(", ", sharedCauses));
        }
        if (!sharedServices.isEmpty()) {
            out.add("same service: " + String.join(", ", sharedServices));
        }
        if (!terms.isEmpty()) {
            out.add("shared terms: " + String.join(", ", terms));
        }
        return out;
    }
}
