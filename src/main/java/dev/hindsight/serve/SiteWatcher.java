package dev.hindsight.serve;

import dev.hindsight.model.Validate;
import io.methvin.watcher.DirectoryChangeEvent;
import io.methvin.watcher.DirectoryChangeListener;
import io.methvin.watcher.DirectoryWatcher;
import io.methvin.watcher.visitor.FileTreeVisitor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;

/**
 * Watches folders and everything under them, and reports changed files once they have been quiet for the
 * debounce time (an editor's save is often several events). New folders are watched as they appear.
 * Hidden files and folders (such as {@code .git} or {@code .hindsight-cache}), editor backup files and anything under
 * the excluded folders (the preview's own output) start no rebuild; those a walk of the folder still lists (all but
 * what is inside a hidden folder) are handed out with the next change that does, so the rebuild's load hears of every
 * file it lists. An atomic save (a temporary file renamed
 * over the real one) is reported as a change to the real file only (see {@link ChangeBatch}).
 *
 * <p>The watching is done by {@code io.methvin:directory-watcher}: native FSEvents on macOS, where the JDK's own
 * watch service polls and a save could take seconds to be seen, and inotify on Linux. It does not read the files:
 * its start-up hashing is off, so starting only walks the folders' names (about 0.2 s at 10k files).
 * Two threads run while it watches: {@code hindsight-watch} takes the events, {@code hindsight-watch-report}
 * waits for the quiet time and calls the consumer. {@link #close()} ends both.
 */
final class SiteWatcher implements AutoCloseable {
    private static final Duration JOIN = Duration.ofSeconds(5);
    private final List<Path> roots;
    private final List<Path> excluded;
    private final Duration debounce;
    private final Consumer<ChangeBatch.Batch> onChange;
    private final ChangeBatch batch = new ChangeBatch();
    private final DirectoryWatcher watcher;
    private final Thread watching;
    private final Thread reporting;

    /** Watches the folders that exist among the roots; call {@link #start()} to begin reporting. */
    SiteWatcher(List<Path> roots, List<Path> excluded, Duration debounce, Consumer<ChangeBatch.Batch> onChange) throws IOException {
        this.roots = roots.stream().map(p -> p.toAbsolutePath().normalize()).filter(Files::isDirectory).toList();
        this.excluded = excluded.stream().map(p -> p.toAbsolutePath().normalize()).toList();
        this.debounce = Validate.notNull(debounce, "debounce");
        this.onChange = Validate.notNull(onChange, "onChange");
        this.watcher = DirectoryWatcher.builder().paths(this.roots).fileHashing(false)
                .fileTreeVisitor(this::visit).listener(new Listener()).build();
        // The folders are registered now, so changes made before start() are reported; the event loop runs
        // on a thread of our own once start() is called.
        Runnable[] loop = new Runnable[1];
        CompletableFuture<Void> registered = watcher.watchAsync(task -> loop[0] = task);
        try {
            registered.getNow(null);
        } catch (CompletionException e) {
            watcher.close();
            Throwable cause = e.getCause() instanceof UncheckedIOException u ? u.getCause() : e.getCause();
            throw new IOException("could not watch " + this.roots + ": " + cause.getMessage(), cause);
        }
        this.watching = new Thread(loop[0], "hindsight-watch");
        this.reporting = new Thread(this::report, "hindsight-watch-report");
        watching.setDaemon(true);
        reporting.setDaemon(true);
    }

    /** Starts the watching threads. */
    void start() {
        watching.start();
        reporting.start();
    }

    /** Puts the watcher's events into the batch. */
    private final class Listener implements DirectoryChangeListener {
        @Override
        public void onEvent(DirectoryChangeEvent e) {
            if (e.eventType() == DirectoryChangeEvent.EventType.OVERFLOW) {
                // Events were lost: the whole root counts as changed.
                batch.add(e.rootPath(), false);
            } else if (!ignored(e.path())) {
                batch.add(e.path(), e.eventType() == DirectoryChangeEvent.EventType.CREATE);
            } else if (listed(e.path())) {
                batch.addQuiet(e.path());
            }
        }

        @Override
        public void onException(Exception e) {
            // An event could not be handled (say a new folder could not be read to be watched): what it was about
            // is unknown, so every root counts as changed, and the rebuild reports any file it cannot read.
            roots.forEach(root -> batch.add(root, false));
        }
    }

    private void report() {
        try {
            Optional<ChangeBatch.Batch> changed;
            while ((changed = batch.awaitQuiet(debounce)).isPresent()) {
                onChange.accept(changed.get());
            }
        } catch (InterruptedException e) {
            // Not expected (close() ends the wait without interrupting): the thread ends all the same.
            Thread.currentThread().interrupt();
        }
    }

    /** Returns true for files a rebuild need not see: hidden or under a hidden folder, editor backups, and the excluded folders. */
    boolean ignored(Path file) {
        Path path = file.toAbsolutePath().normalize();
        if (excluded.stream().anyMatch(path::startsWith)) {
            return true;
        }
        Path parent = path.getParent() == null ? path : path.getParent();
        Path root = roots.stream().filter(path::startsWith).findFirst().orElse(parent);
        for (Path part : root.relativize(path)) {
            if (skippedName(part)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Returns true for an ignored path that a walk of its root may still list: one not inside a hidden folder (a walk
     * lists a hidden folder, never what is in it). A rebuild need not see it, but the next one's load must hear of it.
     */
    private boolean listed(Path file) {
        Path path = file.toAbsolutePath().normalize();
        Optional<Path> root = roots.stream().filter(path::startsWith).findFirst();
        if (root.isEmpty()) {
            return false;
        }
        Path inside = root.get().relativize(path);
        for (int i = 0; i < inside.getNameCount() - 1; i++) {
            if (inside.getName(i).toString().startsWith(".")) {
                return false;
            }
        }
        return true;
    }

    /** Returns true for a hidden file or folder name or an editor's backup or probe file. */
    private static boolean skippedName(Path part) {
        String name = part.toString();
        return name.startsWith(".") || name.endsWith("~") || name.endsWith(".swp") || name.endsWith(".swx")
                || name.startsWith("#") || name.equals("4913");
    }

    /**
     * Lists what the watcher watches under a folder: it skips what {@link #ignored} is true for, so hidden and
     * excluded folders are neither walked nor watched. Below the start only names need checking, as the walk does
     * not enter a skipped folder. A folder that is gone by the time it is walked is skipped (its deletion is an event
     * of its own).
     */
    private void visit(Path start, FileTreeVisitor.Callback onDirectory, FileTreeVisitor.Callback onFile) throws IOException {
        if (ignored(start)) {
            return;
        }
        Files.walkFileTree(start, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                if (!dir.equals(start) && (skippedName(dir.getFileName()) || excluded.contains(dir))) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                onDirectory.call(dir);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                if (!skippedName(file.getFileName())) {
                    onFile.call(file);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw e;
            }
        });
    }

    /** Stops watching and waits for both threads to end. */
    @Override
    public void close() throws IOException {
        watcher.close();
        batch.close();
        try {
            for (Thread t : List.of(watching, reporting)) {
                if (t.isAlive() && t != Thread.currentThread()) {
                    t.join(JOIN.toMillis());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
