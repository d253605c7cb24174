package dev.hindsight.render;

/**
 * The site-wide values every template sees as {@code site}.
 *
 * <p>The build's day is not one of them: every page's model holds this record, so a day in it would make every page
 * of the site new each day, and a daily build render them all again. A page that shows the day has it in its own
 * model as {@code asOf}, and only when it shows it (an incident page only when an item is overdue).
 *
 * @param title         the site title
 * @param description   one sentence about the site
 * @param baseUrl       the base URL from site.yml or --base-url
 * @param language      the page language, for {@code <html lang>}
 * @param feedPath      the site path of the site-wide Atom feed
 */
public record SiteView(String title, String description, String baseUrl, String language, String feedPath) {
}
