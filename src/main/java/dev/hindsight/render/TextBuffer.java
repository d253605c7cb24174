package dev.hindsight.render;

import java.io.Writer;

/**
 * An unsynchronized in-memory writer for one page being rendered (StringWriter locks on every write).
 */
final class TextBuffer extends Writer {
    private final StringBuilder sb;

    TextBuffer(int capacity) {
        this.sb = new StringBuilder(capacity);
    }

    @Override
    public void write(char[] cbuf, int off, int len) {
        sb.append(cbuf, off, len);
    }

    @Override
    public void write(String str, int off, int len) {
        sb.append(str, off, off + len);
    }

    @Override
    public void write(String str) {
        sb.append(str);
    }

    @Override
    public void write(int c) {
        sb.append((char) c);
    }

    @Override
    public void flush() {
        // Nothing to flush: the text stays in memory.
    }

    @Override
    public void close() {
        // Nothing to release.
    }

    @Override
    public String toString() {
        return sb.toString();
    }
}
