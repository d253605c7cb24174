package dev.hindsight.publish;

import dev.hindsight.model.SiteWriter;

import java.io.IOException;

/**
 * Where one build's files go until it is published: written by the stages, swapped in whole by {@link #commit()}
 * when the build succeeds, and dropped by {@link #close()} when it does not.
 */
public interface Target extends SiteWriter, AutoCloseable {

    /** Returns the number of files written so far. */
    int count();

    /** Publishes every file written, at once: before this, readers see the previous site whole. */
    void commit() throws IOException;

    /** Drops what was written unless it was committed. */
    @Override
    void close() throws IOException;
}
