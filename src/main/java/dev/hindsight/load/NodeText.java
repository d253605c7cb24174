package dev.hindsight.load;

import com.vladsch.flexmark.ast.Code;
import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ast.HardLineBreak;
import com.vladsch.flexmark.ast.HtmlBlockBase;
import com.vladsch.flexmark.ast.HtmlEntity;
import com.vladsch.flexmark.ast.HtmlInlineBase;
import com.vladsch.flexmark.ast.IndentedCodeBlock;
import com.vladsch.flexmark.ast.RefNode;
import com.vladsch.flexmark.ast.Reference;
import com.vladsch.flexmark.ast.SoftLineBreak;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ext.footnotes.Footnote;
import com.vladsch.flexmark.ext.tables.TableCell;
import com.vladsch.flexmark.ext.tables.TableRow;
import com.vladsch.flexmark.ext.tables.TableSeparator;
import com.vladsch.flexmark.util.ast.Block;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import com.vladsch.flexmark.util.sequence.Escaping;
import com.vladsch.flexmark.util.sequence.SubSequence;

import org.jsoup.parser.Parser;


/**
 * Plain text of Markdown tree nodes, as a reader sees it: no markup, entities decoded, line breaks as spaces,
 * blocks separated by new lines. Raw HTML contributes no text. The walk uses no recursion.
 *
 * <p>Some nodes are atoms: their text is taken whole and they cannot be cut ({@link #isAtom}). An undefined
 * reference such as {@code [09:02]} reads as written, brackets included. A footnote reference ({@code [^1]}) has no
 * text ({@link Footnotes#text}); the note itself is text where it is written, at the end of the body.
 */
final class NodeText {

    private NodeText() {
    }

    /** Returns the text of a node, on one line. */
    static String inline(Node node) {
        return tidy(of(node), false);
    }

    /** Returns the text of a node with one line per block. */
    static String of(Node node) {
        if (isAtom(node) || node.getFirstChild() == null) {
            return leafText(node);
        }
        StringBuilder sb = new StringBuilder(node.getTextLength() + 16);
        Node n = node.getFirstChild();
        while (n != null) {
            if (!isAtom(n) && n.getFirstChild() != null) {
                n = n.getFirstChild();
                continue;
            }
            appendLeaf(sb, n);
            while (n != null) {
                if (n instanceof Block || n instanceof TableRow) {
                    sb.append('\n');
                } else if (n instanceof TableCell) {
                    sb.append(' ');
                }
                if (n.getNext() != null) {
                    n = n.getNext();
                    break;
                }
                n = n.getParent();
                if (n == node) {
                    n = null;
                }
            }
        }
        return tidy(sb, true);
    }

    /** Collapses runs of spaces, drops blank lines (or all line breaks when not keeping lines) and strips. */
    private static String tidy(CharSequence text, boolean keepLines) {
        // Works on char arrays: this runs over every text of every body, several times, and reading a text through
        // CharSequence.charAt is a call per character.
        int n = text.length();
        char[] in = new char[n];
        if (text instanceof String str) {
            str.getChars(0, n, in, 0);
        } else if (text instanceof StringBuilder sb) {
            sb.getChars(0, n, in, 0);
        } else {
            for (int i = 0; i < n; i++) {
                in[i] = text.charAt(i);
            }
        }
        char[] out = new char[n]; // each separator written stands for at least one character dropped
        int len = 0;
        boolean space = false;
        boolean newline = false;
        for (int i = 0; i < n; i++) {
            char c = in[i];
            if (c == '\n' && keepLines) {
                newline = len > 0;
                space = false;
            } else if (c == ' ' || c == '\t' || c == '\u00a0' || c == '\n' || c == '\r') {
                space = len > 0;
            } else {
                if (newline) {
                    out[len++] = '\n';
                } else if (space) {
                    out[len++] = ' ';
                }
                newline = false;
                space = false;
                out[len++] = c;
            }
        }
        return new String(out, 0, len);
    }

    /** An inline HTML tag that breaks a line or a block, so the words on either side of it are two words. */
    private static final java.util.regex.Pattern BREAKING_TAG = java.util.regex.Pattern.compile(
            "</?(?:br|p|div|li|ul|ol|tr|td|th|hr|table|h[1-6])\\b", java.util.regex.Pattern.CASE_INSENSITIVE);

    /** Returns true for nodes whose text is taken whole and that are never cut. */
    static boolean isAtom(Node n) {
        return n instanceof Code || n instanceof HtmlEntity || n instanceof SoftLineBreak || n instanceof HardLineBreak
                || (n instanceof RefNode r && !r.isDefined()) || n instanceof HtmlInlineBase || n instanceof HtmlBlockBase
                || n instanceof FencedCodeBlock || n instanceof IndentedCodeBlock || n instanceof Reference
                || n instanceof TableSeparator || n instanceof Footnote;
    }

    /**
     * Returns the text with backslash escapes and entities resolved, as flexmark's {@code unescape()} does; text
     * with neither a backslash nor an ampersand (nearly all of it) is returned as it is, without a regex search.
     */
    private static String unescape(BasedSequence chars) {
        String s = chars.toString();
        return s.indexOf('\\') < 0 && s.indexOf('&') < 0 ? s : Escaping.unescapeString(s);
    }

    /**
     * Appends the text of a leaf or atom; plain text with nothing to unescape (nearly all of it) is copied from the
     * source straight into the builder.
     */
    private static void appendLeaf(StringBuilder sb, Node n) {
        boolean plain = n instanceof Text || n instanceof RefNode r && !r.isDefined()
                || !isAtom(n) && n.getFirstChild() == null && !(n instanceof Block);
        BasedSequence chars = n.getChars();
        // A plain piece of the parsed text is copied from the text itself, in one step, where appending the
        // sequence reads it a character at a time.
        if (plain && chars instanceof SubSequence && chars.getBase() instanceof String base) {
            int from = chars.getStartOffset();
            int to = chars.getEndOffset();
            if (unescaped(base, from, to)) {
                sb.append(base, from, to);
                return;
            }
        } else if (plain && chars.indexOf('\\') < 0 && chars.indexOf('&') < 0) {
            sb.append(chars);
            return;
        }
        sb.append(leafText(n));
    }

    /** Returns whether a range of a string has no backslash escape and no entity, so it reads as written. */
    private static boolean unescaped(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c == '\\' || c == '&') {
                return false;
            }
        }
        return true;
    }

    /** Returns the text of a leaf or atom. */
    static String leafText(Node n) {
        if (n instanceof Text) {
            return unescape(n.getChars());
        }
        if (n instanceof Code c) {
            return c.getText().toString();
        }
        if (n instanceof HtmlEntity) {
            return Parser.unescapeEntities(n.getChars().toString(), false);
        }
        if (n instanceof SoftLineBreak || n instanceof HardLineBreak) {
            return " ";
        }
        if (n instanceof RefNode r && !r.isDefined()) {
            return unescape(n.getChars());
        }
        if (n instanceof HtmlInlineBase && BREAKING_TAG.matcher(n.getChars()).lookingAt()) {
            // "sessions<br>maxmemory reached", as tables exported from documents write a line break in a cell.
            return " ";
        }
        if (n instanceof HtmlInlineBase || n instanceof HtmlBlockBase || n instanceof Reference || n instanceof TableSeparator) {
            return "";
        }
        if (n instanceof Footnote f) {
            return Footnotes.text(f);
        }
        if (n instanceof FencedCodeBlock f) {
            return f.getContentChars().toString();
        }
        if (n instanceof IndentedCodeBlock i) {
            return i.getContentChars().toString();
        }
        if (n.getFirstChild() == null && !(n instanceof Block)) {
            return unescape(n.getChars());
        }
        return "";
    }
}
