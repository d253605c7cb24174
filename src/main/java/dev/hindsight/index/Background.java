package dev.hindsight.index;

import dev.hindsight.model.ThreadPools;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A second thread for the index stage's work that needs no index: reading what the build before left while the
 * index is brought up to date (a merge that keeps one core busy, the other idle), and storing what this build leaves
 * for the next while the stage goes on. Tasks run one at a time, in the order given. Closing it stops what is left.
 */
final class Background implements AutoCloseable {
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "hindsight-index-background");
        t.setDaemon(true);
        return t;
    });
    private final java.util.Queue<Future<?>> later = new java.util.concurrent.ConcurrentLinkedQueue<>();

    /** Starts a task whose value the stage needs; {@link #join} waits for it. */
    <T> Future<T> start(Callable<T> task) {
        return thread.submit(task);
    }

    /** Starts a task nobody waits for but {@link #await}, such as storing a cache entry; a task may start one too. */
    void later(Runnable task) {
        later.add(thread.submit(task));
    }

    /**
     * Returns the value of a started task, waiting for it; its failure is thrown as the task threw it (an
     * {@link UncheckedIOException} as its {@link IOException}).
     */
    static <T> T join(Future<T> task) throws IOException {
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("the index stage was interrupted", e);
        } catch (ExecutionException e) {
            throw rethrown(e.getCause());
        }
    }

    /** Waits for every task started by {@link #later}; the first failure is thrown as {@link #join} throws it. */
    void await() throws IOException {
        for (Future<?> f = later.poll(); f != null; f = later.poll()) {
            join(f);
        }
    }

    private static IOException rethrown(Throwable cause) {
        if (cause instanceof IOException io) {
            return io;
        }
        if (cause instanceof UncheckedIOException u) {
            return u.getCause();
        }
        if (cause instanceof RuntimeException r) {
            throw r;
        }
        if (cause instanceof Error err) {
            throw err;
        }
        return new IOException(cause);
    }

    /**
     * Stops the thread; a task still running is interrupted (only after a failure: the stage waits for its tasks), and
     * waited for, so that no cache entry is still being written once the stage has returned, even when the build
     * itself was interrupted (the preview stopping).
     */
    @Override
    public void close() {
        ThreadPools.stop(thread);
    }
}
