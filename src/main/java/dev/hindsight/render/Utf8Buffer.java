package dev.hindsight.render;

import java.io.Writer;
import java.util.Arrays;

/**
 * An unsynchronized in-memory writer for one page being rendered, holding its text as UTF-8 bytes.
 *
 * <p>A page is wanted as bytes (to write, to cache, to splice the search manifest in), so it is encoded as it is
 * written instead of being kept as UTF-16 and copied into a String and then into bytes. The bytes are those of
 * {@code String.getBytes(UTF_8)} on the same text, an unpaired surrogate included (it becomes {@code ?}), even
 * when the two halves of a pair arrive in separate writes.
 */
final class Utf8Buffer extends Writer {
    /** How many characters of a string are copied out at once. */
    private static final int CHUNK = 1024;
    private final char[] chunk = new char[CHUNK];
    private byte[] bytes;
    private int size;
    /** A high surrogate waiting for its low half, or 0. */
    private char high;

    Utf8Buffer(int capacity) {
        this.bytes = new byte[Math.max(16, capacity)];
    }

    @Override
    public void write(char[] cbuf, int off, int len) {
        int end = off + len;
        int i = off;
        while (i < end) {
            if (high == 0) {
                // A run of ASCII, most of a page, is copied without a check per character.
                room(end - i);
                byte[] b = bytes;
                int at = size;
                while (i < end && cbuf[i] < 0x80) {
                    b[at++] = (byte) cbuf[i++];
                }
                size = at;
                if (i == end) {
                    return;
                }
            }
            put(cbuf[i++]);
        }
    }

    @Override
    public void write(String str, int off, int len) {
        // Copied out a chunk at a time: reading an array is far cheaper than a call per character under C1.
        for (int from = off; from < off + len; from += CHUNK) {
            int k = Math.min(CHUNK, off + len - from);
            str.getChars(from, from + k, chunk, 0);
            write(chunk, 0, k);
        }
    }

    @Override
    public void write(String str) {
        write(str, 0, str.length());
    }

    @Override
    public void write(int c) {
        put((char) c);
    }

    @Override
    public void flush() {
        // Nothing to flush: the text stays in memory.
    }

    @Override
    public void close() {
        // Nothing to release.
    }

    /** Empties the buffer for the next page, keeping its array. */
    void clear() {
        size = 0;
        high = 0;
    }

    /** Returns how many bytes the buffer holds before it must grow. */
    int capacity() {
        return bytes.length;
    }

    /** Returns the text written so far as UTF-8, a trailing unpaired high surrogate as {@code ?}. */
    byte[] toByteArray() {
        if (high != 0) {
            room(1);
            bytes[size++] = '?';
            high = 0;
        }
        return Arrays.copyOf(bytes, size);
    }

    private void put(char c) {
        room(4);
        if (c < 0x80 && high == 0) {
            bytes[size++] = (byte) c;
            return;
        }
        if (high != 0) {
            char h = high;
            high = 0;
            if (Character.isLowSurrogate(c)) {
                int cp = Character.toCodePoint(h, c);
                bytes[size++] = (byte) (0xF0 | cp >> 18);
                bytes[size++] = (byte) (0x80 | cp >> 12 & 0x3F);
                bytes[size++] = (byte) (0x80 | cp >> 6 & 0x3F);
                bytes[size++] = (byte) (0x80 | cp & 0x3F);
                return;
            }
            bytes[size++] = '?';
            room(4);
        }
        if (c < 0x80) {
            bytes[size++] = (byte) c;
        } else if (c < 0x800) {
            bytes[size++] = (byte) (0xC0 | c >> 6);
            bytes[size++] = (byte) (0x80 | c & 0x3F);
        } else if (Character.isHighSurrogate(c)) {
            high = c;
        } else if (Character.isLowSurrogate(c)) {
            bytes[size++] = '?';
        } else {
            bytes[size++] = (byte) (0xE0 | c >> 12);
            bytes[size++] = (byte) (0x80 | c >> 6 & 0x3F);
            bytes[size++] = (byte) (0x80 | c & 0x3F);
        }
    }

    /** Makes room for at least n more bytes: a char takes one to three, a surrogate pair four. */
    private void room(int n) {
        if (bytes.length - size < n) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + n));
        }
    }
}
