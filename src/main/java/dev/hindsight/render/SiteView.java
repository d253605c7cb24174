package dev.hindsight.render;

/**
 * The site-wide values every template sees as {@code site}.
 *
 * @param title         the site title
 * @param description   one sentence about the site
 * @param baseUrl       the base URL from site.yml or --base-url
 * @param language      the page language, for {@code <html lang>}
 * @param today         the build's day (ISO), which overdue marks are measured against
 * @param feedPath      the site path of the site-wide Atom feed
 */
public record SiteView(String title, String description, String baseUrl, String language, String today,
                       String feedPath) {
}
