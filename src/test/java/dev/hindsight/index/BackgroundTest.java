package dev.hindsight.index;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BackgroundTest {
    @Test
    void runsTasksInOrderAndAwaitsTheOnesTasksStart() throws IOException {
        List<String> done = new CopyOnWriteArrayList<>();
        // The first task queues its own task only once this thread has queued "later": without the latch, which of
        // the two came first was a race between the threads.
        java.util.concurrent.CountDownLatch queued = new java.util.concurrent.CountDownLatch(1);
        try (Background side = new Background()) {
            var first = side.start(() -> {
                try {
                    queued.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                side.later(() -> done.add("started by a task"));
                done.add("first");
                return 1;
            });
            side.later(() -> done.add("later"));
            queued.countDown();
            assertThat(Background.join(first)).isEqualTo(1);
            side.await();
        }
        assertThat(done).containsExactly("first", "later", "started by a task");
    }

    @Test
    void aFailedTaskFailsTheAwaitAsItFailed() {
        try (Background side = new Background()) {
            side.later(() -> {
                throw new UncheckedIOException(new IOException("disk full"));
            });
            assertThatThrownBy(side::await).isInstanceOf(IOException.class).hasMessage("disk full");
            var bug = side.start(() -> {
                throw new IllegalStateException("a bug");
            });
            assertThatThrownBy(() -> Background.join(bug)).isInstanceOf(IllegalStateException.class).hasMessage("a bug");
        }
    }
}
