package dev.hindsight.report;

import dev.hindsight.model.SiteWriter;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * A site writer that keeps files in memory and refuses to write a file twice.
 */
final class MemoryWriter implements SiteWriter {
    final Map<String, byte[]> files = new ConcurrentSkipListMap<>();

    @Override
    public void write(String path, byte[] bytes) {
        if (files.putIfAbsent(path, bytes) != null) {
            throw new IllegalStateException("written twice: " + path);
        }
    }

    String text(String path) {
        byte[] b = files.get(path);
        if (b == null) {
            throw new AssertionError("not written: " + path);
        }
        return new String(b, StandardCharsets.UTF_8);
    }
}
