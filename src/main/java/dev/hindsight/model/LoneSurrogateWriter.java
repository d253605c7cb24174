package dev.hindsight.model;

import java.io.IOException;
import java.io.Writer;
import java.util.Locale;

/**
 * Passes a JSON generator's characters on, writing each lone surrogate as a {@code \ud800}-style escape, so the
 * document stays valid UTF-8 and keeps the code unit; a high surrogate followed by a low one passes through as the
 * pair it is, even when the two arrive in separate writes.
 *
 * <p>Only the inside of a string can hold a surrogate (every other JSON character is ASCII), so an escape is
 * always written where an escape is valid. The generator itself cannot do this: its character escapes see one
 * character at a time, and its UTF-8 output either escapes every surrogate or (combining pairs) misreads a lone
 * high surrogate followed by an ordinary character.
 */
final class LoneSurrogateWriter extends Writer {
    private static final char NONE = 0;

    private final Writer out;
    /** A high surrogate written last, whose partner is not known yet; NONE when there is none. */
    private char pendingHigh = NONE;

    LoneSurrogateWriter(Writer out) {
        this.out = Validate.notNull(out, "out");
    }

    @Override
    public void write(char[] buf, int off, int len) throws IOException {
        int plain = off;
        int end = off + len;
        for (int i = off; i < end; i++) {
            char c = buf[i];
            if (!Character.isSurrogate(c) && pendingHigh == NONE) {
                continue;
            }
            out.write(buf, plain, i - plain);
            plain = i + 1;
            if (pendingHigh != NONE) {
                if (Character.isLowSurrogate(c)) {
                    out.write(pendingHigh);
                    out.write(c);
                    pendingHigh = NONE;
                    continue;
                }
                escape(pendingHigh);
                pendingHigh = NONE;
            }
            if (Character.isHighSurrogate(c)) {
                pendingHigh = c;
            } else if (Character.isLowSurrogate(c)) {
                escape(c);
            } else {
                out.write(c);
            }
        }
        out.write(buf, plain, end - plain);
    }

    @Override
    public void flush() throws IOException {
        if (pendingHigh != NONE) {
            escape(pendingHigh);
            pendingHigh = NONE;
        }
        out.flush();
    }

    @Override
    public void close() throws IOException {
        flush();
    }

    private void escape(char c) throws IOException {
        out.write(String.format(Locale.ROOT, "\\u%04x", (int) c));
    }
}
