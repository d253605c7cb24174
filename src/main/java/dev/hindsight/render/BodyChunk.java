package dev.hindsight.render;

/**
 * A piece of an incident body: either sanitized HTML, or a slot where the page shows structured data
 * (timeline, action items, lessons) in place of the raw table or list it was parsed from.
 *
 * @param kind      "html", "timeline", "actions" or "lessons"
 * @param html      for "html" chunks, the HTML; else ""
 * @param heading   for a slot whose section heading had to be added, its text; else ""
 * @param anchor    for such a slot, the heading's id; else ""
 * @param level     the heading level of the slot's section (2 to 6), for its sub-headings
 */
public record BodyChunk(String kind, String html, String heading, String anchor, int level) {

    /** Creates an HTML chunk. */
    static BodyChunk html(String html) {
        return new BodyChunk("html", html, "", "", 0);
    }

    /** Returns true when the slot needs a heading of its own. */
    public boolean hasHeading() {
        return !heading.isEmpty();
    }
}
