package dev.hindsight.serve;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class SiteWatcherTest {
    @TempDir
    Path dir;

    /** Collects reported paths until the wanted one shows up, or 20 s pass. */
    private static Set<Path> until(BlockingQueue<Set<Path>> reports, Path wanted) throws InterruptedException {
        Set<Path> seen = new HashSet<>();
        long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!seen.contains(wanted) && System.nanoTime() < end) {
            Set<Path> r = reports.poll(200, TimeUnit.MILLISECONDS);
            if (r != null) {
                seen.addAll(r);
            }
        }
        return seen;
    }

    @Test
    void reportsChangesOnceQuietIncludingNewFoldersAndSkipsHiddenAndExcludedFiles() throws Exception {
        Path content = Files.createDirectories(dir.resolve("content/postmortems"));
        Path out = Files.createDirectories(dir.resolve("content/out"));
        BlockingQueue<Set<Path>> reports = new LinkedBlockingQueue<>();
        try (SiteWatcher w = new SiteWatcher(List.of(dir.resolve("content"), dir.resolve("missing")), List.of(out),
                Duration.ofMillis(50), reports::add)) {
            w.start();
            Path a = content.resolve("a.md");
            Path b = content.resolve("b.md");
            Files.writeString(dir.resolve("content/.a.md.swp"), "x");
            Files.writeString(out.resolve("index.html"), "x");
            Files.writeString(a, "a");
            Files.writeString(b, "b");
            Set<Path> first = until(reports, b);
            assertThat(first).contains(a, b).noneMatch(p -> p.getFileName().toString().startsWith("."))
                    .noneMatch(p -> p.startsWith(out));

            Path bundle = content.resolve("2024-01-01-bundle");
            Files.createDirectories(bundle);
            Thread.sleep(200);
            Path index = bundle.resolve("index.md");
            Files.writeString(index, "x");
            assertThat(until(reports, index)).as("a file in a folder created after the start").contains(index);
        }
    }

    @Test
    void knowsWhatToIgnore() throws Exception {
        try (SiteWatcher w = new SiteWatcher(List.of(), List.of(dir.resolve("public")), Duration.ofMillis(50), s -> { })) {
            assertThat(w.ignored(dir.resolve("content/.git"))).isTrue();
            assertThat(w.ignored(dir.resolve("content/a.md~"))).isTrue();
            assertThat(w.ignored(dir.resolve("content/4913"))).isTrue();
            assertThat(w.ignored(dir.resolve("public/index.html"))).isTrue();
            assertThat(w.ignored(dir.resolve("content/a.md"))).isFalse();
        }
    }
}
