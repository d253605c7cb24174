package dev.hindsight.render;

import dev.hindsight.model.Postmortem;
import dev.hindsight.model.SiteConfig;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;

/**
 * Writes Atom 1.0 feeds of incidents. Every date comes from the incidents (their start day, or their resolution
 * time when known), never from the clock, so two builds of the same input give the same bytes.
 */
final class AtomFeed {
    /** How many incidents a feed carries, newest first. */
    static final int LIMIT = 50;

    private final SiteConfig config;

    AtomFeed(SiteConfig config) {
        this.config = config;
    }

    /**
     * Returns a feed document.
     *
     * @param title     the feed title
     * @param feedPath  the feed's own site path ("feed.xml")
     * @param pagePath  the site path of the HTML page the feed belongs to ("" or "services/x/")
     * @param incidents the incidents, any order; those with no known date are left out, since an Atom entry must
     *                  say when it was published, and a guess would change between builds
     */
    String feed(String title, String feedPath, String pagePath, List<Postmortem> incidents) {
        List<Postmortem> entries = incidents.stream().filter(p -> p.date().isPresent())
                .sorted(Comparator.comparing(AtomFeed::updatedOf).reversed().thenComparing(Postmortem::slug))
                .limit(LIMIT).toList();
        Instant updated = entries.stream().map(AtomFeed::updatedOf).max(Comparator.naturalOrder())
                .orElse(config.today().atStartOfDay(ZoneId.of("UTC")).toInstant());
        StringBuilder sb = new StringBuilder(4096);
        sb.append("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
        sb.append("<feed xmlns=\"http://www.w3.org/2005/Atom\"");
        if (!config.language().isBlank()) {
            sb.append(" xml:lang=\"").append(XmlText.escape(config.language())).append('"');
        }
        sb.append(">\n");
        line(sb, 1, "title", title);
        if (!config.description().isBlank()) {
            line(sb, 1, "subtitle", config.description());
        }
        line(sb, 1, "id", id(feedPath));
        sb.append("  <link rel=\"self\" type=\"application/atom+xml\" href=\"")
                .append(XmlText.escape(RelativeLinks.absolute(config.baseUrl(), feedPath))).append("\"/>\n");
        sb.append("  <link rel=\"alternate\" type=\"text/html\" href=\"")
                .append(XmlText.escape(RelativeLinks.absolute(config.baseUrl(), pagePath))).append("\"/>\n");
        line(sb, 1, "updated", updated.toString());
        sb.append("  <author><name>").append(XmlText.escape(config.title())).append("</name></author>\n");
        sb.append("  <generator>Hindsight</generator>\n");
        for (Postmortem p : entries) {
            entry(sb, p);
        }
        sb.append("</feed>\n");
        return sb.toString();
    }

    private void entry(StringBuilder sb, Postmortem p) {
        String path = "incidents/" + p.slug() + "/";
        sb.append("  <entry>\n");
        line(sb, 2, "title", (p.severity().map(s -> "[" + s + "] ").orElse("")) + p.title());
        sb.append("    <link rel=\"alternate\" type=\"text/html\" href=\"")
                .append(XmlText.escape(RelativeLinks.absolute(config.baseUrl(), path))).append("\"/>\n");
        line(sb, 2, "id", id(path));
        line(sb, 2, "published", startOf(p.date().orElseThrow()).toString());
        line(sb, 2, "updated", updatedOf(p).toString());
        for (String a : p.authors()) {
            sb.append("    <author><name>").append(XmlText.escape(a)).append("</name></author>\n");
        }
        for (String c : p.causes()) {
            sb.append("    <category term=\"").append(XmlText.escape(c)).append("\" label=\"")
                    .append(XmlText.escape(SiteConfig.label(config.causes(), c))).append("\"/>\n");
        }
        if (p.summary().isPresent() && !p.summary().get().isBlank()) {
            sb.append("    <summary type=\"text\">").append(XmlText.escape(p.summary().get())).append("</summary>\n");
        }
        sb.append("  </entry>\n");
    }

    /** A dated entry's update time: its resolution when known, else the start of its day. */
    static Instant updatedOf(Postmortem p) {
        Instant start = startOf(p.date().orElseThrow());
        return p.times().resolved().filter(r -> r.isAfter(start)).orElse(start);
    }

    private static Instant startOf(LocalDate day) {
        return day.atStartOfDay(ZoneId.of("UTC")).toInstant();
    }

    /** A permanent id: the absolute URL when the base URL is absolute, else a tag URI built from the path. */
    private String id(String path) {
        if (RelativeLinks.isAbsolute(config.baseUrl())) {
            return RelativeLinks.absolute(config.baseUrl(), path);
        }
        return "tag:hindsight.invalid,2024:" + (path.isEmpty() ? "/" : path);
    }

    private static void line(StringBuilder sb, int indent, String tag, String text) {
        sb.append("  ".repeat(indent)).append('<').append(tag).append('>').append(XmlText.escape(text))
                .append("</").append(tag).append(">\n");
    }
}
