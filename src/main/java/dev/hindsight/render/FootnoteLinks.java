package dev.hindsight.render;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Footnotes on a page: each reference links to its note and each note back to its references. The loader renders
 * them with flexmark's ids ({@code fnref-1}, {@code fn-1}); on the page they take ids of the form Hugo writes
 * ({@code fnref:1}, {@code fnref:1:2} for the second reference to note 1, {@code fn:1}), which no heading id can be
 * (heading ids have no colon), so every id on the page stays unique. The notes are a section labelled "Notes", each
 * back-link sits at the end of its note and says where it leads, and a back-link whose reference the page does not
 * show (a reference in an action-item table, which the page shows as a list of items) is left out.
 */
final class FootnoteLinks {
    private static final Pattern REF_ID = Pattern.compile("fnref-(\\d+)(?:-(\\d+))?");
    private static final Pattern NOTE_ID = Pattern.compile("fn-(\\d+)");
    private static final Pattern PAGE_REF_ID = Pattern.compile("id=\"(fnref:[0-9:]+)\"");
    private static final String BACKREF = "footnote-backref";

    private FootnoteLinks() {
    }

    /** Gives the footnote references and notes in a body or fragment their page ids, labels and places. */
    static void tidy(Element root) {
        for (Element a : root.getElementsByClass("footnote-ref")) {
            Element sup = a.parent();
            Matcher ref = REF_ID.matcher(sup == null ? "" : sup.id());
            Matcher note = NOTE_ID.matcher(a.attr("href").startsWith("#") ? a.attr("href").substring(1) : "");
            if (ref.matches() && note.matches()) {
                sup.id(refId(ref));
                a.attr("href", "#fn:" + note.group(1)).attr("aria-label", "Note " + note.group(1));
            }
        }
        for (Element notes : root.select("div.footnotes")) {
            notes.tagName("section").attr("aria-label", "Notes");
            for (Element li : notes.select("li[id]")) {
                Matcher note = NOTE_ID.matcher(li.id());
                if (note.matches()) {
                    li.id("fn:" + note.group(1));
                    backLinks(li, note.group(1));
                }
            }
        }
    }

    /** Points a note's back-links at the page ids, labels them, and puts them at the end of the note's last paragraph. */
    private static void backLinks(Element li, String number) {
        List<Element> links = new ArrayList<>(li.getElementsByClass(BACKREF));
        Element last = li.children().stream().filter(c -> c.normalName().equals("p")).reduce((x, y) -> y).orElse(null);
        for (Element a : links) {
            Matcher ref = REF_ID.matcher(a.attr("href").startsWith("#") ? a.attr("href").substring(1) : "");
            if (!ref.matches()) {
                continue;
            }
            a.attr("href", "#" + refId(ref)).attr("aria-label", "Back to reference " + number
                    + (ref.group(2) == null ? "" : " (" + (Integer.parseInt(ref.group(2)) + 1) + ")"));
            if (last != null && a.parent() == li) {
                a.remove();
                last.appendText(" ").appendChild(a);
            }
        }
        // What is left between the moved links is the line breaks that stood around them.
        while (li.childNodeSize() > 0 && li.childNode(li.childNodeSize() - 1) instanceof TextNode t && t.isBlank()) {
            t.remove();
        }
    }

    private static String refId(Matcher ref) {
        return "fnref:" + ref.group(1) + (ref.group(2) == null ? "" : ":" + ref.group(2));
    }

    /**
     * Returns the body without the back-links to references the page does not show: the references left in the body
     * and those in other parts of the page (the timeline's rows) are the ones shown.
     *
     * @param chunks the body
     * @param shown  the HTML of the page's other parts that show references
     */
    static List<BodyChunk> withoutDanglingBackLinks(List<BodyChunk> chunks, List<String> shown) {
        if (chunks.stream().noneMatch(c -> c.html().contains(BACKREF))) {
            return chunks;
        }
        Set<String> ids = new HashSet<>();
        chunks.forEach(c -> ids(c.html(), ids));
        shown.forEach(h -> ids(h, ids));
        List<BodyChunk> out = new ArrayList<>(chunks.size());
        for (BodyChunk c : chunks) {
            if (!c.html().contains(BACKREF)) {
                out.add(c);
                continue;
            }
            Document doc = Jsoup.parseBodyFragment(c.html());
            doc.outputSettings().prettyPrint(false).charset("UTF-8");
            for (Element a : doc.getElementsByClass(BACKREF)) {
                if (!ids.contains(a.attr("href").substring(1))) {
                    Element p = a.parent();
                    a.remove();
                    if (p != null && p.childNodeSize() > 0 && p.childNode(p.childNodeSize() - 1) instanceof TextNode t
                            && t.isBlank()) {
                        t.remove();
                    }
                }
            }
            out.add(new BodyChunk(c.kind(), doc.body().html(), c.heading(), c.anchor(), c.level()));
        }
        return out;
    }

    private static void ids(String html, Set<String> into) {
        if (html.contains("fnref:")) {
            Matcher m = PAGE_REF_ID.matcher(html);
            while (m.find()) {
                into.add(m.group(1));
            }
        }
    }
}
