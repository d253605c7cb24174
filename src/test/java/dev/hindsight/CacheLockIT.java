package dev.hindsight;

import dev.hindsight.model.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two builds on one cache folder: the second neither waits nor fails, builds without the cache (with a note), and
 * publishes the same site; the first build's entries are left alone.
 */
class CacheLockIT {
    @TempDir
    Path dir;

    @Test
    void aBuildThatFindsTheCacheHeldBuildsWithoutItAndLeavesItAlone() throws IOException {
        TestFolders.copy(TestFolders.basicSite(), dir.resolve("content"));
        BuildOptions options = BuildOptions.defaults(dir, LocalDate.of(2025, 6, 1)).withCache(dir.resolve("cache"));
        BuildReport first = new Pipeline(s -> { }).build(options);
        assertThat(first.published()).isTrue();
        long entries = count(dir.resolve("cache/pages"));
        assertThat(entries).isPositive();

        BuildReport second;
        try (CacheLock held = CacheLock.take(dir.resolve("cache"))) {
            assertThat(held.held()).isTrue();
            second = new Pipeline(s -> { }).build(options.withDestination(dir.resolve("second")));
        }
        assertThat(second.published()).isTrue();
        assertThat(second.cachedPages()).isZero();
        assertThat(second.problems()).filteredOn(p -> p.level() == Problem.Level.INFO && p.rule().equals("cache"))
                .singleElement().satisfies(p -> assertThat(p.message()).contains("was not used"));
        assertThat(count(dir.resolve("cache/pages"))).isEqualTo(entries);

        BuildReport third = new Pipeline(s -> { }).build(options.withDestination(dir.resolve("third")));
        assertThat(third.cachedPages()).isPositive();
        assertThat(third.problems()).noneMatch(p -> p.rule().equals("cache"));
    }

    private static long count(Path folder) throws IOException {
        try (Stream<Path> w = Files.walk(folder)) {
            return w.filter(Files::isRegularFile).count();
        }
    }
}
