package dev.hindsight.config;

import dev.hindsight.model.Problem;
import dev.hindsight.model.Result;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Reads a text file the way every Hindsight input is read: strict UTF-8, at most {@value #MAX_BYTES} bytes,
 * no NUL bytes, a leading byte-order mark dropped, and CRLF or CR line ends turned into LF. Text that starts with a
 * UTF-16 byte-order mark (as Windows tools save it) is read as UTF-16, with a warning.
 * A file that breaks a rule gives no text and one error that says which rule; bad UTF-8 is decoded with
 * replacement characters and a warning that says which line.
 */
public final class SourceText {
    /** The largest file read as text: 5 MiB, far above any real postmortem (the largest in the corpora is 30 KB). */
    public static final long MAX_BYTES = 5L * 1024 * 1024;

    private SourceText() {
    }

    /**
     * Returns a file's bytes when it is within the size limit and can be read; empty otherwise, and then
     * {@link #read} says why. The size is checked before any byte is read.
     */
    public static Optional<byte[]> bytes(Path file) {
        try {
            return Files.size(file) > MAX_BYTES ? Optional.empty() : Optional.of(Files.readAllBytes(file));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Reads and decodes a file; the size is checked before any byte is read. */
    public static Result<Optional<String>> read(Path file, String path) {
        try {
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                return failed(path, 1, "file-too-large", "file is " + size + " bytes; the limit for a text file is "
                        + MAX_BYTES + " bytes (5 MiB)");
            }
            return decode(Files.readAllBytes(file), path);
        } catch (IOException e) {
            return failed(path, 1, "io", "could not read the file: " + e.getClass().getSimpleName() + " " + e.getMessage());
        }
    }

    /** Decodes bytes as strict UTF-8 text with LF line ends. */
    public static Result<Optional<String>> decode(byte[] bytes, String path) {
        if (bytes.length > MAX_BYTES) {
            return failed(path, 1, "file-too-large", "file is " + bytes.length + " bytes; the limit is " + MAX_BYTES);
        }
        if (utf16Mark(bytes)) {
            return utf16(bytes, path);
        }
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                return failed(path, lineAt(bytes, i), "binary", looksUtf16(bytes)
                        ? "UTF-16 text without a byte-order mark: save the file as UTF-8"
                        : "binary file: it contains a NUL byte");
            }
        }
        String plain = new String(bytes, StandardCharsets.UTF_8);
        if (plain.indexOf('\uFFFD') < 0) {
            // Bad bytes decode to U+FFFD, so without one the text is valid UTF-8 and decoded already.
            return Result.of(Optional.of(normalize(plain)));
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult r = decoder.decode(in, out, true);
        if (r.isError()) {
            // A page can show text with a few replacement characters: decode on, and say where the first bad byte is.
            int at = in.position();
            String text = new String(bytes, StandardCharsets.UTF_8);
            return new Result<>(Optional.of(normalize(text)), List.of(Problem.warning(path, lineAt(bytes, at), "encoding",
                    String.format(java.util.Locale.ROOT, "not valid UTF-8 (byte 0x%02X at offset %d): read with \uFFFD in "
                            + "place of the bad bytes; save the file as UTF-8", bytes[at] & 0xff, at))));
        }
        decoder.flush(out);
        out.flip();
        return Result.of(Optional.of(normalize(out.toString())));
    }

    /** Returns true when the bytes start with a UTF-16 byte-order mark (as Windows tools often save text). */
    private static boolean utf16Mark(byte[] b) {
        return b.length >= 2 && ((b[0] == (byte) 0xFF && b[1] == (byte) 0xFE) || (b[0] == (byte) 0xFE && b[1] == (byte) 0xFF));
    }

    /** Returns true when every other byte of the first ones is NUL: the shape of ASCII text saved as UTF-16. */
    private static boolean looksUtf16(byte[] b) {
        int n = Math.min(b.length, 64) & ~1;
        if (n < 4) {
            return false;
        }
        int evenNul = 0;
        int oddNul = 0;
        for (int i = 0; i < n; i += 2) {
            evenNul += b[i] == 0 ? 1 : 0;
            oddNul += b[i + 1] == 0 ? 1 : 0;
        }
        return Math.max(evenNul, oddNul) * 2 >= n / 2 + n / 4 && Math.min(evenNul, oddNul) == 0;
    }

    /** Decodes text marked as UTF-16 (strictly), with a warning to save it as UTF-8. */
    private static Result<Optional<String>> utf16(byte[] bytes, String path) {
        try {
            String text = StandardCharsets.UTF_16.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            if (text.indexOf('\0') >= 0) {
                return failed(path, 1, "binary", "binary file: it contains a NUL character (read as UTF-16)");
            }
            return new Result<>(Optional.of(normalize(text)), List.of(Problem.warning(path, 1, "encoding",
                    "UTF-16 text (it starts with a UTF-16 byte-order mark): read as UTF-16; save the file as UTF-8")));
        } catch (java.nio.charset.CharacterCodingException e) {
            return failed(path, 1, "encoding", "marked as UTF-16 but not valid UTF-16: save the file as UTF-8");
        }
    }

    /** Drops a byte-order mark and turns CRLF and lone CR into LF. */
    public static String normalize(String text) {
        String t = text.startsWith("\uFEFF") ? text.substring(1) : text;
        if (t.indexOf('\r') < 0) {
            return t;
        }
        return t.replace("\r\n", "\n").replace('\r', '\n');
    }

    private static int lineAt(byte[] bytes, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < bytes.length; i++) {
            if (bytes[i] == '\n' || (bytes[i] == '\r' && (i + 1 >= bytes.length || bytes[i + 1] != '\n'))) {
                line++;
            }
        }
        return line;
    }

    private static Result<Optional<String>> failed(String path, int line, String rule, String message) {
        return new Result<>(Optional.empty(), List.of(Problem.error(path, line, rule, message)));
    }
}
