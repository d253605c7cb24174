package dev.hindsight.render;

import dev.hindsight.model.Problem;
import dev.hindsight.model.Validate;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Rendered pages kept between builds, each under the digest of what it was rendered from.
 *
 * <p>An entry's key is the SHA-256 of the build stamp (the generator's own build, the project's templates, the day,
 * the base URL and the drafts switch) and the page's {@link ModelDigest}; its file holds a magic word, the SHA-256
 * of the page and the page, so a truncated or corrupt entry is noticed, reported as a note and rendered again. Entries
 * are written to a temporary file and moved into place, so two builds on one cache never see half an entry. After a
 * whole build, entries no page used are deleted. The cache never makes a build fail: whatever goes wrong with it,
 * the page is rendered.
 */
final class PageCache {
    private static final byte[] MAGIC = {'H', 'P', 'C', '1'};
    private static final int HEADER = MAGIC.length + 32;

    private final Optional<Path> dir;
    private final String stamp;
    private final Set<String> used = ConcurrentHashMap.newKeySet();
    private final List<Problem> notes = java.util.Collections.synchronizedList(new ArrayList<>());
    private final java.util.concurrent.atomic.AtomicInteger hits = new java.util.concurrent.atomic.AtomicInteger();

    private PageCache(Optional<Path> dir, String stamp) {
        this.dir = dir;
        this.stamp = stamp;
    }

    /** Returns a cache that keeps nothing. */
    static PageCache none() {
        return new PageCache(Optional.empty(), "");
    }

    /** Returns a cache of pages in a folder, for builds with the given stamp. */
    static PageCache in(Path folder, String stamp) {
        Validate.notNull(folder, "folder");
        Validate.notBlank(stamp, "stamp");
        return new PageCache(Optional.of(folder), stamp);
    }

    /** Returns true when pages are kept (a cache folder was given). */
    boolean enabled() {
        return dir.isPresent();
    }

    /** Returns the key of a page with the given model digest. */
    String key(String outPath, String modelDigest) {
        MessageDigest md = ModelDigest.sha256();
        md.update((stamp + "\u0000" + outPath + "\u0000" + modelDigest).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(md.digest());
    }

    /** Returns the page stored under a key, or empty when there is none or it is damaged. */
    Optional<byte[]> get(String key) {
        if (dir.isEmpty()) {
            return Optional.empty();
        }
        used.add(key);
        Path file = file(key);
        try {
            byte[] all = Files.readAllBytes(file);
            byte[] page = all.length < HEADER ? new byte[0] : Arrays.copyOfRange(all, HEADER, all.length);
            if (all.length < HEADER || !Arrays.equals(all, 0, MAGIC.length, MAGIC, 0, MAGIC.length)
                    || !Arrays.equals(all, MAGIC.length, HEADER, ModelDigest.sha256().digest(page), 0, 32)) {
                notes.add(Problem.info(file.toString(), 0, "cache", "a damaged cache entry was ignored; the page was rendered again"));
                return Optional.empty();
            }
            hits.incrementAndGet();
            return Optional.of(page);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            notes.add(Problem.info(file.toString(), 0, "cache", "could not read a cache entry (" + e.getMessage() + "); the page was rendered again"));
            return Optional.empty();
        }
    }

    /** Stores a page under a key; a failure to store is a note, never an error. */
    void put(String key, byte[] page) {
        if (dir.isEmpty()) {
            return;
        }
        used.add(key);
        Path file = file(key);
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), key.substring(0, 8), ".tmp");
            try {
                byte[] all = new byte[HEADER + page.length];
                System.arraycopy(MAGIC, 0, all, 0, MAGIC.length);
                System.arraycopy(ModelDigest.sha256().digest(page), 0, all, MAGIC.length, 32);
                System.arraycopy(page, 0, all, HEADER, page.length);
                Files.write(tmp, all);
                move(tmp, file);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            notes.add(Problem.info(file.toString(), 0, "cache", "could not store a rendered page (" + e.getMessage() + ")"));
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Returns how many pages came from the cache so far. */
    int hits() {
        return hits.get();
    }

    /** Deletes the entries no page of this whole build used and returns the notes gathered. */
    List<Problem> collect() {
        if (dir.isPresent() && Files.isDirectory(dir.get())) {
            try (Stream<Path> files = Files.walk(dir.get(), 2)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    if (!used.contains(f.getFileName().toString())) {
                        Files.deleteIfExists(f);
                    }
                }
            } catch (IOException e) {
                notes.add(Problem.info(dir.get().toString(), 0, "cache", "could not remove stale cache entries: " + e.getMessage()));
            }
        }
        return List.copyOf(notes);
    }

    private Path file(String key) {
        return dir.orElseThrow().resolve(key.substring(0, 2)).resolve(key);
    }
}
