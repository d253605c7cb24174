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
