package dev.hindsight.publish;

import dev.hindsight.model.MadeFolders;
import dev.hindsight.model.Validate;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * A staging folder next to the destination: stages write into it, and {@link #commit()} swaps it in.
 * Until then the previous site stays untouched; {@link #abort()} deletes the staging folder.
 */
public final class Staging implements Target {
    private final Path destination;
    private final Path staging;
    private final Set<String> written = ConcurrentHashMap.newKeySet();
    private final MadeFolders folders = new MadeFolders();
    /** Writes hold the read lock; commit and abort hold the write lock, so no write lands after either. */
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private boolean done;

    /** Creates an empty staging folder beside the destination. */
    public Staging(Path destination) throws IOException {
        this.destination = Validate.notNull(destination, "destination").toAbsolutePath().normalize();
        Path parent = this.destination.getParent();
        Files.createDirectories(parent);
        this.staging = Files.createTempDirectory(parent, "." + this.destination.getFileName() + ".staging-");
    }

    /** Writes one file, refusing paths that would leave the staging folder or that were written already. */
    @Override
    public void write(String path, byte[] bytes) throws IOException {
        Path target = resolve(path);
        lock.readLock().lock();
        try {
            if (done) {
                throw new IOException("the staging folder is closed (the build was committed or stopped): " + path);
            }
            if (!written.add(staging.relativize(target).toString())) {
                throw new IOException("two outputs want the same path: " + path);
            }
            folders.ensure(target.getParent());
            Files.write(target, bytes);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Returns true when a path has been written. */
    public boolean exists(String path) {
        return Files.exists(resolve(path));
    }

    /** Returns the number of files written so far. */
    public int count() {
        return written.size();
    }

    /** Returns the staging folder (for tests and for stages that hand a folder to a library). */
    public Path folder() {
        return staging;
    }

    private Path resolve(String path) {
        Validate.notBlank(path, "path");
        Path target = staging.resolve(path).normalize();
        if (!target.startsWith(staging) || target.equals(staging)) {
            throw new IllegalArgumentException("output path escapes the site: " + path);
        }
        return target;
    }

    /**
     * Swaps the staging folder in as the destination; the old destination is removed afterwards. Each step is a
     * rename within one folder; if the second rename fails, the old destination is renamed back.
     */
    public void commit() throws IOException {
        lock.writeLock().lock();
        try {
            swap();
        } finally {
            lock.writeLock().unlock();
        }
    }

    private void swap() throws IOException {
        Validate.isTrue(!done, "the staging folder was already committed or aborted");
        Path old = null;
        if (Files.exists(destination)) {
            old = destination.resolveSibling("." + destination.getFileName() + ".old-" + staging.getFileName().toString().replaceAll(".*-", ""));
            move(destination, old);
        }
        try {
            move(staging, destination);
        } catch (IOException e) {
            if (old != null) {
                move(old, destination);
            }
            throw e;
        }
        done = true;
        if (old != null) {
            deleteTree(old);
        }
    }

    /** Deletes the staging folder, leaving the destination as it was. */
    public void abort() throws IOException {
        lock.writeLock().lock();
        try {
            boolean wasOpen = !done;
            done = true;
            if (wasOpen && Files.exists(staging)) {
                deleteTree(staging);
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    @Override
    public void close() throws IOException {
        abort();
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    /** Deletes a folder and everything in it, without following links. */
    public static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                if (exc != null) {
                    throw exc;
                }
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
