package dev.hindsight.index;

import dev.hindsight.model.SiteWriter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/** A site writer into a folder that also keeps every file in memory, for comparisons. */
final class FolderWriter implements SiteWriter {
    final Path root;
    final Map<String, byte[]> files = new TreeMap<>();

    FolderWriter(Path root) {
        this.root = root;
    }

    @Override
    public synchronized void write(String path, byte[] bytes) throws IOException {
        if (files.put(path, bytes) != null) {
            throw new IllegalStateException("written twice: " + path);
        }
        Path f = root.resolve(path);
        Files.createDirectories(f.getParent());
        Files.write(f, bytes);
    }
}
