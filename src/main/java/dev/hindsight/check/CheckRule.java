package dev.hindsight.check;

import dev.hindsight.model.Problem;

import java.util.Locale;

/**
 * Every rule {@code hindsight check} applies, with its stable id and level. The README's rule table is written
 * from this list. Loader-level problems (invalid YAML, a missing title or date, wrong types) keep the loader's ids.
 */
public enum CheckRule {
    UNKNOWN_SEVERITY(Problem.Level.ERROR, "a severity that site.yml does not list"),
    UNKNOWN_CAUSE(Problem.Level.ERROR, "a cause category that site.yml does not list"),
    UNKNOWN_SERVICE(Problem.Level.ERROR, "a service that site.yml does not list"),
    UNKNOWN_TEAM(Problem.Level.ERROR, "a team that site.yml does not list"),
    DUPLICATE_SLUG(Problem.Level.ERROR, "two incidents with the same slug (URL)"),
    UNKNOWN_INCIDENT(Problem.Level.ERROR, "`related` or `recurrence_of` names an incident that does not exist"),
    BROKEN_LINK(Problem.Level.ERROR, "a link to an incident, page or Markdown file that does not exist"),
    FUTURE_DATE(Problem.Level.ERROR, "a date or time after today (one day of slack for time zones)"),
    TIMES_ORDER(Problem.Level.ERROR, "`times` not in the order started, detected, mitigated, resolved"),
    TIMELINE_DATE(Problem.Level.WARNING, "a timeline row dated " + TimeRule.FAR_DAYS + " days or more from the incident's"
            + " date, such as last year's date written in January"),
    MISSING_IMAGE(Problem.Level.WARNING, "an image that is not in the content folder (by its path from the file, or"
            + " from the content folder when it starts with `/`)"),
    FOOTNOTE_WITHOUT_NOTE(Problem.Level.WARNING, "a footnote reference (`[^2]`) whose note (`[^2]: ...`) the file does"
            + " not have: it shows as written"),
    UNKNOWN_ROOT_LINK(Problem.Level.WARNING, "a root-relative link (`/x/...`) to a top-level folder this site does not have;"
            + " often copied from another site, where a full URL was meant"),
    MISSING_SECTION(Problem.Level.WARNING, "a template section (Summary, Impact, Timeline, ...) is missing"),
    ACTION_ITEM_OWNER(Problem.Level.WARNING, "an action item without an owner"),
    ACTION_ITEM_DUE(Problem.Level.WARNING, "an open action item without a due date"),
    OUTCOME_NOT_DONE(Problem.Level.WARNING, "an `outcome` on an action item that is not done: only a done item can have helped"),
    NO_CAUSES(Problem.Level.WARNING, "a published incident with no cause categories"),
    BLAMELESS_LANGUAGE(Problem.Level.WARNING, "a phrase from site.yml's `blameless` rules"),
    PERSONAL_NAME(Problem.Level.WARNING, "a person's name outside the timeline"),
    UNFINISHED_TEXT(Problem.Level.WARNING, "TODO, TBD or FIXME left in the text, such as an unanswered template prompt"),
    SELF_REFERENCE(Problem.Level.WARNING, "an incident lists itself in `related` or `recurrence_of`"),
    RECURRENCE_ORDER(Problem.Level.WARNING, "`recurrence_of` names an incident that started later"),
    IMPORT_REVIEW(Problem.Level.WARNING, "a value `hindsight import` inferred or left empty, under a '# inferred:' or"
            + " '# fill in:' comment: confirm or fill it in, then delete the comment");

    private final Problem.Level level;
    private final String summary;

    CheckRule(Problem.Level level, String summary) {
        this.level = level;
        this.summary = summary;
    }

    /** Returns the stable id shown in brackets after each message. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Returns how serious a problem of this rule is. */
    public Problem.Level level() {
        return level;
    }

    /** Returns a one-line description, for documentation. */
    public String summary() {
        return summary;
    }

    /**
     * Returns true for the rules of Hindsight's own house style (our sections, owners and due dates, causes): a
     * collection whose site.yml declares no vocabularies has not adopted it, so there they are notes, not warnings.
     */
    public boolean houseStyle() {
        return this == MISSING_SECTION || this == ACTION_ITEM_OWNER || this == ACTION_ITEM_DUE || this == NO_CAUSES;
    }

    /**
     * Returns true for the errors a page can still show (a link that leads nowhere, a reference to a missing
     * incident, a date after today, times out of order): a collection that has not adopted the house style is
     * published with them as warnings, since one such file must not hold back a whole knowledge base. A site.yml
     * that declares vocabularies adopts the house style, and with it these errors as a gate.
     */
    public boolean pageCanShow() {
        return this == BROKEN_LINK || this == UNKNOWN_INCIDENT || this == FUTURE_DATE || this == TIMES_ORDER;
    }

    /** Creates a problem of this rule at a position of a file. */
    public Problem at(String path, Position pos, String message) {
        return new Problem(path, pos.line(), pos.column(), level, message, id());
    }

    /** Creates a problem of this rule with another level (for findings that are only likely, such as inferred values). */
    public Problem at(String path, Position pos, Problem.Level other, String message) {
        return new Problem(path, pos.line(), pos.column(), other, message, id());
    }
}
