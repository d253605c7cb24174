package dev.hindsight.model;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonOutTest {

    /** Returns the JSON string literal JsonOut writes for a text. */
    private static String quoted(String s) {
        return JsonOut.string(JsonOut.Layout.COMPACT, g -> g.writeString(s));
    }

    /** Reads back the one string value of a document, through its UTF-8 bytes as a file would hold them. */
    private static String readBack(String json) throws IOException {
        try (JsonParser p = new JsonFactory().createParser(json.getBytes(StandardCharsets.UTF_8))) {
            assertThat(p.nextToken()).isEqualTo(JsonToken.VALUE_STRING);
            return p.getText();
        }
    }

    @Test
    void escapesWhatJsonRequires() {
        assertThat(quoted("a\"b\\c\nd\te\u0001\r\b\f")).isEqualTo("\"a\\\"b\\\\c\\nd\\te\\u0001\\r\\b\\f\"");
    }

    @Test
    void escapesEachHtmlSignificantCharacterAndTheJavaScriptLineBreaks() {
        assertThat(quoted("<")).isEqualTo("\"\\u003c\"");
        assertThat(quoted(">")).isEqualTo("\"\\u003e\"");
        assertThat(quoted("&")).isEqualTo("\"\\u0026\"");
        assertThat(quoted("\u2028")).isEqualTo("\"\\u2028\"");
        assertThat(quoted("\u2029")).isEqualTo("\"\\u2029\"");
        assertThat(quoted("\u007f")).isEqualTo("\"\\u007f\"");
        assertThat(quoted("</script><!-- x")).doesNotContain("<").doesNotContain(">")
                .isEqualTo("\"\\u003c/script\\u003e\\u003c!-- x\"");
    }

    @Test
    void namesAreEscapedLikeValues() {
        assertThat(JsonOut.string(JsonOut.Layout.COMPACT, g -> {
            g.writeStartObject();
            g.writeStringField("</a>\u2028", "v");
            g.writeEndObject();
        })).isEqualTo("{\"\\u003c/a\\u003e\\u2028\":\"v\"}");
    }

    @Test
    void aSurrogatePairPassesThroughAsItsCharacter() throws IOException {
        String json = quoted("x\uD83D\uDE00y");
        assertThat(json).isEqualTo("\"x\uD83D\uDE00y\"");
        assertThat(json.getBytes(StandardCharsets.UTF_8)).containsSubsequence((byte) 0xF0, (byte) 0x9F, (byte) 0x98, (byte) 0x80);
        assertThat(readBack(json)).isEqualTo("x\uD83D\uDE00y");
    }

    @Test
    void loneSurrogatesAreEscapedAndReadBackAsTheSameCodeUnits() throws IOException {
        // High alone, before an ordinary character, at the end, before another high that starts a pair; low alone,
        // first, and a low followed by a high (a reversed pair is two lone surrogates).
        assertThat(quoted("x\uD800y")).isEqualTo("\"x\\ud800y\"");
        assertThat(quoted("x\uD800")).isEqualTo("\"x\\ud800\"");
        assertThat(quoted("\uD800\uD83D\uDE00")).isEqualTo("\"\\ud800\uD83D\uDE00\"");
        assertThat(quoted("x\uDC00y")).isEqualTo("\"x\\udc00y\"");
        assertThat(quoted("\uDFFF")).isEqualTo("\"\\udfff\"");
        assertThat(quoted("\uDC00\uD800")).isEqualTo("\"\\udc00\\ud800\"");
        assertThat(quoted("\uD800<")).isEqualTo("\"\\ud800\\u003c\"");
        assertThat(readBack(quoted("a\uD800b\uDC00c"))).isEqualTo("a\uD800b\uDC00c");
        // The bytes are valid UTF-8: decoding and encoding them again changes nothing.
        byte[] bytes = quoted("a\uD800b\uDC00c\uD83D\uDE00").getBytes(StandardCharsets.UTF_8);
        assertThat(new String(bytes, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8)).isEqualTo(bytes);
        assertThat(new String(bytes, StandardCharsets.UTF_8)).doesNotContain("\uFFFD");
    }

    @Test
    void aPairSplitAcrossTwoWritesStaysAPair() throws IOException {
        StringWriter sink = new StringWriter();
        LoneSurrogateWriter w = new LoneSurrogateWriter(sink);
        w.write(new char[] {'a', '\uD83D'}, 0, 2);
        w.write(new char[] {'\uDE00', 'b', '\uD800'}, 0, 3);
        w.write(new char[] {'c'}, 0, 1);
        w.write(new char[] {'\uD801'}, 0, 1);
        w.flush();
        assertThat(sink.toString()).isEqualTo("a\uD83D\uDE00b\\ud800c\\ud801");
    }

    @Test
    void nonAsciiTextIsWrittenAsIs() {
        assertThat(quoted("\u00e9\u20ac\u4e2d")).isEqualTo("\"\u00e9\u20ac\u4e2d\"");
    }

    @Property(tries = 300)
    void everyStringReadsBackAsWritten(@ForAll String s) throws IOException {
        String json = quoted(s);
        assertThat(json).doesNotContain("<").doesNotContain(">").doesNotContain("&")
                .doesNotContain("\u2028").doesNotContain("\u2029");
        assertThat(readBack(json)).isEqualTo(s);
    }

    @Test
    void membersComeOutInTheOrderWritten() {
        String json = JsonOut.string(JsonOut.Layout.COMPACT, g -> {
            g.writeStartObject();
            for (String k : List.of("zeta", "alpha", "mid", "beta")) {
                g.writeNumberField(k, k.length());
            }
            g.writeEndObject();
        });
        assertThat(json).isEqualTo("{\"zeta\":4,\"alpha\":5,\"mid\":3,\"beta\":4}");
    }

    @Test
    void layoutsDifferOnlyInWhitespace() {
        JsonOut.Body doc = g -> {
            g.writeStartObject();
            g.writeStringField("a", "x");
            g.writeArrayFieldStart("list");
            g.writeNumber(1);
            g.writeNumber(2);
            g.writeEndArray();
            g.writeArrayFieldStart("none");
            g.writeEndArray();
            g.writeObjectFieldStart("o");
            g.writeEndObject();
            g.writeFieldName("row");
            JsonOut.oneLine(g, r -> {
                r.writeStartObject();
                r.writeNullField("k");
                JsonOut.strings(r, "v", List.of("p", "q"));
                r.writeEndObject();
            });
            g.writeEndObject();
        };
        assertThat(JsonOut.string(JsonOut.Layout.COMPACT, doc))
                .isEqualTo("{\"a\":\"x\",\"list\":[1,2],\"none\":[],\"o\":{},\"row\":{\"k\": null, \"v\": [\"p\", \"q\"]}}");
        assertThat(JsonOut.string(JsonOut.Layout.INDENTED, doc)).isEqualTo("""
                {
                  "a": "x",
                  "list": [
                    1,
                    2
                  ],
                  "none": [],
                  "o": {},
                  "row": {"k": null, "v": ["p", "q"]}
                }""");
        assertThat(JsonOut.string(JsonOut.Layout.ONE_LINE, doc))
                .isEqualTo("{\"a\": \"x\", \"list\": [1, 2], \"none\": [], \"o\": {}, \"row\": {\"k\": null, \"v\": [\"p\", \"q\"]}}");
    }

    @Test
    void theSameDocumentIsTheSameBytesEveryTime() {
        List<String> runs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            runs.add(JsonOut.string(JsonOut.Layout.INDENTED, g -> {
                g.writeStartArray();
                g.writeString("\uD800 <b> \uD83D\uDE00");
                g.writeNumber(1.5);
                g.writeEndArray();
            }));
        }
        assertThat(runs).containsOnly(runs.get(0));
    }

    @Test
    void anUnbalancedDocumentIsRefused() {
        assertThatThrownBy(() -> JsonOut.string(JsonOut.Layout.COMPACT, g -> {
            g.writeStartObject();
            g.writeEndArray();
        })).hasMessageContaining("Current context not Array");
    }
}
