package dev.hindsight.index;

import dev.hindsight.model.Postmortem;
import dev.hindsight.model.Section;
import dev.hindsight.model.SectionKind;
import dev.hindsight.model.SiteConfig;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes the per-document fragments: what a result shows, fetched only for visible results,
 * {@value #CHUNK} consecutive documents a file, {@code frag.<hash>/<n>.bin} for documents {@code n*CHUNK} on
 * (one hash for the folder keeps the manifest small at 10,000 documents). Each file is a JSON array of objects: {@code t} title,
 * {@code u} URL relative to the site root, {@code d} date, {@code s} severity, {@code v} service ids, {@code n}
 * their labels, {@code c} causes, {@code x} summary, {@code r} the first sentence of the resolution (or ""), and
 * {@code b} the body as sections, {@code [heading, anchor, text]}, in order, up to {@value #BODY} characters in all,
 * from which the client cuts a snippet around the matched words and names the section it came from.
 */
final class FragmentExport {
    /** Documents per fragment file. */
    static final int CHUNK = 1;
    /** Body characters kept for snippets. */
    static final int BODY = 1000;

    /** Characters of the resolution's first sentence kept. */
    static final int RESOLUTION = 220;

    /** Writes the fragments of all documents, in document order, and returns their folder. */
    String write(List<Postmortem> docs, SiteConfig config, SearchFiles out) {
        List<byte[]> chunks = new ArrayList<>();
        for (int from = 0; from < docs.size(); from += CHUNK) {
            JsonText json = new JsonText().arr();
            for (Postmortem p : docs.subList(from, Math.min(docs.size(), from + CHUNK))) {
                json.obj().put("t", p.title()).put("u", p.url().substring(1)).put("d", p.dateLabel())
                        .put("s", p.severity().orElse("")).put("v", p.services())
                        .put("n", p.services().stream().map(id -> SiteConfig.label(config.services(), id)).toList())
                        .put("c", p.causes()).put("x", p.summary().orElse(""))
                        .put("r", p.section(SectionKind.RESOLUTION).map(r -> firstSentence(r.text())).orElse(""));
                body(json.key("b"), p);
                json.endObj();
            }
            chunks.add(json.endArr().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        return out.addGroup("frag", chunks);
    }

    /** Writes the body as [heading, anchor, text] sections, the text of the first ones up to BODY characters. */
    private static void body(JsonText json, Postmortem p) {
        json.arr();
        int left = BODY;
        if (p.sections().isEmpty()) {
            json.arr().value("").value("").value(cut(p.bodyText(), BODY)).endArr();
        }
        for (Section s : p.sections()) {
            if (left <= 0) {
                break;
            }
            String text = cut(s.text(), left);
            left -= text.length();
            json.arr().value(s.heading()).value(s.anchor()).value(text).endArr();
        }
        json.endArr();
    }

    /** Returns the first sentence of a text (to a full stop followed by a space or the end), cut at a word boundary. */
    static String firstSentence(String text) {
        String t = text.strip().replaceAll("\\s+", " ");
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("[.!?](\\s|$)").matcher(t);
        String first = m.find() ? t.substring(0, m.start() + 1) : t;
        return cut(first, RESOLUTION);
    }

    /** Cuts text at a word boundary near a length. */
    static String cut(String text, int max) {
        String t = text.strip();
        if (t.length() <= max) {
            return t;
        }
        int end = t.lastIndexOf(' ', max);
        end = end < max / 2 ? max : end;
        if (Character.isHighSurrogate(t.charAt(end - 1))) {
            end--;
        }
        return t.substring(0, end) + " …";
    }
}
