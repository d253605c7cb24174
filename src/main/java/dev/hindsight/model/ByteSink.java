package dev.hindsight.model;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Optional;

/**
 * Where {@link RecordCodec} writes: a list of arrays joined at the end, or a fixed buffer it feeds into a digest
 * whenever it fills up. Filled arrays are kept as they are, not copied into bigger ones as the bytes grow.
 *
 * <p>Numbers are big-endian. A short string written before is written as a reference to its first writing. A string
 * whose every unit is below U+0100 (nearly all of a postmortem's text) is written
 * as one byte a unit, as the JDK keeps such strings in memory; any other string as its UTF-16 units, copied in bulk,
 * so lone surrogates survive. Before, every string took two bytes a unit: half of a 10k cache was zero bytes.
 */
final class ByteSink {
    /** How many UTF-16 units of a string are copied at once. */
    private static final int CHUNK = 1 << 12;
    /** The largest buffer of a digesting sink: it holds a chunk of a string (and so whatever a number needs). */
    private static final int DIGEST_BUFFER = 2 * CHUNK;
    /** The first buffer of a sink, digesting or in memory. */
    private static final int FIRST_BUFFER = 1024;
    /** The size of each next array of an in-memory sink once its first is full. */
    private static final int MEMORY_PART = 4 * CHUNK;

    private final Optional<KeyHash> digest;
    private ByteBuffer buf;
    /** An in-memory sink's filled arrays, in order, each up to its position. */
    private final java.util.List<ByteBuffer> full = new java.util.ArrayList<>();
    private char[] units = new char[0];
    /** The short strings written so far, each with its number: the order they were first written in. */
    private final java.util.Map<String, Integer> shorts = new java.util.HashMap<>();

    /**
     * The longest string that is written once and referred to after. Slugs, terms, names and labels repeat across a
     * model (a slug is in a hundred other incidents' similar-incident candidates): referring to the first writing
     * made the similar-incident state a fraction of its size, and reading it back shares one instance.
     */
    static final int SHORT = 96;
    /** The flag before a string's units: two bytes each. */
    static final byte WIDE = 0;
    /** The flag before a string's units: one byte each. */
    static final byte NARROW = 1;
    /** The flag before the number of a short string written before. */
    static final byte REPEATED = 2;

    private ByteSink(Optional<KeyHash> digest, int capacity) {
        this.digest = digest;
        this.buf = ByteBuffer.allocate(capacity);
    }

    /** Returns a sink that keeps what it is given in memory. */
    static ByteSink inMemory() {
        return new ByteSink(Optional.empty(), FIRST_BUFFER);
    }

    /** Returns a sink that feeds what it is given into a digest; call {@link #flush} at the end. */
    static ByteSink into(KeyHash md) {
        return new ByteSink(Optional.of(md), FIRST_BUFFER);
    }

    /** Returns the bytes written to an in-memory sink. */
    byte[] toByteArray() {
        if (full.isEmpty()) {
            return Arrays.copyOf(buf.array(), buf.position());
        }
        int size = buf.position();
        for (ByteBuffer b : full) {
            size += b.position();
        }
        byte[] out = new byte[size];
        int at = 0;
        for (ByteBuffer b : full) {
            System.arraycopy(b.array(), 0, out, at, b.position());
            at += b.position();
        }
        System.arraycopy(buf.array(), 0, out, at, buf.position());
        return out;
    }

    /** Feeds the bytes still held into the digest. */
    void flush() {
        digest.ifPresent(md -> md.update(buf.array(), 0, buf.position()));
        buf.clear();
    }

    void writeInt(int v) {
        room(Integer.BYTES).putInt(v);
    }

    void writeLong(long v) {
        room(Long.BYTES).putLong(v);
    }

    void writeDouble(double v) {
        room(Double.BYTES).putDouble(v);
    }

    void writeBoolean(boolean v) {
        room(1).put((byte) (v ? 1 : 0));
    }

    /**
     * Writes a string as a flag (one byte a unit, or two), its length and its units, lone surrogates included; or, for
     * a short string written before by this sink, as a flag and the number of its first writing among the short ones.
     */
    @SuppressWarnings("deprecation") // String.getBytes(int, int, byte[], int): the low byte of each unit, in place
    void writeString(String s) {
        int n = s.length();
        if (n <= SHORT) {
            Integer first = shorts.putIfAbsent(s, shorts.size());
            if (first != null) {
                room(1).put(REPEATED);
                writeInt(first);
                return;
            }
        }
        boolean narrow = narrow(s);
        room(1).put(narrow ? NARROW : WIDE);
        writeInt(n);
        if (narrow) {
            // A Latin-1 string's bytes are copied in one step, where a loop over its characters took the time of
            // the check above once more.
            for (int from = 0; from < n; ) {
                ByteBuffer b = room(Math.min(CHUNK, n - from));
                int k = Math.min(n - from, b.remaining());
                s.getBytes(from, from + k, b.array(), b.arrayOffset() + b.position());
                b.position(b.position() + k);
                from += k;
            }
            return;
        }
        // narrow() made the units array large enough for a chunk of this string.
        for (int from = 0; from < n; from += CHUNK) {
            int k = Math.min(CHUNK, n - from);
            s.getChars(from, from + k, units, 0);
            ByteBuffer b = room(2 * k);
            b.asCharBuffer().put(units, 0, k);
            b.position(b.position() + 2 * k);
        }
    }

    /** Returns whether every unit of the string fits in one byte. */
    private boolean narrow(String s) {
        // Read a chunk at a time into an array: a call to charAt per unit was a tenth of writing the cache.
        int n = s.length();
        if (units.length < Math.min(n, CHUNK)) {
            units = new char[Math.min(n, CHUNK)];
        }
        for (int from = 0; from < n; from += CHUNK) {
            int k = Math.min(CHUNK, n - from);
            s.getChars(from, from + k, units, 0);
            for (int i = 0; i < k; i++) {
                if (units[i] > 0xFF) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Puts bytes as they are, across chunks. */
    private void putAll(byte[] bytes) {
        int off = 0;
        while (off < bytes.length) {
            ByteBuffer b = room(bytes.length - off);
            int k = Math.min(bytes.length - off, b.remaining());
            b.put(bytes, off, k);
            off += k;
        }
    }

    /** Writes a byte array as its length and its bytes. */
    void writeBytes(byte[] bytes) {
        writeInt(bytes.length);
        putAll(bytes);
    }

    /**
     * Returns the buffer with room for n more bytes: an in-memory sink starts a new array (the rest of the full one
     * is left unused), a digesting one is fed to its digest and emptied (so it has room for at most a digest buffer's
     * worth).
     */
    private ByteBuffer room(int n) {
        if (buf.remaining() >= n) {
            return buf;
        }
        if (digest.isPresent()) {
            if (buf.capacity() < DIGEST_BUFFER) {
                // Most records digested are small: the buffer starts small and grows to its full size when needed.
                int size = Math.min(DIGEST_BUFFER, Math.max(2 * buf.capacity(), buf.position() + n));
                buf = ByteBuffer.allocate(size).put(buf.flip());
                if (buf.remaining() >= n) {
                    return buf;
                }
            }
            flush();
            return buf;
        }
        full.add(buf);
        buf = ByteBuffer.allocate(Math.max(MEMORY_PART, n));
        return buf;
    }
}
