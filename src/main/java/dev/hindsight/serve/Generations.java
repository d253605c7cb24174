package dev.hindsight.serve;

import dev.hindsight.publish.Staging;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The folders the preview builds into: each rebuild gets a fresh one, and the served folder is switched only
 * after a build succeeded, so a request never sees a half-written site. The current and the previous folder
 * are kept (a request may still be reading the previous one); older ones are deleted.
 */
final class Generations implements AutoCloseable {
    private static final int KEEP = 2;
    private final Path root;
    private final Deque<Path> live = new ArrayDeque<>();
    private long next = 1;

    /** Creates an empty private folder in the system's temporary folder. */
    Generations() throws IOException {
        this.root = Files.createTempDirectory("hindsight-serve-");
    }

    /** Returns the folder that holds every generation (for ignoring it when watching). */
    Path root() {
        return root;
    }

    /** Returns a new destination folder, not yet created (the build's staging step creates it). */
    synchronized Path next() {
        return root.resolve("site-" + next++);
    }

    /** Records that a destination holds a good build; deletes generations older than the previous one. */
    synchronized void promote(Path site) throws IOException {
        live.addLast(site);
        while (live.size() > KEEP) {
            Staging.deleteTree(live.removeFirst());
        }
    }

    /** Deletes a destination that did not become live (a failed build may still have left it behind). */
    void discard(Path site) throws IOException {
        Staging.deleteTree(site);
    }

    /** Deletes every generation. */
    @Override
    public synchronized void close() throws IOException {
        live.clear();
        Staging.deleteTree(root);
    }
}
