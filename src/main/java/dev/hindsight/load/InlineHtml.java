package dev.hindsight.load;

import com.vladsch.flexmark.ast.AutoLink;
import com.vladsch.flexmark.ast.Code;
import com.vladsch.flexmark.ast.Emphasis;
import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.ImageRef;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ast.LinkRef;
import com.vladsch.flexmark.ast.MailLink;
import com.vladsch.flexmark.ast.Reference;
import com.vladsch.flexmark.ast.StrongEmphasis;
import com.vladsch.flexmark.ext.footnotes.Footnote;
import com.vladsch.flexmark.ext.gfm.strikethrough.Strikethrough;
import com.vladsch.flexmark.util.ast.Block;
import com.vladsch.flexmark.util.ast.Node;

import org.jsoup.nodes.Entities;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Renders the inline content of a tree node (a timeline entry, a table cell) as safe HTML without a full renderer
 * pass: text is escaped, and only {@code strong}, {@code em}, {@code del}, {@code code} and links are produced. A link
 * keeps its URL only when {@link HtmlSanitizer#isSafeUrl} allows it; images become their alt text; raw HTML is
 * dropped; a footnote reference is the body's link to its note ({@link Footnotes#reference}). Blocks inside the node
 * (a sub-list) are joined with spaces. The walk uses no recursion.
 */
final class InlineHtml {
    private InlineHtml() {
    }

    /** Returns the safe inline HTML of a node's content. */
    static String of(Node root) {
        StringBuilder sb = new StringBuilder();
        Deque<String> closers = new ArrayDeque<>();
        Node n = root.getFirstChild();
        while (n != null) {
            String open = open(n);
            if (open != null && n.getFirstChild() != null && !NodeText.isAtom(n)) {
                sb.append(open);
                closers.push(close(n));
                n = n.getFirstChild();
                continue;
            }
            leaf(n, sb);
            while (n != null) {
                if (n instanceof Block && n.getNext() != null && sb.length() > 0 && sb.charAt(sb.length() - 1) != ' ') {
                    sb.append(' ');
                }
                if (n.getNext() != null) {
                    n = n.getNext();
                    break;
                }
                n = n.getParent();
                if (n == root || n == null) {
                    n = null;
                    break;
                }
                if (open(n) != null && !closers.isEmpty()) {
                    sb.append(closers.pop());
                }
            }
        }
        while (!closers.isEmpty()) {
            sb.append(closers.pop());
        }
        return sb.toString().strip();
    }

    /** Returns the opening tag for a container node, "" for a transparent container, or null for a leaf. */
    private static String open(Node n) {
        if (n instanceof AutoLink || n instanceof MailLink) {
            return null;
        }
        if (n instanceof StrongEmphasis) {
            return "<strong>";
        }
        if (n instanceof Emphasis) {
            return "<em>";
        }
        if (n instanceof Strikethrough) {
            return "<del>";
        }
        if (n instanceof Link l) {
            return anchor(l.getUrl().toString());
        }
        if (n instanceof LinkRef r && r.isDefined()) {
            Reference ref = r.getReferenceNode(r.getDocument());
            return anchor(ref == null ? "" : ref.getUrl().toString());
        }
        if (n.getFirstChild() != null && !(n instanceof Image) && !(n instanceof ImageRef) && !NodeText.isAtom(n)) {
            return "";
        }
        return null;
    }

    private static String close(Node n) {
        if (n instanceof StrongEmphasis) {
            return "</strong>";
        }
        if (n instanceof Emphasis) {
            return "</em>";
        }
        if (n instanceof Strikethrough) {
            return "</del>";
        }
        if (n instanceof Link || (n instanceof LinkRef r && r.isDefined())) {
            return "</a>";
        }
        return "";
    }

    private static String anchor(String url) {
        return HtmlSanitizer.isSafeUrl(url, false) && !url.isBlank()
                ? "<a href=\"" + Entities.escape(url.strip()) + "\">" : "<a>";
    }

    private static void leaf(Node n, StringBuilder sb) {
        if (n instanceof Footnote f) {
            sb.append(Footnotes.reference(f));
        } else if (n instanceof Code c) {
            sb.append("<code>").append(Entities.escape(c.getText().toString())).append("</code>");
        } else if (n instanceof AutoLink || n instanceof MailLink) {
            String text = NodeText.of(n);
            String url = n instanceof MailLink ? "mailto:" + text : text;
            sb.append(anchor(url)).append(Entities.escape(text)).append("</a>");
        } else if (n instanceof Image || n instanceof ImageRef) {
            sb.append(Entities.escape(NodeText.of(n)));
        } else {
            sb.append(Entities.escape(NodeText.leafText(n)));
        }
    }
}
