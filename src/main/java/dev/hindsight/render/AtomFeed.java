package dev.hindsight.render;

import dev.hindsight.model.Postmortem;
import dev.hindsight.model.SiteConfig;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

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
     * One entry of a feed.
     *
     * @param title      its title
     * @param path       the site path of the HTML page it links to
     * @param id         its permanent id
     * @param published  when it was first published
     * @param updated    when it last changed
     * @param authors    author names
     * @param categories category term and label pairs
     * @param summary    a text summary, or ""
     */
    record Entry(String title, String path, String id, Instant published, Instant updated, List<String> authors,
                 List<Map.Entry<String, String>> categories, String summary) {
        Entry {
            authors = List.copyOf(authors);
            categories = List.copyOf(categories);
        }
    }

    /**
     * Returns a feed document of incidents.
     *
     * @param title     the feed title
     * @param feedPath  the feed's own site path ("feed.xml")
     * @param pagePath  the site path of the HTML page the feed belongs to ("" or "services/x/")
     * @param incidents the incidents, any order; those with no known date are left out, since an Atom entry must
     *                  say when it was published, and a guess would change between builds
     */
    String feed(String title, String feedPath, String pagePath, List<Postmortem> incidents) {
        List<Entry> entries = incidents.stream().filter(p -> p.date().isPresent())
                .sorted(Comparator.comparing(AtomFeed::updatedOf).reversed().thenComparing(Postmortem::slug))
                .limit(LIMIT).map(this::entry).toList();
        return document(title, feedPath, pagePath, entries);
    }

    /**
     * Returns a feed document of entries, in the order given; the feed's update time is the latest entry's, else
     * the start of the site's today.
     */
    String document(String title, String feedPath, String pagePath, List<Entry> entries) {
        Instant updated = entries.stream().map(Entry::updated).max(Comparator.naturalOrder())
                .orElse(startOf(config.today()));
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
        for (Entry e : entries) {
            entry(sb, e);
        }
        sb.append("</feed>\n");
        return sb.toString();
    }

    private Entry entry(Postmortem p) {
        String path = "incidents/" + p.slug() + "/";
        return new Entry((p.severity().map(s -> "[" + s + "] ").orElse("")) + p.title(), path, id(path),
                startOf(p.date().orElseThrow()), updatedOf(p), p.authors(),
                p.causes().stream().map(c -> Map.entry(c, SiteConfig.label(config.causes(), c))).toList(),
                p.summary().orElse(""));
    }

    private void entry(StringBuilder sb, Entry e) {
        sb.append("  <entry>\n");
        line(sb, 2, "title", e.title());
        sb.append("    <link rel=\"alternate\" type=\"text/html\" href=\"")
                .append(XmlText.escape(RelativeLinks.absolute(config.baseUrl(), e.path()))).append("\"/>\n");
        line(sb, 2, "id", e.id());
        line(sb, 2, "published", e.published().toString());
        line(sb, 2, "updated", e.updated().toString());
        for (String a : e.authors()) {
            sb.append("    <author><name>").append(XmlText.escape(a)).append("</name></author>\n");
        }
        for (Map.Entry<String, String> c : e.categories()) {
            sb.append("    <category term=\"").append(XmlText.escape(c.getKey())).append("\" label=\"")
                    .append(XmlText.escape(c.getValue())).append("\"/>\n");
        }
        if (!e.summary().isBlank()) {
            sb.append("    <summary type=\"text\">").append(XmlText.escape(e.summary())).append("</summary>\n");
        }
        sb.append("  </entry>\n");
    }

    /** A dated entry's update time: its resolution when known, else the start of its day. */
    static Instant updatedOf(Postmortem p) {
        Instant start = startOf(p.date().orElseThrow());
        return p.times().resolved().filter(r -> r.isAfter(start)).orElse(start);
    }

    static Instant startOf(LocalDate day) {
        return day.atStartOfDay(ZoneId.of("UTC")).toInstant();
    }

    /** A permanent id: the absolute URL when the base URL is absolute, else a tag URI built from the path. */
    String id(String path) {
        if (RelativeLinks.isAbsolute(config.baseUrl())) {
            return RelativeLinks.absolute(config.baseUrl(), path);
        }
        return tag(path);
    }

    /** A tag URI (RFC 4151) of the base URL's host ("hindsight.invalid" without one) for a name that is no page. */
    String tag(String name) {
        return "tag:" + host(config.baseUrl()) + ",2024:" + (name.isEmpty() ? "/" : name);
    }

    /** Returns the host of an absolute base URL, else "hindsight.invalid": the domain of ids that are not pages. */
    static String host(String baseUrl) {
        if (!RelativeLinks.isAbsolute(baseUrl)) {
            return "hindsight.invalid";
        }
        String rest = baseUrl.substring(baseUrl.indexOf("//") + 2);
        String host = rest.replaceFirst("[/:?#].*$", "").replaceFirst("^.*@", "");
        return host.isEmpty() ? "hindsight.invalid" : host.toLowerCase(java.util.Locale.ROOT);
    }

    private static void line(StringBuilder sb, int indent, String tag, String text) {
        sb.append("  ".repeat(indent)).append('<').append(tag).append('>').append(XmlText.escape(text))
                .append("</").append(tag).append(">\n");
    }
}
