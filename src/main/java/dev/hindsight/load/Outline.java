package dev.hindsight.load;

import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.ListBlock;
import com.vladsch.flexmark.ast.ListItem;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ast.StrongEmphasis;
import com.vladsch.flexmark.ext.footnotes.FootnoteBlock;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;

import dev.hindsight.model.SectionKind;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * The sections of a body: each heading opens a section that runs to the next heading of the same or a higher
 * level, so a section's blocks include its subsections. A top-level list item that starts with a bold label
 * naming a section ("- **Impact**: ...", "- **Key events**" with a sub-list) is a section too, without a heading
 * (an empty anchor): several postmortem styles put their whole write-up in one such list. A footnote's note
 * ({@code [^1]: ...}) belongs to the body, not to the section it happens to be written in: it is in no section.
 */
final class Outline {
    /**
     * One section.
     *
     * @param kind    what it was recognized as ({@link SectionKind#OTHER} when not recognized)
     * @param title   the heading or label as written
     * @param anchor  the heading's id in the rendered body, or empty for a labelled list item
     * @param level   the heading level (a labelled list item counts as 7, below every heading)
     * @param line    the 0-based body line of the heading or item
     * @param blocks  the blocks in the section, headings of subsections included
     * @param heading the heading node, if it is a heading
     */
    record Span(SectionKind kind, String title, String anchor, int level, int line, List<Node> blocks,
                Optional<Heading> heading) {
    }

    private Outline() {
    }

    /** Returns the sections of a document in source order; call after rendering, which assigns heading ids. */
    static List<Span> of(Document doc) {
        List<Span> spans = new ArrayList<>();
        Deque<Open> open = new ArrayDeque<>();
        for (Node block = doc.getFirstChild(); block != null; block = block.getNext()) {
            if (block instanceof FootnoteBlock) {
                continue;
            }
            if (block instanceof Heading h) {
                while (!open.isEmpty() && open.peek().level >= h.getLevel()) {
                    close(open.pop(), spans);
                }
                for (Open o : open) {
                    o.blocks.add(block);
                }
                String title = NodeText.inline(h);
                SectionKind kind = SectionNames.kind(title).orElse(SectionKind.OTHER);
                String anchor = h.getAnchorRefId() == null ? "" : h.getAnchorRefId();
                open.push(new Open(kind, title, anchor, h.getLevel(), h.getLineNumber(), h));
                continue;
            }
            for (Open o : open) {
                o.blocks.add(block);
            }
            if (block instanceof ListBlock list) {
                labelled(list, spans);
            }
        }
        while (!open.isEmpty()) {
            close(open.pop(), spans);
        }
        spans.sort((a, b) -> Integer.compare(a.line(), b.line()));
        return List.copyOf(spans);
    }

    /** Returns the blocks before the document's first heading, which no span holds. */
    static List<Node> leading(Document doc) {
        List<Node> out = new ArrayList<>();
        for (Node n = doc.getFirstChild(); n != null && !(n instanceof Heading); n = n.getNext()) {
            out.add(n);
        }
        return out;
    }

    /** Returns the bold label a list item or paragraph starts with, without a trailing colon, if any. */
    static Optional<String> label(Node block) {
        Node p = block instanceof ListItem ? block.getFirstChild() : block;
        if (!(p instanceof Paragraph) || !(p.getFirstChild() instanceof StrongEmphasis strong)) {
            return Optional.empty();
        }
        String label = NodeText.inline(strong).replaceAll("[:\\s]+$", "");
        return label.isEmpty() || label.length() > 80 ? Optional.empty() : Optional.of(label);
    }

    private static void labelled(ListBlock list, List<Span> spans) {
        for (Node n = list.getFirstChild(); n != null; n = n.getNext()) {
            if (!(n instanceof ListItem item)) {
                continue;
            }
            Optional<String> label = label(item);
            Optional<SectionKind> kind = label.flatMap(SectionNames::kind);
            if (kind.isEmpty()) {
                continue;
            }
            List<Node> blocks = new ArrayList<>();
            for (Node c = item.getFirstChild(); c != null; c = c.getNext()) {
                blocks.add(c);
            }
            spans.add(new Span(kind.get(), label.get(), "", 7, item.getLineNumber(), blocks, Optional.empty()));
        }
    }

    private static void close(Open o, List<Span> spans) {
        spans.add(new Span(o.kind, o.title, o.anchor, o.level, o.line, List.copyOf(o.blocks), Optional.of(o.heading)));
    }

    /** A section whose end has not been reached yet. */
    private static final class Open {
        private final SectionKind kind;
        private final String title;
        private final String anchor;
        private final int level;
        private final int line;
        private final Heading heading;
        private final List<Node> blocks = new ArrayList<>();

        Open(SectionKind kind, String title, String anchor, int level, int line, Heading heading) {
            this.kind = kind;
            this.title = title;
            this.anchor = anchor;
            this.level = level;
            this.line = line;
            this.heading = heading;
        }
    }
}
