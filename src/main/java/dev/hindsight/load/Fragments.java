package dev.hindsight.load;

import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.util.ast.Node;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a prefix, such as a timestamp, off the front of a piece of a parsed body (a list item's paragraph) before
 * the piece is turned into text and HTML.
 */
final class Fragments {
    private Fragments() {
    }

    /**
     * Removes the first {@code count} characters of text (as {@link NodeText} counts them) from the start of a node,
     * so that what remains renders without them. Atoms are removed whole.
     */
    static void dropLeading(Node root, int count) {
        int left = count;
        List<Node> leaves = leaves(root);
        for (Node leaf : leaves) {
            if (left <= 0) {
                break;
            }
            String text = NodeText.leafText(leaf);
            if (text.length() <= left || !(leaf instanceof Text)) {
                left -= text.length();
                unlinkWithEmptyParents(leaf, root);
                continue;
            }
            var chars = leaf.getChars();
            int raw = Math.min(chars.length(), rawOffset(chars.toString(), left));
            leaf.setChars(chars.subSequence(raw).trimStart());
            left = 0;
        }
    }

    private static void unlinkWithEmptyParents(Node leaf, Node root) {
        Node parent = leaf.getParent();
        leaf.unlink();
        while (parent != null && parent != root && parent.getFirstChild() == null
                && !(parent instanceof com.vladsch.flexmark.util.ast.Block)) {
            Node up = parent.getParent();
            parent.unlink();
            parent = up;
        }
    }

    /** Maps an offset in unescaped text to an offset in the raw text with its backslash escapes. */
    private static int rawOffset(String raw, int unescaped) {
        int seen = 0;
        int i = 0;
        while (i < raw.length() && seen < unescaped) {
            i += raw.charAt(i) == '\\' && i + 1 < raw.length() ? 2 : 1;
            seen++;
        }
        return i;
    }

    private static List<Node> leaves(Node root) {
        List<Node> out = new ArrayList<>();
        Node n = root.getFirstChild();
        while (n != null) {
            if (!NodeText.isAtom(n) && n.getFirstChild() != null) {
                n = n.getFirstChild();
                continue;
            }
            out.add(n);
            while (n != null && n.getNext() == null) {
                n = n.getParent();
                if (n == root) {
                    n = null;
                }
            }
            if (n != null) {
                n = n.getNext();
            }
        }
        return out;
    }
}
