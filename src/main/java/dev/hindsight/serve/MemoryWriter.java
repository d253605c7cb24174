package dev.hindsight.serve;

import dev.hindsight.model.SiteWriter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * Collects the files of a partial render in memory, then replaces in a served folder only those whose bytes
 * changed, each through a temporary file and an atomic rename, so a request never reads half a file.
 */
final class MemoryWriter implements SiteWriter {
    private final Map<String, byte[]> files = new TreeMap<>();

    @Override
    public synchronized void write(String path, byte[] bytes) {
        files.put(path, bytes.clone());
    }

    /** Writes the changed files into a folder and returns how many were replaced. */
    synchronized int replaceChanged(Path dir) throws IOException {
        int n = 0;
        for (var e : files.entrySet()) {
            Path target = dir.resolve(e.getKey()).normalize();
            if (!target.startsWith(dir)) {
                throw new IOException("output path escapes the site folder: " + e.getKey());
            }
            if (Files.isRegularFile(target) && Arrays.equals(Files.readAllBytes(target), e.getValue())) {
                continue;
            }
            Files.createDirectories(target.getParent());
            Path tmp = Files.createTempFile(target.getParent(), ".hindsight-", ".tmp");
            Files.write(tmp, e.getValue());
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            n++;
        }
        return n;
    }
}
