package dev.hindsight.load;

import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.ListBlock;
import com.vladsch.flexmark.ast.ListItem;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.util.ast.Node;

import dev.hindsight.model.Lessons;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads lessons learned into three buckets: what went well, what went wrong, where we got lucky. A bucket is a
 * heading ("### What went well", "### Things that went well", "### Lucky"), a bold label on its own line
 * ("**What went wrong:**") or a bold-labelled list item with a sub-list. Its points are the top-level items of
 * the lists under it, as plain text; a paragraph under a heading counts as one point when there is no list.
 */
final class LessonsParser {
    private LessonsParser() {
    }

    /** Reads the buckets from all sections of a body. */
    static Lessons read(List<Outline.Span> spans) {
        Map<SectionNames.Bucket, List<String>> out = new EnumMap<>(SectionNames.Bucket.class);
        Map<Node, Boolean> seen = new IdentityHashMap<>();
        List<Optional<SectionNames.Bucket>> buckets = buckets(spans);
        for (int i = 0; i < spans.size(); i++) {
            Outline.Span span = spans.get(i);
            if (buckets.get(i).isPresent() && span.heading().isPresent()) {
                points(span.blocks(), buckets.get(i).get(), out, seen);
            }
        }
        for (Outline.Span span : spans) {
            if (span.kind() == dev.hindsight.model.SectionKind.LESSONS && span.heading().isPresent()) {
                labelled(span.blocks(), out, seen);
            }
        }
        return new Lessons(out.getOrDefault(SectionNames.Bucket.WENT_WELL, List.of()),
                out.getOrDefault(SectionNames.Bucket.WENT_WRONG, List.of()),
                out.getOrDefault(SectionNames.Bucket.LUCKY, List.of()));
    }

    /**
     * Returns each span's bucket: by its heading's name, else, for a heading next to a bucket's at the same level, by
     * its words ({@link SectionNames#bucketByWords}).
     */
    private static List<Optional<SectionNames.Bucket>> buckets(List<Outline.Span> spans) {
        List<Optional<SectionNames.Bucket>> out = new ArrayList<>();
        spans.forEach(s -> out.add(SectionNames.bucket(s.title())));
        for (boolean changed = true; changed; ) {
            changed = false;
            for (int i = 0; i < spans.size(); i++) {
                if (out.get(i).isEmpty() && (beside(spans, out, i, i - 1) || beside(spans, out, i, i + 1))) {
                    out.set(i, SectionNames.bucketByWords(spans.get(i).title()));
                    changed |= out.get(i).isPresent();
                }
            }
        }
        return out;
    }

    private static boolean beside(List<Outline.Span> spans, List<Optional<SectionNames.Bucket>> buckets, int i, int j) {
        return j >= 0 && j < spans.size() && buckets.get(j).isPresent() && spans.get(j).level() == spans.get(i).level();
    }

    /** Collects the points under a bucket heading, up to its first subheading. */
    private static void points(List<Node> blocks, SectionNames.Bucket bucket, Map<SectionNames.Bucket, List<String>> out,
                               Map<Node, Boolean> seen) {
        List<String> paragraphs = new ArrayList<>();
        boolean listed = false;
        for (Node b : blocks) {
            if (b instanceof Heading) {
                break;
            }
            if (b instanceof ListBlock list && seen.put(list, Boolean.TRUE) == null) {
                items(list, bucket, out);
                listed = true;
            } else if (b instanceof Paragraph p) {
                String t = NodeText.inline(p);
                if (!t.isBlank()) {
                    paragraphs.add(t);
                }
            }
        }
        if (!listed && !paragraphs.isEmpty()) {
            out.computeIfAbsent(bucket, k -> new ArrayList<>()).add(String.join(" ", paragraphs));
        }
    }

    /** Finds bold-label buckets: a label paragraph followed by a list, or a labelled item with a sub-list. */
    private static void labelled(List<Node> blocks, Map<SectionNames.Bucket, List<String>> out, Map<Node, Boolean> seen) {
        Optional<SectionNames.Bucket> pending = Optional.empty();
        for (Node b : blocks) {
            if (b instanceof Paragraph p) {
                pending = Outline.label(p).flatMap(SectionNames::bucket);
            } else if (b instanceof ListBlock list) {
                if (pending.isPresent() && seen.put(list, Boolean.TRUE) == null) {
                    items(list, pending.get(), out);
                } else {
                    for (Node n = list.getFirstChild(); n != null; n = n.getNext()) {
                        Optional<SectionNames.Bucket> inner = n instanceof ListItem ? Outline.label(n).flatMap(SectionNames::bucket)
                                : Optional.empty();
                        for (Node c = n.getFirstChild(); inner.isPresent() && c != null; c = c.getNext()) {
                            if (c instanceof ListBlock sub && seen.put(sub, Boolean.TRUE) == null) {
                                items(sub, inner.get(), out);
                            }
                        }
                    }
                }
                pending = Optional.empty();
            } else {
                pending = Optional.empty();
            }
        }
    }

    private static void items(ListBlock list, SectionNames.Bucket bucket, Map<SectionNames.Bucket, List<String>> out) {
        for (Node n = list.getFirstChild(); n != null; n = n.getNext()) {
            if (n instanceof ListItem item) {
                String t = NodeText.inline(item);
                if (!t.isBlank()) {
                    out.computeIfAbsent(bucket, k -> new ArrayList<>()).add(t);
                }
            }
        }
    }
}
