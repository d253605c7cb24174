package dev.hindsight.load;

import com.vladsch.flexmark.ext.footnotes.Footnote;
import com.vladsch.flexmark.ext.footnotes.FootnoteBlock;
import com.vladsch.flexmark.ext.footnotes.FootnoteExtension;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;

import org.jsoup.nodes.Entities;

import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Footnotes ({@code text[^1]} with {@code [^1]: note}) as flexmark's footnote extension reads them, numbered as a
 * reader counts them. Flexmark numbers a note by its last reference, so the first marker in the text could read "2";
 * here a note's number is the order of its first reference, and its references are counted in the order written.
 * The notes are rendered by flexmark at the end of the body (the page then gives them their ids and labels); a
 * reference inside a timeline entry or a table cell, which is rendered without flexmark's renderer, gets the same
 * markup from {@link #reference}.
 */
final class Footnotes {
    private Footnotes() {
    }

    /**
     * Numbers a parsed body's notes by the order of their first reference, and each note's references in the order
     * they are written (flexmark counts a table's references first); the numbers then hold for every render.
     */
    static void number(Document doc) {
        Map<FootnoteBlock, Integer> seen = new IdentityHashMap<>();
        for (Node n : doc.getDescendants()) {
            if (n instanceof Footnote f && f.getFootnoteBlock() != null) {
                int k = seen.merge(f.getFootnoteBlock(), 1, Integer::sum) - 1;
                if (k == 0) {
                    f.getFootnoteBlock().setFirstReferenceOffset(f.getStartOffset());
                }
                f.setReferenceOrdinal(k);
            }
        }
        if (!seen.isEmpty()) {
            FootnoteExtension.FOOTNOTES.get(doc).resolveFootnoteOrdinals();
        }
    }

    /**
     * Returns the text of a footnote reference: none for a reference to a note, so no marker or number sticks to a word
     * in a summary or the search text; a reference to no note reads as the page shows it ({@code [^nope]}).
     */
    static String text(Footnote f) {
        return f.getFootnoteBlock() != null ? "" : "[^" + f.getText() + "]";
    }

    /**
     * Returns the HTML of a footnote reference as flexmark's footnote renderer writes it in the body
     * ({@code <sup id="fnref-1-2"><a class="footnote-ref" href="#fn-1">1</a></sup>}, the third reference to note 1), so
     * a reference shown outside the body leads to the same note and back; one to no note is its text.
     */
    static String reference(Footnote f) {
        FootnoteBlock note = f.getFootnoteBlock();
        if (note == null) {
            return Entities.escape(text(f));
        }
        int n = note.getFootnoteOrdinal();
        String id = "fnref-" + n + (f.getReferenceOrdinal() == 0 ? "" : "-" + f.getReferenceOrdinal());
        return "<sup id=\"" + id + "\"><a class=\"footnote-ref\" href=\"#fn-" + n + "\">" + n + "</a></sup>";
    }
}
