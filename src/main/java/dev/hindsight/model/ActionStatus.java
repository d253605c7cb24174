package dev.hindsight.model;

import java.util.Locale;
import java.util.Optional;

/** Where an action item stands. */
public enum ActionStatus {
    OPEN("open"), IN_PROGRESS("in-progress"), DONE("done"), WONT_DO("wont-do");

    private final String id;

    ActionStatus(String id) {
        this.id = id;
    }

    /** Returns the id used in front matter. */
    public String id() {
        return id;
    }

    /** Returns true when the item needs no more work. */
    public boolean isClosed() {
        return this == DONE || this == WONT_DO;
    }

    /** Parses a front-matter or table value, with common synonyms. */
    public static Optional<ActionStatus> parse(String value) {
        String v = value.trim().toLowerCase(Locale.ROOT).replace('_', '-').replace(' ', '-');
        for (ActionStatus s : values()) {
            if (s.id.equals(v)) {
                return Optional.of(s);
            }
        }
        return switch (v) {
            case "todo", "to-do", "new", "planned", "not-started" -> Optional.of(OPEN);
            case "doing", "started", "wip", "ongoing", "in-review" -> Optional.of(IN_PROGRESS);
            case "closed", "complete", "completed", "fixed", "resolved", "finished" -> Optional.of(DONE);
            case "wontdo", "won't-do", "wontfix", "won't-fix", "cancelled", "canceled", "dropped" -> Optional.of(WONT_DO);
            default -> Optional.empty();
        };
    }
}
