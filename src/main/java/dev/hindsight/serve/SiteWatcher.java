package dev.hindsight.serve;

import dev.hindsight.model.Validate;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Watches folders and everything under them, and reports changed files once they have been quiet for the
 * debounce time (an editor's save is often several events). New folders are watched as they appear.
 * Hidden files and folders (such as {@code .git} or {@code .hindsight-cache}) and editor backup files are ignored,
 * as is anything under the excluded folders (the preview's own output).
 *
 * <p>The JDK uses inotify on Linux and polling on macOS, where a change can take a few seconds to be seen.
 */
final class SiteWatcher implements AutoCloseable {
    private final WatchService service;
    private final Map<WatchKey, Path> keys = new HashMap<>();
    private final List<Path> excluded;
    private final Duration debounce;
    private final Consumer<Set<Path>> onChange;
    private final Thread thread;

    /** Watches the folders that exist among the roots; call {@link #start()} to begin reporting. */
    SiteWatcher(List<Path> roots, List<Path> excluded, Duration debounce, Consumer<Set<Path>> onChange) throws IOException {
        this.service = FileSystems.getDefault().newWatchService();
        this.excluded = excluded.stream().map(p -> p.toAbsolutePath().normalize()).toList();
        this.debounce = Validate.notNull(debounce, "debounce");
        this.onChange = Validate.notNull(onChange, "onChange");
        for (Path root : roots) {
            if (Files.isDirectory(root)) {
                registerTree(root.toAbsolutePath().normalize());
            }
        }
        this.thread = new Thread(this::run, "hindsight-watch");
        thread.setDaemon(true);
    }

    /** Starts the watching thread. */
    void start() {
        thread.start();
    }

    private void run() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                Set<Path> changed = new TreeSet<>();
                drain(service.take(), changed);
                WatchKey more;
                while ((more = service.poll(debounce.toMillis(), TimeUnit.MILLISECONDS)) != null) {
                    drain(more, changed);
                }
                if (!changed.isEmpty()) {
                    onChange.accept(changed);
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // close() was called: the thread ends.
            Thread.currentThread().interrupt();
        }
    }

    private void drain(WatchKey key, Set<Path> changed) {
        Path dir = keys.get(key);
        for (WatchEvent<?> event : key.pollEvents()) {
            if (event.kind() == StandardWatchEventKinds.OVERFLOW || dir == null) {
                changed.add(dir == null ? Path.of("") : dir);
                continue;
            }
            Path file = dir.resolve((Path) event.context());
            if (ignored(file)) {
                continue;
            }
            changed.add(file);
            if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE && Files.isDirectory(file)) {
                try {
                    registerTree(file);
                } catch (IOException e) {
                    // The folder vanished again, or cannot be read: its files are not watched, and the rebuild
                    // that this change triggers reports any file it cannot read.
                    changed.add(file);
                }
            }
        }
        if (!key.reset()) {
            keys.remove(key);
        }
    }

    /** Returns true for files a rebuild need not see: hidden, editor backups, and the excluded folders. */
    boolean ignored(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString();
        if (name.startsWith(".") || name.endsWith("~") || name.endsWith(".swp") || name.endsWith(".swx")
                || name.startsWith("#") || name.equals("4913")) {
            return true;
        }
        return excluded.stream().anyMatch(file::startsWith);
    }

    private void registerTree(Path root) throws IOException {
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                if (!dir.equals(root) && ignored(dir)) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                keys.put(dir.register(service, StandardWatchEventKinds.ENTRY_CREATE,
                        StandardWatchEventKinds.ENTRY_DELETE, StandardWatchEventKinds.ENTRY_MODIFY), dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** Stops watching. */
    @Override
    public void close() throws IOException {
        thread.interrupt();
        service.close();
    }
}
