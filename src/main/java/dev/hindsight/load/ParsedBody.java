package dev.hindsight.load;

import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;

import dev.hindsight.model.Problem;

import org.jsoup.nodes.Entities;

import java.util.List;
import java.util.Optional;

/**
 * A postmortem or page body, parsed once: its tree (unless it nests too deeply to parse), its sanitized HTML and
 * plain text, and the H1 that was taken as the title. The HTML and text are made before any extraction,
 * which may trim nodes of the tree.
 *
 * @param doc      the parsed tree, or empty when the body is shown as plain text
 * @param html     the sanitized body HTML
 * @param text     the body as plain text
 * @param titleH1  the text of the first H1 heading, when there is one
 * @param problems problems met while parsing
 */
record ParsedBody(Optional<Document> doc, String html, String text, Optional<String> titleH1, List<Problem> problems) {

    ParsedBody {
        problems = List.copyOf(problems);
    }

    /**
     * Parses and renders a body. The first H1 is taken out when it is used as the title (no front-matter title),
     * repeats the front-matter title (perhaps after a date: "2023-05-23 API outage" under the title "API outage"), or
     * says nothing (a template placeholder), so the page does not show it twice or show a placeholder.
     *
     * @param declaredTitle the front-matter title, if any
     * @param lineOffset    what to add to a body line to get the file line
     */
    static ParsedBody of(String body, Optional<String> declaredTitle, MarkdownEngine engine, HtmlSanitizer sanitizer,
                         String path, int lineOffset) {
        int deep = MarkdownEngine.tooDeepLine(body);
        Optional<Document> parsed = Optional.empty();
        String failure = "";
        if (deep == 0) {
            try {
                parsed = engine.parse(body);
            } catch (StackOverflowError e) {
                failure = "the Markdown parser ran out of stack";
            }
        }
        if (parsed.isEmpty()) {
            int line = deep > 0 ? deep + lineOffset - 1 : lineOffset;
            String why = deep > 0 ? "lists or quotes nest deeper than " + MarkdownEngine.MAX_NESTING + " levels"
                    : failure.isEmpty() ? "the body nests deeper than " + MarkdownEngine.MAX_TREE_DEPTH + " levels" : failure;
            Problem p = Problem.warning(path, Math.max(line, 1), "markdown-depth", why + "; the body is shown as plain text");
            return new ParsedBody(Optional.empty(), "<pre class=\"plain\">" + Entities.escape(body) + "</pre>", body,
                    Optional.empty(), List.of(p));
        }
        Document doc = parsed.get();
        Optional<String> h1 = Optional.empty();
        for (Node n = doc.getFirstChild(); n != null; n = n.getNext()) {
            if (n instanceof Heading h) {
                String text = h.getLevel() == 1 ? NodeText.inline(h) : "";
                if (!text.isBlank()) {
                    h1 = Optional.of(text);
                    if (declaredTitle.isEmpty() || same(text, declaredTitle.get())
                            || same(Titles.withoutLeadingDate(text), declaredTitle.get()) || Titles.isUninformative(text)) {
                        h.unlink();
                    }
                }
                break;
            }
        }
        String html;
        try {
            String rendered = engine.render(doc);
            html = HtmlSanitizer.needsCleaning(doc) ? sanitizer.clean(rendered) : rendered.strip();
        } catch (StackOverflowError e) {
            Problem p = Problem.warning(path, lineOffset, "markdown-depth",
                    "the body nests too deeply to render; it is shown as plain text");
            return new ParsedBody(Optional.empty(), "<pre class=\"plain\">" + Entities.escape(body) + "</pre>", body,
                    h1, List.of(p));
        }
        return new ParsedBody(Optional.of(doc), html, NodeText.of(doc), h1, List.of());
    }

    private static boolean same(String a, String b) {
        return a.strip().replaceAll("\\s+", " ").equalsIgnoreCase(b.strip().replaceAll("\\s+", " "));
    }
}
