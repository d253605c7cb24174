package dev.hindsight.serve;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class ChangeBatchTest {
    @TempDir
    Path dir;

    @Test
    void aBurstIsHandedOutOnceItHasBeenQuietForTheDebounceTime() throws Exception {
        ChangeBatch batch = new ChangeBatch();
        // The burst lasts longer than the debounce time, with gaps well under it.
        Duration debounce = Duration.ofMillis(300);
        CompletableFuture<Set<Path>> handed = CompletableFuture.supplyAsync(() -> {
            try {
                return batch.awaitQuiet(debounce).orElseThrow().changed();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        long lastAdd = 0;
        for (int i = 0; i < 20; i++) {
            // Read before the add, which reads the clock for its own quiet time after this one.
            lastAdd = System.nanoTime();
            batch.add(dir.resolve("f" + i + ".md"), false);
            Thread.sleep(25);
            assertThat(handed).as("not handed out while changes keep coming").isNotDone();
        }
        Set<Path> changed = handed.get(10, TimeUnit.SECONDS);
        assertThat(System.nanoTime() - lastAdd).isGreaterThanOrEqualTo(debounce.toNanos());
        assertThat(changed).hasSize(20).contains(dir.resolve("f0.md"), dir.resolve("f19.md"));
    }

    @Test
    void aFileThatCameAndWentIsLeftOutButADeletedOneIsKept() throws Exception {
        ChangeBatch batch = new ChangeBatch();
        Path existed = dir.resolve("existed.md");
        Path temporary = dir.resolve("x.md.tmp77");
        Path real = Files.writeString(dir.resolve("x.md"), "x");
        batch.add(existed, false);
        batch.add(temporary, true);
        batch.add(temporary, false);
        batch.add(real, true);
        // A file deleted and made again within the batch: its first change counts, and it is there.
        Path remade = Files.writeString(dir.resolve("remade.md"), "x");
        batch.add(remade, false);
        batch.add(remade, true);
        ChangeBatch.Batch handed = batch.awaitQuiet(Duration.ZERO).orElseThrow();
        assertThat(handed.changed()).isEqualTo(Set.of(existed, real, remade));
        // The load hears of the temporary file too: the last walk may have listed it while it was there.
        assertThat(handed.seen()).isEqualTo(Set.of(existed, temporary, real, remade));
    }

    @Test
    void quietChangesWaitForOneThatStartsABuild() throws Exception {
        ChangeBatch batch = new ChangeBatch();
        Path backup = dir.resolve("a.md~");
        batch.addQuiet(backup);
        CompletableFuture<ChangeBatch.Batch> handed = CompletableFuture.supplyAsync(() -> {
            try {
                return batch.awaitQuiet(Duration.ZERO).orElseThrow();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(200);
        assertThat(handed).as("a quiet change alone starts nothing").isNotDone();
        Path real = dir.resolve("a.md");
        batch.add(real, false);
        ChangeBatch.Batch b = handed.get(10, TimeUnit.SECONDS);
        assertThat(b.changed()).containsExactly(real);
        assertThat(b.seen()).containsExactlyInAnyOrder(real, backup);
    }

    @Test
    void closingEndsTheWaitWithNothing() throws Exception {
        ChangeBatch batch = new ChangeBatch();
        CompletableFuture<Optional<ChangeBatch.Batch>> handed = CompletableFuture.supplyAsync(() -> {
            try {
                return batch.awaitQuiet(Duration.ofSeconds(30));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        batch.add(dir.resolve("a.md"), false);
        batch.close();
        assertThat(handed.get(10, TimeUnit.SECONDS)).isEmpty();
    }
}
