package dev.hindsight.model;

import java.util.List;
import java.util.Optional;

/**
 * One entry of a vocabulary in site.yml: a severity, cause, service or team.
 *
 * @param id          the id used in front matter
 * @param label       the display name
 * @param description a sentence, or empty
 * @param team        for a service, its owning team id
 * @param links       named links (runbook, dashboard, on-call...), in the order site.yml lists them
 */
public record Term(String id, String label, String description, Optional<String> team, List<LabelledLink> links) {
    public Term {
        Validate.notBlank(id, "id");
        Validate.notBlank(label, "label");
        Validate.notNull(description, "description");
        Validate.notNull(team, "team");
        links = List.copyOf(links);
    }

    /** Creates a term without links. */
    public Term(String id, String label, String description, Optional<String> team) {
        this(id, label, description, team, List.of());
    }
}
