package dev.hindsight.model;

import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Where {@link RecordCodec} reads from: a cursor over an array, reading what {@link ByteSink} writes.
 *
 * <p>Reading past the end is an {@link IOException}, so truncated bytes never give a value; a string's UTF-16 units are
 * copied in bulk and kept as they are, lone surrogates included; a string written one byte a unit is read as Latin-1;
 * a repeated short string is the instance read first.
 */
final class ByteSource {
    private final ByteBuffer buf;
    /** The short strings read so far, in order: what a repeated one refers to by number. */
    private final java.util.List<String> shorts = new java.util.ArrayList<>();

    ByteSource(byte[] bytes) {
        this.buf = ByteBuffer.wrap(bytes);
    }

    /** Returns how many bytes are left. */
    int remaining() {
        return buf.remaining();
    }

    int readInt() throws IOException {
        return need(Integer.BYTES).getInt();
    }

    long readLong() throws IOException {
        return need(Long.BYTES).getLong();
    }

    double readDouble() throws IOException {
        return need(Double.BYTES).getDouble();
    }

    boolean readBoolean() throws IOException {
        return need(1).get() != 0;
    }

    /** Reads a count of things that follow, each at least a byte long. */
    int readSize() throws IOException {
        return size(1);
    }

    String readString() throws IOException {
        byte flag = need(1).get();
        if (flag == ByteSink.REPEATED) {
            int first = readInt();
            if (first < 0 || first >= shorts.size()) {
                throw new IOException("a reference to string " + first + " of " + shorts.size() + " read so far");
            }
            return shorts.get(first);
        }
        String s;
        if (flag == ByteSink.NARROW) {
            int n = size(1);
            s = new String(buf.array(), buf.arrayOffset() + buf.position(), n, StandardCharsets.ISO_8859_1);
            buf.position(buf.position() + n);
        } else if (flag == ByteSink.WIDE) {
            int n = size(Character.BYTES);
            char[] units = new char[n];
            buf.asCharBuffer().get(units);
            buf.position(buf.position() + n * Character.BYTES);
            s = new String(units);
        } else {
            throw new IOException("a string flag of " + flag);
        }
        if (s.length() <= ByteSink.SHORT) {
            shorts.add(s);
        }
        return s;
    }

    byte[] readBytes() throws IOException {
        byte[] b = new byte[size(1)];
        buf.get(b);
        return b;
    }

    /** Reads a count of things that follow, each {@code width} bytes long, checking they fit in what is left. */
    private int size(int width) throws IOException {
        int n = readInt();
        if (n < 0 || (long) n * width > buf.remaining()) {
            throw new IOException("a size of " + n + " is past the end of the entry");
        }
        return n;
    }

    private ByteBuffer need(int n) throws IOException {
        if (buf.remaining() < n) {
            throw new IOException("the entry ends early", new BufferUnderflowException());
        }
        return buf;
    }
}
