package dev.hindsight.report;

import dev.hindsight.model.Validate;

/**
 * A link in a note: its text and an absolute URL or a site path.
 *
 * @param text the link text
 * @param href an absolute URL, or a site path such as "incidents/x/index.html"
 */
public record Link(String text, String href) {
    public Link {
        Validate.notBlank(text, "text");
        Validate.notBlank(href, "href");
    }

    /** Returns true when the href is an absolute URL. */
    public boolean external() {
        return href.startsWith("http://") || href.startsWith("https://");
    }
}
