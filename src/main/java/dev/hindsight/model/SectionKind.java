package dev.hindsight.model;

/** The kinds of body section the loader recognizes by heading. */
public enum SectionKind {
    SUMMARY("Summary"),
    IMPACT("Impact"),
    TIMELINE("Timeline"),
    ROOT_CAUSE("Root cause"),
    TRIGGER("Trigger"),
    DETECTION("Detection"),
    RESOLUTION("Resolution"),
    FIVE_WHYS("Five whys"),
    LESSONS("Lessons learned"),
    ACTION_ITEMS("Action items"),
    OTHER("Other");

    private final String label;

    SectionKind(String label) {
        this.label = label;
    }

    /** Returns the display label. */
    public String label() {
        return label;
    }
}
