package dev.hindsight.index;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growing byte buffer with the encodings of the static search files: unsigned LEB128 varints,
 * length-prefixed UTF-8 strings, little-endian 32-bit floats and single bytes. {@code Reader} in
 * {@code assets/js/search-engine.js} decodes them.
 */
final class ByteSink {
    private byte[] buf = new byte[256];
    private int size;

    /** Appends an unsigned varint (7 bits a byte, low bits first). */
    ByteSink uv(long value) {
        if (value < 0) {
            throw new IllegalArgumentException("varint must not be negative: " + value);
        }
        long v = value;
        while (v >= 0x80) {
            u8((int) (v & 0x7f) | 0x80);
            v >>>= 7;
        }
        return u8((int) v);
    }

    /** Appends one byte (0 to 255). */
    ByteSink u8(int value) {
        ensure(1);
        buf[size++] = (byte) value;
        return this;
    }

    /** Appends a string as a varint byte length and its UTF-8 bytes. */
    ByteSink str(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        uv(b.length);
        return raw(b);
    }

    /** Appends a float, little-endian IEEE 754. */
    ByteSink f32(float f) {
        int bits = Float.floatToIntBits(f);
        return u8(bits & 0xff).u8((bits >>> 8) & 0xff).u8((bits >>> 16) & 0xff).u8((bits >>> 24) & 0xff);
    }

    /** Appends bytes as they are. */
    ByteSink raw(byte[] b) {
        ensure(b.length);
        System.arraycopy(b, 0, buf, size, b.length);
        size += b.length;
        return this;
    }

    /** Appends the contents of another sink. */
    ByteSink raw(ByteSink other) {
        ensure(other.size);
        System.arraycopy(other.buf, 0, buf, size, other.size);
        size += other.size;
        return this;
    }

    /** Returns the number of bytes written. */
    int size() {
        return size;
    }

    /** Returns a copy of the bytes written. */
    byte[] bytes() {
        return Arrays.copyOf(buf, size);
    }

    /** Forgets everything written. */
    void clear() {
        size = 0;
    }

    private void ensure(int more) {
        if (size + more > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + more));
        }
    }
}
