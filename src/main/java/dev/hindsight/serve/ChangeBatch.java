package dev.hindsight.serve;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * The file changes seen since the last report, handed out once no change has come for the debounce time.
 *
 * <p>An editor's atomic save writes a temporary file and renames it over the real one, so the watcher sees the
 * temporary file appear and vanish again. A path whose first change in the batch was its creation and that is gone
 * when the batch is handed out never existed as far as the site is concerned, so it is left out of the changes that
 * start a build; a file that existed before the batch and was deleted is kept, since its pages must go.
 *
 * <p>Some changes start no build of their own (a hidden file, an editor's backup), but the build's load must still
 * hear of them, since it lists those files too: they are kept, quietly, until a change that starts a build comes, and
 * handed out with it. Every path seen, the temporary ones too, is in {@link Batch#seen()}: a file the last walk
 * listed may be gone again by now.
 */
final class ChangeBatch {
    /**
     * What a report hands out.
     *
     * @param changed the changes that start a build
     * @param seen    every path seen since the last report, quiet and temporary ones too
     */
    record Batch(Set<Path> changed, Set<Path> seen) {
    }

    /** Each changed path, and whether its first change in this batch was its creation. */
    private final Map<Path, Boolean> createdFirst = new TreeMap<>();
    /** The paths of quiet changes since the last report. */
    private final Set<Path> quiet = new TreeSet<>();
    private long lastChange;
    private boolean closed;

    /** Records a change to a path; {@code created} says whether it is the path's creation. */
    synchronized void add(Path path, boolean created) {
        createdFirst.putIfAbsent(path, created);
        lastChange = System.nanoTime();
        notifyAll();
    }

    /** Records a change that starts no build, handed out with the next change that does. */
    synchronized void addQuiet(Path path) {
        quiet.add(path);
    }

    /**
     * Waits until there are changes and none has come for the debounce time, then returns them and starts a new
     * batch; the changed set is empty when every change was to a file that came and went again. Returns empty once
     * closed.
     */
    synchronized Optional<Batch> awaitQuiet(Duration debounce) throws InterruptedException {
        while (createdFirst.isEmpty() && !closed) {
            wait();
        }
        long left;
        while (!closed && (left = lastChange + debounce.toNanos() - System.nanoTime()) > 0) {
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        if (closed) {
            return Optional.empty();
        }
        Set<Path> changed = new TreeSet<>();
        createdFirst.forEach((path, created) -> {
            if (!created || Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
                changed.add(path);
            }
        });
        Set<Path> seen = new TreeSet<>(createdFirst.keySet());
        seen.addAll(quiet);
        createdFirst.clear();
        quiet.clear();
        return Optional.of(new Batch(changed, seen));
    }

    /** Ends the waiting: {@link #awaitQuiet} returns empty from now on. */
    synchronized void close() {
        closed = true;
        notifyAll();
    }
}
