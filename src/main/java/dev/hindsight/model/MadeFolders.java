package dev.hindsight.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The folders a writer of many files has made or found, so each is created once rather than once per file.
 *
 * <p>{@link Files#createDirectories} asks the file system even when the folder exists; on a site of 20,000 pages
 * in a few hundred folders that was a failed {@code mkdir} per file, a tenth of the time spent writing them.
 * Safe for concurrent writers: two may both create a folder, which {@code createDirectories} allows.
 */
public final class MadeFolders {
    private final Set<Path> made = ConcurrentHashMap.newKeySet();

    /** Makes a folder and its parents unless this instance made or found it before. */
    public void ensure(Path folder) throws IOException {
        Validate.notNull(folder, "folder");
        if (!made.contains(folder)) {
            Files.createDirectories(folder);
            made.add(folder);
        }
    }
}
