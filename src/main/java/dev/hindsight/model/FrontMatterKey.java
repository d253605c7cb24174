package dev.hindsight.model;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Every front-matter key Hindsight understands, in one documented place.
 * Keys not listed here are kept in {@link Postmortem#extra()} and reported as an info note, unless {@link KeyAliases}
 * reads them as one of these. The README's authoring guide is written from this list, and a test checks they agree.
 */
public enum FrontMatterKey {
    TITLE("title", "string", "Required. The incident title; else the first H1, else the file name."),
    DATE("date", "YYYY-MM-DD", "The day the incident started; else the day of times.started, else found in the title, file name, folders or text (docs/file-handling.md). Without one the incident is published under \"Date unknown\" with a warning. A date before " + DateRange.FIRST + " or more than a year after today (`0023-05-01`, `9999-12-31`) is taken for a typo: a `date-range` warning, and the incident is undated."),
    SEVERITY("severity", "id", "A severity id from site.yml (SEV1...)."),
    STATUS("status", "draft | in-review | published", "Review status. Drafts are built only with --drafts. Default: published."),
    SUMMARY("summary", "string", "One paragraph; else the first paragraph of the Summary section."),
    SERVICES("services", "list of ids", "Affected services, from site.yml when it lists services."),
    TEAMS("teams", "list of ids", "Teams involved, from site.yml when it lists teams."),
    TAGS("tags", "list of strings", "Free tags; one text is split at commas (Jekyll's `tags` and `categories` without "
            + "commas at spaces, as Jekyll does); else a 'Category:' line in the body."),
    CAUSES("causes", "list of ids", "Contributing-factor categories from site.yml; several allowed."),
    TRIGGER("trigger", "string", "What set the incident off (config-push, deploy, traffic-spike...)."),
    DETECTION("detection", "alert | customer | internal | ...", "How the incident was found."),
    NEAR_MISS("near_miss", "boolean", "True for a near miss: no or little customer impact."),
    ESSENTIAL("essential", "boolean", "True to highlight it as an essential read on the History page."),
    TIMES("times", "map", "started, detected, mitigated, resolved as ISO-8601 with zone, and duration (2h 30m); else from the timeline.",
            "started", "detected", "mitigated", "resolved", "duration"),
    IMPACT("impact", "map", "users_affected, customer_facing, support_tickets. Free text is kept as extra data.",
            "users_affected", "customer_facing", "support_tickets"),
    AUTHORS("authors", "list of strings", "Who wrote the postmortem (people or rotations)."),
    RELATED("related", "list of slugs", "Related incidents; each gets a backlink."),
    RECURRENCE_OF("recurrence_of", "list of slugs", "Earlier incidents this one is a recurrence of."),
    NOT_RECURRENCE_OF("not_recurrence_of", "list of slugs", "Earlier incidents this one is not a recurrence of, though they look alike (vetoes a match)."),
    CAUSAL_SERVICE("causal_service", "id", "The service the cause was in (of the affected ones); else the one service the root cause names."),
    ACTION_ITEMS("action_items", "list of maps", "title, type, owner, due, status, closed, link, outcome; else an Action Items table or task list."),
    SLUG("slug", "string", "Overrides the URL slug taken from the file name. A path (`/incidents/db-outage/`, as "
            + "Docusaurus writes it) gives its last part, with a note."),
    WEIGHT("weight", "number", "For pages: the order in navigation.");

    private final String key;
    private final String type;
    private final String description;
    private final List<String> parts;

    FrontMatterKey(String key, String type, String description, String... parts) {
        this.key = key;
        this.type = type;
        this.description = description;
        this.parts = List.of(parts);
    }

    /** Returns the key as written in front matter. */
    public String key() {
        return key;
    }

    /** Returns the expected value type, for documentation. */
    public String type() {
        return type;
    }

    /** Returns a one-line description, for documentation. */
    public String description() {
        return description;
    }

    /** Returns the keys of a map-valued key ({@code times}, {@code impact}); empty for the others. */
    public List<String> parts() {
        return parts;
    }

    /** Finds a key by its front-matter name, accepting '-' for '_' and any case. */
    public static Optional<FrontMatterKey> of(String name) {
        String n = name.trim().toLowerCase(java.util.Locale.ROOT).replace('-', '_');
        return Arrays.stream(values()).filter(k -> k.key.equals(n)).findFirst();
    }
}
