package dev.hindsight.index;

import dev.hindsight.model.Postmortem;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes the per-document fragments: what a result shows, fetched only for visible results,
 * {@value #CHUNK} consecutive documents a file, {@code frag.<hash>/<n>.bin} for documents {@code n*CHUNK} on
 * (one hash for the folder keeps the manifest small at 10,000 documents). Each file is a JSON array of objects: {@code t} title,
 * {@code u} URL relative to the site root, {@code d} date, {@code s} severity, {@code v} services, {@code c}
 * causes, {@code x} summary, {@code b} the start of the body text (up to {@value #BODY} characters), from which
 * the client cuts a snippet around the matched words.
 */
final class FragmentExport {
    /** Documents per fragment file. */
    static final int CHUNK = 1;
    /** Body characters kept for snippets. */
    static final int BODY = 1000;

    /** Writes the fragments of all documents, in document order, and returns their folder. */
    String write(List<Postmortem> docs, SearchFiles out) {
        List<byte[]> chunks = new ArrayList<>();
        for (int from = 0; from < docs.size(); from += CHUNK) {
            JsonText json = new JsonText().arr();
            for (Postmortem p : docs.subList(from, Math.min(docs.size(), from + CHUNK))) {
                json.obj().put("t", p.title()).put("u", p.url().substring(1)).put("d", p.date().toString())
                        .put("s", p.severity().orElse("")).put("v", p.services()).put("c", p.causes())
                        .put("x", p.summary().orElse("")).put("b", cut(p.bodyText(), BODY)).endObj();
            }
            chunks.add(json.endArr().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        return out.addGroup("frag", chunks);
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
