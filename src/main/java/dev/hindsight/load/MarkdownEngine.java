package dev.hindsight.load;

import com.vladsch.flexmark.ext.anchorlink.AnchorLinkExtension;
import com.vladsch.flexmark.ext.footnotes.FootnoteExtension;
import com.vladsch.flexmark.ext.gfm.strikethrough.StrikethroughExtension;
import com.vladsch.flexmark.ext.gfm.tasklist.TaskListExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.MutableDataSet;

import java.util.List;
import java.util.Optional;

/**
 * Parses and renders Markdown with flexmark (CommonMark plus GFM tables, task lists, strikethrough, autolinks
 * ({@link QuickAutolink}), heading ids, footnotes ({@link Footnotes}) and link destinations in angle brackets with
 * spaces ({@link AngleLinks})), guarding against input that nests too deeply.
 *
 * <p>Nesting limit: a body whose lists or block quotes nest deeper than {@value #MAX_NESTING} levels is not given
 * to the Markdown parser at all (flexmark's parse time grows with the square of the depth, and its renderer
 * recurses). The line is found by a linear scan before parsing, and a parsed tree deeper than
 * {@value #MAX_TREE_DEPTH} nodes is refused too. The caller then shows the body as plain text and reports it.
 * One instance is used for a whole build; it keeps no state between calls.
 */
final class MarkdownEngine {
    /** The deepest nesting of lists and block quotes on one line. */
    static final int MAX_NESTING = 100;
    /** The deepest parsed tree (block and inline nodes). */
    static final int MAX_TREE_DEPTH = 200;

    private final Parser parser;
    private final HtmlRenderer renderer;

    MarkdownEngine() {
        this(QuickAutolink.create());
    }

    /** Creates an engine with another autolink extension (the tests compare ours with flexmark's own). */
    MarkdownEngine(Parser.ParserExtension autolink) {
        MutableDataSet options = new MutableDataSet();
        options.set(Parser.EXTENSIONS, List.of(TablesExtension.create(), TaskListExtension.create(),
                StrikethroughExtension.create(), autolink, AnchorLinkExtension.create(), FootnoteExtension.create(),
                AngleLinks.create()));
        options.set(HtmlRenderer.GENERATE_HEADER_ID, true);
        options.set(HtmlRenderer.RENDER_HEADER_ID, true);
        options.set(HtmlRenderer.SOFT_BREAK, "\n");
        options.set(AnchorLinkExtension.ANCHORLINKS_SET_ID, false);
        options.set(AnchorLinkExtension.ANCHORLINKS_WRAP_TEXT, true);
        options.set(TablesExtension.WITH_CAPTION, false);
        options.set(TablesExtension.COLUMN_SPANS, false);
        // The parser keeps where each line starts, so a node's line number is a search in that list: untracked,
        // each line number was counted from the start of the body (a cold 10k load spent a twentieth there).
        options.set(Parser.TRACK_DOCUMENT_LINES, true);
        parser = Parser.builder(options).build();
        renderer = HtmlRenderer.builder(options).build();
    }

    /**
     * Returns the 1-based line (within the text) where nesting first passes the limit, or 0 when it does not.
     */
    static int tooDeepLine(String text) {
        int line = 1;
        int i = 0;
        int n = text.length();
        while (i < n) {
            int depth = 0;
            int spaces = 0;
            // Leading indentation suggests list nesting: two spaces per level is the tightest CommonMark allows.
            while (i < n && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
                spaces += text.charAt(i) == '\t' ? 4 : 1;
                i++;
            }
            depth += spaces / 2;
            boolean marker = true;
            while (marker && i < n) {
                char c = text.charAt(i);
                marker = false;
                if (c == '>') {
                    depth++;
                    i++;
                    marker = true;
                } else if ((c == '-' || c == '*' || c == '+') && i + 1 < n && (text.charAt(i + 1) == ' ' || text.charAt(i + 1) == '\t')) {
                    depth++;
                    i += 2;
                    marker = true;
                } else if (Character.isDigit(c)) {
                    int j = i;
                    while (j < n && j - i < 9 && Character.isDigit(text.charAt(j))) {
                        j++;
                    }
                    if (j + 1 < n && (text.charAt(j) == '.' || text.charAt(j) == ')') && text.charAt(j + 1) == ' ') {
                        depth++;
                        i = j + 2;
                        marker = true;
                    }
                }
                while (marker && i < n && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
                    i++;
                }
            }
            if (depth > MAX_NESTING) {
                return line;
            }
            while (i < n && text.charAt(i) != '\n') {
                i++;
            }
            i++;
            line++;
        }
        return 0;
    }

    /** Parses a body; empty when it nests deeper than the limits (see {@link #tooDeepLine}). */
    Optional<Document> parse(String text) {
        if (tooDeepLine(text) > 0) {
            return Optional.empty();
        }
        Document doc = parser.parse(text);
        if (depth(doc) > MAX_TREE_DEPTH) {
            return Optional.empty();
        }
        if (text.contains("[^")) {
            Footnotes.number(doc);
        }
        return Optional.of(doc);
    }

    /** Renders a node and its children to (unsanitized) HTML. */
    String render(Node node) {
        return renderer.render(node);
    }

    /** Returns the depth of a tree, walked without recursion. */
    static int depth(Node root) {
        int max = 0;
        int depth = 0;
        Node n = root;
        while (n != null) {
            max = Math.max(max, depth);
            if (n.getFirstChild() != null) {
                n = n.getFirstChild();
                depth++;
                continue;
            }
            while (n != null && n != root && n.getNext() == null) {
                n = n.getParent();
                depth--;
            }
            if (n == null || n == root) {
                break;
            }
            n = n.getNext();
        }
        return max;
    }
}
