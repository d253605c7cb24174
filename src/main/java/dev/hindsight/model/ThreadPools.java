package dev.hindsight.model;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Stopping a stage's thread pool so that nothing it ran still writes once the stage has returned.
 */
public final class ThreadPools {
    /** How long a stop waits for running tasks, which are interrupted, to end. */
    static final int STOP_WAIT_SECONDS = 60;

    private ThreadPools() {
    }

    /**
     * Stops a pool: interrupts its tasks and waits for them to end, also when the calling thread was interrupted
     * (the preview stopping mid-build), whose interrupt is kept for its caller.
     */
    public static void stop(ExecutorService pool) {
        Validate.notNull(pool, "pool");
        pool.shutdownNow();
        boolean interrupted = Thread.interrupted();
        try {
            pool.awaitTermination(STOP_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            interrupted = true;
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
