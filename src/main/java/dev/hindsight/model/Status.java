package dev.hindsight.model;

import java.util.Locale;
import java.util.Optional;

/** The review status of a postmortem. */
public enum Status {
    DRAFT("draft"), IN_REVIEW("in-review"), PUBLISHED("published");

    private final String id;

    Status(String id) {
        this.id = id;
    }

    /** Returns the id used in front matter. */
    public String id() {
        return id;
    }

    /** Parses a front-matter value, accepting {@code in_review} and any case. */
    public static Optional<Status> parse(String value) {
        String v = value.trim().toLowerCase(Locale.ROOT).replace('_', '-').replace(' ', '-');
        for (Status s : values()) {
            if (s.id.equals(v)) {
                return Optional.of(s);
            }
        }
        if (v.equals("review") || v.equals("inreview")) {
            return Optional.of(IN_REVIEW);
        }
        if (v.equals("final") || v.equals("complete") || v.equals("done")) {
            return Optional.of(PUBLISHED);
        }
        return Optional.empty();
    }
}
