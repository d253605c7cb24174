package dev.hindsight.render;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.json.Json;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonWriterTest {

    @Test
    void escapesWhatJsonRequires() {
        assertThat(JsonWriter.quoted("a\"b\\c\nd\te\u0001")).isEqualTo("\"a\\\"b\\\\c\\nd\\te\\u0001\"");
    }

    @Test
    void escapesHtmlSignificantCharactersSoScriptTagsCannotEnd() {
        String q = JsonWriter.quoted("</script><!-- & \u2028\u2029");
        assertThat(q).doesNotContain("<").doesNotContain(">").doesNotContain("&")
                .contains("\\u003c/script\\u003e").contains("\\u2028").contains("\\u2029");
    }

    @Test
    void keepsPairedSurrogatesAndEscapesLoneOnes() {
        assertThat(JsonWriter.quoted("\uD83D\uDE00")).isEqualTo("\"\uD83D\uDE00\"");
        assertThat(JsonWriter.quoted("x\uD800y")).isEqualTo("\"x\\ud800y\"");
    }

    @Test
    void copiesPlainRunsAroundEscapesExactly() {
        // Plain text is copied in runs between escapes: every boundary (start, middle, end, after a surrogate pair).
        assertThat(JsonWriter.quoted("<abc>def&gh\u00e9\u20ac\uD83D\uDE00x\"y\\\u007f"))
                .isEqualTo("\"\\u003cabc\\u003edef\\u0026gh\u00e9\u20ac\uD83D\uDE00x\\\"y\\\\\\u007f\"");
        assertThat(JsonWriter.quoted("plain text only")).isEqualTo("\"plain text only\"");
        assertThat(JsonWriter.quoted("")).isEqualTo("\"\"");
    }

    @Test
    void writesNestedDocumentsThatParseBack() {
        String tricky = "T <script>alert(1)</script> \"q\" \\ é \u0000";
        String json = new JsonWriter().beginObject()
                .name("title").value(tricky)
                .name("n").value(42)
                .name("ok").value(true)
                .name("none").nullValue()
                .name("list").strings(List.of("a", "b"))
                .name("empty").beginArray().endArray()
                .name("obj").beginObject().name("k").value("v").endObject()
                .endObject().toJson();
        @SuppressWarnings("unchecked")
        Map<String, Object> back = new Json().toType(json, Map.class);
        assertThat(back.get("title")).isEqualTo(tricky);
        assertThat(back.get("n")).isEqualTo(42L);
        assertThat(back.get("ok")).isEqualTo(true);
        assertThat(back).containsKey("none");
        assertThat(back.get("none")).isNull();
        assertThat(back.get("list")).isEqualTo(List.of("a", "b"));
        assertThat(back.get("empty")).isEqualTo(List.of());
        assertThat(back.get("obj")).isEqualTo(Map.of("k", "v"));
    }

    @Test
    void refusesUnbalancedDocuments() {
        assertThatThrownBy(() -> new JsonWriter().beginObject().toJson()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new JsonWriter().beginArray().endObject()).isInstanceOf(IllegalArgumentException.class);
    }
}
