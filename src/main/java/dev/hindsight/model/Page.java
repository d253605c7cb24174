package dev.hindsight.model;

/**
 * A plain content page from {@code content/pages/}, such as "Start here".
 *
 * @param slug     the URL slug
 * @param source   the source file, relative to the content folder
 * @param title    the title
 * @param weight   the order in navigation, lowest first
 * @param bodyHtml the sanitized rendered body
 * @param bodyText the body as plain text
 */
public record Page(String slug, String source, String title, int weight, String bodyHtml, String bodyText) {
    public Page {
        Validate.notBlank(slug, "slug");
        Validate.notNull(source, "source");
        Validate.notBlank(title, "title");
        Validate.notNull(bodyHtml, "bodyHtml");
        Validate.notNull(bodyText, "bodyText");
    }

    /** Returns the site-relative URL path, like {@code /start-here/}. */
    public String url() {
        return "/" + slug + "/";
    }
}
