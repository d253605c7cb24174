package dev.hindsight.model;

import java.util.Optional;

/**
 * One entry of a vocabulary in site.yml: a severity, cause, service or team.
 *
 * @param id          the id used in front matter
 * @param label       the display name
 * @param description a sentence, or empty
 * @param team        for a service, its owning team id
 */
public record Term(String id, String label, String description, Optional<String> team) {
    public Term {
        Validate.notBlank(id, "id");
        Validate.notBlank(label, "label");
        Validate.notNull(description, "description");
        Validate.notNull(team, "team");
    }
}
