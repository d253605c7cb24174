package dev.hindsight.index;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.hindsight.model.JsonOut;
import dev.hindsight.model.Postmortem;
import dev.hindsight.model.Section;
import dev.hindsight.model.SectionKind;
import dev.hindsight.model.SiteConfig;

import java.io.IOException;
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
        return write(docs, config, out, FragmentMemo.none());
    }

    /** Writes the fragments of all documents, taking a file whose incidents did not change from a memo. */
    String write(List<Postmortem> docs, SiteConfig config, SearchFiles out, FragmentMemo memo) {
        String labels = dev.hindsight.model.RecordCodec.hash(new Labels(config.services()));
        // Each file is made on its own (on all cores, in file order): one a document, they were a serial second at 10k.
        List<byte[]> chunks = java.util.stream.IntStream.range(0, (docs.size() + CHUNK - 1) / CHUNK).parallel()
                .mapToObj(n -> {
                    List<Postmortem> chunk = docs.subList(n * CHUNK, Math.min(docs.size(), (n + 1) * CHUNK));
                    return memo.file(chunk, labels, () -> chunk(chunk, config));
                }).toList();
        return out.addGroup("frag", chunks);
    }

    /** What a fragment reads of the site besides its incident: the services' labels. */
    private record Labels(List<dev.hindsight.model.Term> services) {
    }

    private static byte[] chunk(List<Postmortem> chunk, SiteConfig config) {
        String json = JsonOut.string(JsonOut.Layout.COMPACT, g -> {
            g.writeStartArray();
            for (Postmortem p : chunk) {
                fragment(g, p, config);
            }
            g.writeEndArray();
        });
        return json.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static void fragment(JsonGenerator g, Postmortem p, SiteConfig config) throws IOException {
        g.writeStartObject();
        g.writeStringField("t", p.title());
        g.writeStringField("u", p.url().substring(1));
        g.writeStringField("d", p.dateLabel());
        g.writeStringField("s", p.severity().orElse(""));
        JsonOut.strings(g, "v", p.services());
        JsonOut.strings(g, "n", p.services().stream().map(id -> SiteConfig.label(config.services(), id)).toList());
        JsonOut.strings(g, "c", p.causes());
        g.writeStringField("x", p.summary().orElse(""));
        g.writeStringField("r", p.section(SectionKind.RESOLUTION).map(r -> firstSentence(r.text())).orElse(""));
        g.writeFieldName("b");
        body(g, p);
        g.writeEndObject();
    }

    /** Writes the body as [heading, anchor, text] sections, the text of the first ones up to BODY characters. */
    private static void body(JsonGenerator g, Postmortem p) throws IOException {
        g.writeStartArray();
        int left = BODY;
        if (p.sections().isEmpty()) {
            section(g, "", "", cut(p.bodyText(), BODY));
        }
        for (Section s : p.sections()) {
            if (left <= 0) {
                break;
            }
            String text = cut(s.text(), left);
            left -= text.length();
            section(g, s.heading(), s.anchor(), text);
        }
        g.writeEndArray();
    }

    private static void section(JsonGenerator g, String heading, String anchor, String text) throws IOException {
        g.writeStartArray();
        g.writeString(heading);
        g.writeString(anchor);
        g.writeString(text);
        g.writeEndArray();
    }

    private static final java.util.regex.Pattern SPACES = java.util.regex.Pattern.compile("\\s+");
    private static final java.util.regex.Pattern SENTENCE_END = java.util.regex.Pattern.compile("[.!?](\\s|$)");

    /** Returns the first sentence of a text (to a full stop followed by a space or the end), cut at a word boundary. */
    static String firstSentence(String text) {
        String t = SPACES.matcher(text.strip()).replaceAll(" ");
        java.util.regex.Matcher m = SENTENCE_END.matcher(t);
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
