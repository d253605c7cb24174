package dev.hindsight.config;

import dev.hindsight.model.Problem;
import dev.hindsight.model.Result;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class SourceTextTest {

    private static Result<Optional<String>> decode(byte[] bytes) {
        return SourceText.decode(bytes, "f.md");
    }

    @Test
    void dropsTheByteOrderMarkAndNormalizesLineEnds() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'a', '\r', '\n', 'b', '\r', 'c', '\n'};
        assertThat(decode(bom).value()).contains("a\nb\nc\n");
    }

    @Test
    void utf16WithAByteOrderMarkIsReadAsUtf16WithAWarning() {
        String text = "---\r\ntitle: Datenbank \u00fcberlastet \u30c7\u30fc\u30bf\r\n---\r\n";
        for (java.nio.charset.Charset cs : new java.nio.charset.Charset[] {StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE}) {
            byte[] mark = cs == StandardCharsets.UTF_16LE ? new byte[] {(byte) 0xFF, (byte) 0xFE} : new byte[] {(byte) 0xFE, (byte) 0xFF};
            byte[] body = text.getBytes(cs);
            byte[] bytes = new byte[mark.length + body.length];
            System.arraycopy(mark, 0, bytes, 0, 2);
            System.arraycopy(body, 0, bytes, 2, body.length);
            Result<Optional<String>> r = decode(bytes);
            assertThat(r.value()).as("%s", cs).contains("---\ntitle: Datenbank \u00fcberlastet \u30c7\u30fc\u30bf\n---\n");
            assertThat(r.problems()).singleElement().satisfies(p -> {
                assertThat(p.level()).isEqualTo(Problem.Level.WARNING);
                assertThat(p.message()).contains("UTF-16").contains("save the file as UTF-8");
            });
        }
    }

    @Test
    void utf16WithoutAMarkIsNamedSoInsteadOfBinary() {
        Result<Optional<String>> r = decode("---\ntitle: Queue backlog\n---\n".getBytes(StandardCharsets.UTF_16LE));
        assertThat(r.value()).isEmpty();
        assertThat(r.problems()).singleElement().satisfies(p -> assertThat(p.message()).contains("UTF-16 text without a byte-order mark"));
        byte[] binary = {'P', 'K', 3, 4, 0, 0, 0, 0, 8, 0, 0x21, 0x13, 0x55, 0x7a, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66};
        assertThat(decode(binary).problems()).singleElement().satisfies(p -> assertThat(p.message()).contains("binary file"));
        byte[] broken = {(byte) 0xFF, (byte) 0xFE, 0x00, (byte) 0xD8, 'a', 0};
        assertThat(decode(broken).value()).as("a lone surrogate is not UTF-16 text").isEmpty();
    }

    @Test
    void invalidUtf8IsReadWithReplacementAndAWarningAtTheLineOfTheFirstBadByte() {
        byte[] text = "line one\nline two\nbad \u00e9 here".getBytes(StandardCharsets.ISO_8859_1);
        Result<Optional<String>> r = decode(text);
        assertThat(r.value()).contains("line one\nline two\nbad \uFFFD here");
        assertThat(r.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.rule()).isEqualTo("encoding");
            assertThat(p.level()).isEqualTo(Problem.Level.WARNING);
            assertThat(p.message()).contains("0xE9");
        });
    }

    @Test
    void aReplacementCharacterWrittenInTheFileIsTextNotABadByte() {
        byte[] text = "k\u00f6ln \uFFFD ok\r\n\uD83D\uDE80".getBytes(StandardCharsets.UTF_8);
        Result<Optional<String>> r = decode(text);
        assertThat(r.value()).contains("k\u00f6ln \uFFFD ok\n\uD83D\uDE80");
        assertThat(r.problems()).isEmpty();
    }

    @Test
    void anEncodedSurrogateIsABadByteSequence() {
        byte[] text = {'a', (byte) 0xED, (byte) 0xA0, (byte) 0x80, 'b'};
        Result<Optional<String>> r = decode(text);
        assertThat(r.problems()).extracting(Problem::rule).containsExactly("encoding");
        assertThat(r.value().orElseThrow()).startsWith("a\uFFFD").endsWith("b");
    }

    @Test
    void aTruncatedSequenceAtTheEndIsReplaced() {
        byte[] text = {'o', 'k', (byte) 0xE2, (byte) 0x82};
        assertThat(decode(text).value()).contains("ok\uFFFD");
        assertThat(decode(text).problems()).extracting(Problem::rule).containsExactly("encoding");
    }

    @Test
    void aNulByteMeansBinary() {
        Result<Optional<String>> r = decode(new byte[] {'#', ' ', 'x', '\n', 0, 1, 2});
        assertThat(r.value()).isEmpty();
        assertThat(r.problems()).extracting(Problem::rule).containsExactly("binary");
    }

    @Test
    void emptyIsEmptyText() {
        assertThat(decode(new byte[0]).value()).contains("");
    }

    @Test
    void aFileOverTheLimitIsRefusedBeforeReading(@TempDir Path dir) throws IOException {
        Path big = dir.resolve("big.md");
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(20L * 1024 * 1024);
        }
        Result<Optional<String>> r = SourceText.read(big, "big.md");
        assertThat(r.value()).isEmpty();
        assertThat(r.problems()).singleElement().satisfies(p -> {
            assertThat(p.rule()).isEqualTo("file-too-large");
            assertThat(p.message()).contains("20971520");
        });
    }
}
