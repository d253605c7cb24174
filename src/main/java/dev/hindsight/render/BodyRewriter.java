package dev.hindsight.render;

import dev.hindsight.model.Heading;
import dev.hindsight.model.Section;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.select.Elements;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Post-processes a body the loader has rendered and sanitized: heading anchors, link rewriting, lazy images,
 * scrollable tables, footnotes' ids and labels ({@link FootnoteLinks}), and slots where structured data replaces the
 * table or list it was parsed from.
 * It also removes anything a strict Content-Security-Policy would block (scripts, inline styles, handlers).
 */
final class BodyRewriter {
    /** Where a body is, and how to resolve what it links to. */
    interface Context {
        /** The page's root prefix ("../../"). */
        String root();

        /** The content-relative source file, for resolving relative links. */
        String source();

        /**
         * Returns the site path of the page a link leads to (a Markdown file, or a bundle's folder), or empty when it
         * leads to no page; the path is as written, without its fragment.
         */
        Optional<String> linkTarget(String linkPath);

        /** Places a relative image and returns its new src, or empty when the image does not exist. */
        Optional<String> image(String src);

        /**
         * Places a file of the content folder a link leads to (a PDF, a log) next to the page and returns the link's
         * new path, or empty when the link leads to no such file; the path is as written, without its fragment.
         */
        Optional<String> attachment(String linkPath);
    }

    /**
     * A request to put structured data in place of a section's raw table or list.
     *
     * @param kind     the slot kind ("timeline", "actions", "lessons")
     * @param section  the body section it was parsed from, if any
     * @param captured how many items were parsed (events, action items, lessons)
     * @param title    the heading to add when the body has no such section
     * @param append   whether to add the slot at the end when the body has no such section
     */
    record SlotRequest(String kind, Optional<Section> section, int captured, String title, boolean append) {
    }

    private static final Pattern ALIGN = Pattern.compile("text-align:(left|right|center);?");
    private static final Pattern UNSAFE_URL = Pattern.compile("(javascript|vbscript|data):.*", Pattern.DOTALL);
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern HEADING = Pattern.compile("h[1-6]");
    private static final Pattern LESSON_LABEL = Pattern.compile(".*(went well|went wrong|go well|gone better|went badly|lucky).*");
    private static final Evaluator H1_TO_H5 = QueryParser.parse("h1, h2, h3, h4, h5");
    private static final Evaluator H2_TO_H6 = QueryParser.parse("h2, h3, h4, h5, h6");
    private static final Evaluator TOC = QueryParser.parse("h2, h3, hindsight-slot[data-heading]");
    private static final Evaluator ROWS = QueryParser.parse("tr:has(td)");
    private static final Set<String> DROP = Set.of("script", "style", "iframe", "object", "embed", "form", "base",
            "link", "meta", "noscript", "frame", "frameset");

    private BodyRewriter() {
    }

    /** Rewrites a body; the title is used to drop a leading H1 that repeats it. */
    static RenderedBody rewrite(String html, String title, List<SlotRequest> slots, Context ctx) {
        Document doc = Jsoup.parseBodyFragment(html);
        doc.outputSettings().prettyPrint(false).charset("UTF-8");
        Element body = doc.body();
        harden(body);
        if (html.contains("footnote")) {
            FootnoteLinks.tidy(body);
        }
        headings(body, title);
        Set<String> ids = ids(body);
        for (SlotRequest r : slots) {
            slot(body, r, ids);
        }
        BodyLinks.links(body, ctx);
        BodyLinks.images(body, ctx);
        for (Element pre : body.getElementsByTag("pre")) {
            // A code block may scroll sideways; keyboard users must be able to reach it to scroll.
            pre.attr("tabindex", "0");
        }
        for (Element table : body.getElementsByTag("table")) {
            if (!table.parent().hasClass("table-wrap")) {
                table.wrap("<div class=\"table-wrap\" tabindex=\"0\"></div>");
            }
        }
        return new RenderedBody(chunks(body), toc(body));
    }

    /** Post-processes a fragment of inline HTML (a timeline event): hardening and link rewriting only. */
    static String inline(String html, Context ctx) {
        if (html.indexOf('<') < 0 && html.indexOf('&') < 0) {
            return html;
        }
        Document doc = Jsoup.parseBodyFragment(html);
        doc.outputSettings().prettyPrint(false).charset("UTF-8");
        harden(doc.body());
        if (html.contains("footnote-ref")) {
            FootnoteLinks.tidy(doc.body());
        }
        BodyLinks.links(doc.body(), ctx);
        return doc.body().html();
    }

    /** Removes active content and inline styles; table alignment becomes a class. */
    private static void harden(Element body) {
        List<Element> drop = new ArrayList<>();
        for (Element e : body.getAllElements()) {
            if (DROP.contains(e.normalName())) {
                drop.add(e);
                continue;
            }
            if (e.attributesSize() == 0) {
                continue;
            }
            List<String> remove = null;
            for (org.jsoup.nodes.Attribute a : e.attributes()) {
                String k = a.getKey();
                if (k.regionMatches(true, 0, "on", 0, 2) || k.equalsIgnoreCase("style")) {
                    remove = remove == null ? new ArrayList<>() : remove;
                    remove.add(k);
                }
            }
            if (remove != null) {
                String align = e.attr("style").replace(" ", "").toLowerCase(Locale.ROOT);
                if (ALIGN.matcher(align).matches()) {
                    e.addClass("align-" + align.substring(11).replace(";", ""));
                }
                remove.forEach(e::removeAttr);
            }
            unsafeUrl(e, "href");
            unsafeUrl(e, "src");
        }
        drop.forEach(Element::remove);
    }

    private static void unsafeUrl(Element e, String attr) {
        if (!e.hasAttr(attr)) {
            return;
        }
        String v = e.attr(attr).strip().toLowerCase(Locale.ROOT);
        if (UNSAFE_URL.matcher(v).matches() && !(attr.equals("src") && v.startsWith("data:image/"))) {
            e.removeAttr(attr);
        }
    }

    /** Drops a leading H1 that repeats the title, moves other H1s below the page's own H1, and links each heading. */
    private static void headings(Element body, String title) {
        Element first = body.children().first();
        boolean titleRemoved = first != null && first.normalName().equals("h1") && same(first.text(), title);
        if (titleRemoved) {
            first.remove();
        }
        if (!body.getElementsByTag("h1").isEmpty()) {
            if (titleRemoved || sectionsBeforeFirstH1(body)) {
                // "# Title / ## Section / # Appendix": the later H1s are peers of the sections.
                body.getElementsByTag("h1").forEach(h -> h.tagName("h2"));
            } else {
                // H1 is the body's section level: shift every heading below the page's own H1.
                for (Element h : body.select(H1_TO_H5)) {
                    h.tagName("h" + (Integer.parseInt(h.normalName().substring(1)) + 1));
                }
            }
        }
        Set<String> ids = ids(body);
        for (Element h : body.select(H2_TO_H6)) {
            List<Element> links = new ArrayList<>(h.getElementsByTag("a"));
            for (Element a : links) {
                if (a.attr("href").startsWith("#") && a.text().isBlank()) {
                    a.remove();
                }
            }
            if (!h.hasAttr("id") || h.id().isBlank()) {
                String base = TermSlugs.plain(h.text());
                String id = base.isEmpty() ? "section" : base;
                for (int n = 2; ids.contains(id); n++) {
                    id = (base.isEmpty() ? "section" : base) + "-" + n;
                }
                h.attr("id", id);
                ids.add(id);
            }
            // A heading's self-link carries no class: site.css finds it as a heading's only child linking within
            // the page, and a 10k-incident site has some 100,000 of them.
            Elements own = h.getElementsByTag("a");
            if (own.isEmpty()) {
                Element a = new Element("a").attr("href", "#" + h.id());
                for (Node n : new ArrayList<>(h.childNodes())) {
                    a.appendChild(n);
                }
                h.appendChild(a);
            }
        }
    }

    /** Returns true when an H2 comes before the first H1, so the H1s are late peers of the H2 sections. */
    private static boolean sectionsBeforeFirstH1(Element body) {
        for (Element h : body.select(H1_TO_H5)) {
            if (h.normalName().equals("h1")) {
                return false;
            }
            if (h.normalName().equals("h2")) {
                return true;
            }
        }
        return false;
    }

    private static Set<String> ids(Element body) {
        Set<String> ids = new HashSet<>();
        for (Element e : body.getAllElements()) {
            if (e.hasAttr("id")) {
                ids.add(e.id());
            }
        }
        return ids;
    }

    private static boolean same(String a, String b) {
        return SPACES.matcher(a.strip()).replaceAll(" ").equalsIgnoreCase(SPACES.matcher(b.strip()).replaceAll(" "));
    }

    /** Puts a slot in place of a section's tables and lists, when they hold no more items than were parsed. */
    private static void slot(Element body, SlotRequest r, Set<String> ids) {
        if (r.captured() == 0) {
            return;
        }
        Element heading = r.section().map(s -> findHeading(body, s)).orElse(null);
        if (heading == null) {
            if (r.append()) {
                String id = TermSlugs.plain(r.title());
                for (int n = 2; ids.contains(id); n++) {
                    id = TermSlugs.plain(r.title()) + "-" + n;
                }
                ids.add(id);
                Element slot = marker(r.kind()).attr("data-heading", r.title()).attr("data-anchor", id);
                // The notes of footnotes stay last, below a section the page adds.
                Element notes = body.children().last();
                if (notes != null && notes.normalName().equals("section") && notes.hasClass("footnotes")) {
                    notes.before(slot);
                } else {
                    body.appendChild(slot);
                }
            }
            return;
        }
        int level = Integer.parseInt(heading.normalName().substring(1));
        List<Element> replaced = new ArrayList<>();
        int items = 0;
        for (Element e = heading.nextElementSibling(); e != null && !endsSection(e, level); e = e.nextElementSibling()) {
            String n = e.normalName();
            if (n.equals("table") || n.equals("ul") || n.equals("ol")) {
                replaced.add(e);
                items += n.equals("table") ? e.select(ROWS).size()
                        : (int) e.children().stream().filter(c -> c.normalName().equals("li")).count();
            } else if (r.kind().equals("lessons") && (isSubHeading(n) || isLessonLabel(e))) {
                replaced.add(e);
            }
        }
        if (items > r.captured()) {
            return;
        }
        Element m = marker(r.kind()).attr("data-level", String.valueOf(level));
        if (replaced.isEmpty()) {
            heading.after(m);
            return;
        }
        replaced.get(0).before(m);
        replaced.forEach(Element::remove);
    }

    /** Returns true for a short paragraph that only names a lessons bucket ("**What went well:**"). */
    private static boolean isLessonLabel(Element e) {
        String t = e.text().toLowerCase(Locale.ROOT);
        return e.normalName().equals("p") && t.length() < 60
                && LESSON_LABEL.matcher(t).matches();
    }

    /** Returns true for h2 to h6, the headings a body keeps below the page's own h1. */
    private static boolean isSubHeading(String name) {
        return name.length() == 2 && name.charAt(0) == 'h' && name.charAt(1) >= '2' && name.charAt(1) <= '6';
    }

    private static boolean endsSection(Element e, int level) {
        return HEADING.matcher(e.normalName()).matches() && Integer.parseInt(e.normalName().substring(1)) <= level;
    }

    private static Element findHeading(Element body, Section s) {
        for (Element h : body.children()) {
            if (isSubHeading(h.normalName()) && !s.anchor().isEmpty() && s.anchor().equals(h.id())) {
                return h;
            }
        }
        for (Element h : body.children()) {
            if (isSubHeading(h.normalName()) && same(h.text(), s.heading())) {
                return h;
            }
        }
        return null;
    }

    private static Element marker(String kind) {
        return new Element("hindsight-slot").attr("data-kind", kind);
    }

    /** Splits the final body at its slots. */
    private static List<BodyChunk> chunks(Element body) {
        List<BodyChunk> out = new ArrayList<>();
        StringBuilder html = new StringBuilder();
        for (Node n : body.childNodes()) {
            if (n instanceof Element e && e.normalName().equals("hindsight-slot")) {
                if (html.length() > 0) {
                    out.add(BodyChunk.html(html.toString()));
                    html.setLength(0);
                }
                int level = e.hasAttr("data-level") ? Integer.parseInt(e.attr("data-level")) : 2;
                out.add(new BodyChunk(e.attr("data-kind"), "", e.attr("data-heading"), e.attr("data-anchor"), level));
            } else {
                html.append(n.outerHtml());
            }
        }
        if (html.length() > 0) {
            out.add(BodyChunk.html(html.toString()));
        }
        return out;
    }

    /** Lists the level 2 and 3 headings of the final body, plus the headings slots will add. */
    private static List<Heading> toc(Element body) {
        List<Heading> out = new ArrayList<>();
        for (Element e : body.select(TOC)) {
            if (e.normalName().equals("hindsight-slot")) {
                out.add(new Heading(2, e.attr("data-heading"), e.attr("data-anchor")));
            } else {
                out.add(new Heading(Integer.parseInt(e.normalName().substring(1)), e.text(), e.id()));
            }
        }
        return out;
    }
}
