package dev.hindsight;

import dev.hindsight.model.Problem;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * The hold one build has on a cache folder, so that two builds (a {@code serve} and a {@code build}, or two CI jobs
 * on one runner) never collect each other's entries. A build that finds the folder held builds without it, with a
 * note: the cache never makes a build fail or wait.
 */
final class CacheLock implements AutoCloseable {
    private static final String FILE = ".lock";
    private final Optional<FileChannel> channel;
    private final Optional<FileLock> lock;
    private final Optional<Problem> note;

    private CacheLock(Optional<FileChannel> channel, Optional<FileLock> lock, Optional<Problem> note) {
        this.channel = channel;
        this.lock = lock;
        this.note = note;
    }

    /** Takes the folder if no other build holds it; else returns a lock that holds nothing, with a note. */
    static CacheLock take(Path cacheDir) {
        FileChannel ch = null;
        try {
            Files.createDirectories(cacheDir);
            ch = FileChannel.open(cacheDir.resolve(FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock l = ch.tryLock();
            if (l != null) {
                return new CacheLock(Optional.of(ch), Optional.of(l), Optional.empty());
            }
            ch.close();
            return busy(cacheDir, "another build is using it");
        } catch (OverlappingFileLockException e) {
            close(ch);
            return busy(cacheDir, "another build in this process is using it");
        } catch (IOException e) {
            close(ch);
            return busy(cacheDir, "it could not be locked (" + e.getMessage() + ")");
        }
    }

    /** Returns a lock that holds nothing and says nothing: for a build asked to run without the cache. */
    static CacheLock none() {
        return new CacheLock(Optional.empty(), Optional.empty(), Optional.empty());
    }

    private static CacheLock busy(Path cacheDir, String why) {
        return new CacheLock(Optional.empty(), Optional.empty(), Optional.of(Problem.info(cacheDir.toString(), 0, "cache",
                "the build cache was not used because " + why + "; this build ran without it")));
    }

    /** Returns true when this build holds the folder and may use the caches in it. */
    boolean held() {
        return lock.isPresent();
    }

    /** Returns why the folder is not held, when it is not. */
    Optional<Problem> note() {
        return note;
    }

    @Override
    public void close() {
        try {
            if (lock.isPresent()) {
                lock.get().release();
            }
        } catch (IOException e) {
            // Closing the channel below releases the lock too.
        }
        channel.ifPresent(CacheLock::close);
    }

    private static void close(FileChannel ch) {
        if (ch == null) {
            return;
        }
        try {
            ch.close();
        } catch (IOException e) {
            // Nothing was held through it.
        }
    }
}
