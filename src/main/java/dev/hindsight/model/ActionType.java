package dev.hindsight.model;

import java.util.Locale;
import java.util.Optional;

/** What an action item is for. */
public enum ActionType {
    MITIGATE, PREVENT, DETECT, PROCESS, OTHER;

    /** Returns the id used in front matter. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a front-matter value in any case; unknown values give empty. */
    public static Optional<ActionType> parse(String value) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        for (ActionType t : values()) {
            if (t.id().equals(v)) {
                return Optional.of(t);
            }
        }
        return switch (v) {
            case "prevention", "repair", "fix" -> Optional.of(PREVENT);
            case "mitigation" -> Optional.of(MITIGATE);
            case "detection", "monitoring", "alerting" -> Optional.of(DETECT);
            case "investigate", "documentation", "docs" -> Optional.of(PROCESS);
            default -> Optional.empty();
        };
    }
}
