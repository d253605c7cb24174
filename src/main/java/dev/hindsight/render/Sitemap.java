package dev.hindsight.render;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListSet;

/**
 * Collects the HTML pages of a build and writes them as {@code sitemap.xml}, sorted by URL. No lastmod is given:
 * the build knows no honest modification date (incident dates are not page edit dates).
 * Safe to add to from several threads.
 */
final class Sitemap {
    private final Set<String> pages = new ConcurrentSkipListSet<>();

    /** Adds a page by its site path ("incidents/x/"). */
    void add(String pagePath) {
        pages.add(pagePath);
    }

    /** Returns the pages added so far, sorted. */
    List<String> pages() {
        return List.copyOf(pages);
    }

    /** Returns the sitemap document for a base URL. */
    String xml(String baseUrl) {
        StringBuilder sb = new StringBuilder(256 + pages.size() * 96);
        sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        sb.append("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        for (String page : pages) {
            sb.append("  <url><loc>").append(XmlText.escape(RelativeLinks.absolute(baseUrl, page))).append("</loc></url>\n");
        }
        sb.append("</urlset>\n");
        return sb.toString();
    }
}
