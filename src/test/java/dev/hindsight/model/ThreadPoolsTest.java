package dev.hindsight.model;

import org.junit.jupiter.api.Test;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

class ThreadPoolsTest {

    @Test
    void anInterruptedCallerStillWaitsForTheTaskAndKeepsItsInterrupt() throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        CountDownLatch started = new CountDownLatch(1);
        AtomicBoolean finished = new AtomicBoolean();
        pool.submit(() -> {
            started.countDown();
            // A task that does not stop at once when interrupted, as a cache write in progress.
            long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(300);
            while (System.nanoTime() < end) {
                Thread.onSpinWait();
            }
            finished.set(true);
        });
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        Thread.currentThread().interrupt();
        ThreadPools.stop(pool);
        assertThat(Thread.interrupted()).as("the caller's interrupt is kept").isTrue();
        assertThat(finished).as("the task ended before stop returned").isTrue();
        assertThat(pool.isTerminated()).isTrue();
    }
}
