package dev.hindsight.model;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.PrettyPrinter;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Locale;

/**
 * Writes every JSON file Hindsight makes, with jackson-core's streaming generator, one way.
 *
 * <p>Strings escape what JSON requires and also {@code <}, {@code >}, {@code &}, U+2028, U+2029 and DEL as
 * {@code \u003c}-style escapes ({@link HtmlSafeEscapes}), and lone surrogates as {@code \ud800}-style escapes
 * ({@link LoneSurrogateWriter}), so the output is valid UTF-8 and harmless inside an HTML {@code <script>}
 * element; a surrogate pair passes through as the character it encodes. Keys come out in the order they are
 * written. Hex digits are lower case.
 */
public final class JsonOut {
    /** One generator configuration for every file: built once, immutable and thread-safe. */
    private static final JsonFactory FACTORY = new JsonFactoryBuilder()
            .characterEscapes(new HtmlSafeEscapes())
            .disable(JsonWriteFeature.WRITE_HEX_UPPER_CASE)
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .build();

    /** How a document is laid out. */
    public enum Layout {
        /** No whitespace at all: {@code {"a":1,"b":[1,2]}}. */
        COMPACT,
        /** Two-space indentation, one member or element a line, {@code "a": 1}; empty containers as {@code []}. */
        INDENTED,
        /** One line with a space after each colon and comma: {@code {"a": 1, "b": [1, 2]}} (a table row). */
        ONE_LINE
    }

    /** Writes the content of a document (one value) to a generator. */
    @FunctionalInterface
    public interface Body {
        /** Writes the value. */
        void write(JsonGenerator g) throws IOException;
    }

    private JsonOut() {
    }

    /** Returns the document a body writes, in a layout, without a trailing newline. */
    public static String string(Layout layout, Body body) {
        StringWriter out = new StringWriter();
        try {
            write(out, layout, body);
        } catch (IOException e) {
            // A StringWriter does not fail; the body may (it is asked to write a document it cannot).
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** Writes the document a body writes to a writer, in a layout; the writer is flushed, not closed. */
    private static void write(Writer out, Layout layout, Body body) throws IOException {
        LoneSurrogateWriter safe = new LoneSurrogateWriter(out);
        try (JsonGenerator g = FACTORY.createGenerator(safe)) {
            if (layout != Layout.COMPACT) {
                g.setPrettyPrinter(printer(layout));
            }
            body.write(g);
        }
        safe.flush();
    }

    /** Writes a value on one line (see {@link Layout#ONE_LINE}) in place of a value of an indented document. */
    public static void oneLine(JsonGenerator g, Body body) throws IOException {
        g.writeRawValue(string(Layout.ONE_LINE, body));
    }

    /** Writes a member whose value is an array of strings, in order. */
    public static void strings(JsonGenerator g, String name, Iterable<String> values) throws IOException {
        g.writeArrayFieldStart(name);
        for (String v : values) {
            g.writeString(v);
        }
        g.writeEndArray();
    }

    /** Writes a finite number with at most a number of decimals, without trailing zeros ({@code 1.5}, {@code 2}). */
    public static void decimal(JsonGenerator g, double value, int places) throws IOException {
        Validate.isTrue(Double.isFinite(value), "JSON numbers must be finite");
        String fixed = String.format(Locale.ROOT, "%." + places + "f", value);
        g.writeNumber(places == 0 ? fixed : fixed.replaceAll("0+$", "").replaceAll("\\.$", ""));
    }

    private static PrettyPrinter printer(Layout layout) {
        boolean indented = layout == Layout.INDENTED;
        Separators separators = Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withObjectEntrySpacing(indented ? Separators.Spacing.NONE : Separators.Spacing.AFTER)
                .withArrayValueSpacing(indented ? Separators.Spacing.NONE : Separators.Spacing.AFTER)
                .withObjectEmptySeparator("").withArrayEmptySeparator("").withRootSeparator("");
        DefaultPrettyPrinter.Indenter indent = indented ? new DefaultIndenter("  ", "\n") : DefaultPrettyPrinter.NopIndenter.instance;
        return new DefaultPrettyPrinter(separators).withObjectIndenter(indent).withArrayIndenter(indent);
    }
}
