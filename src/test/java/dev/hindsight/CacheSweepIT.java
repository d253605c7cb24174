package dev.hindsight;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The build cache does not grow with every build: after builds of three different contents, each cache folder holds
 * only the entries of the last one (a build that changed an incident used to leave its search export behind); the
 * similar-incident state and the words of the incidents are one entry each, replaced by each build.
 */
class CacheSweepIT {
    @TempDir
    Path dir;

    @Test
    void eachBuildSweepsTheEntriesOfEarlierContents() throws IOException {
        TestFolders.copy(TestFolders.basicSite(), dir.resolve("content"));
        Path incident;
        try (Stream<Path> files = Files.walk(dir.resolve("content/postmortems"))) {
            incident = files.filter(f -> f.toString().endsWith(".md")).sorted().findFirst().orElseThrow();
        }
        String text = Files.readString(incident);
        BuildOptions options = BuildOptions.defaults(dir, LocalDate.of(2025, 6, 1));
        List<Integer> exports = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Files.writeString(incident, text + "\nThe queue drained after " + (i + 2) + " retries.\n");
            BuildReport r = new Pipeline(s -> { }).build(options);
            assertThat(r.published()).as("%s", r.problems()).isTrue();
            exports.add(entries(options.cacheDir().resolve("index-output")).size());
        }
        // The stage's output for these contents, and what the next build starts from: the similar-incident state,
        // each incident's words, each incident's index digest, the export's compressed files and its fragment files.
        // Never more: each build replaces those five, and the output of the contents before is swept.
        assertThat(exports).as("index-output entries after each build").containsOnly(6);
        assertThat(entries(options.cacheDir().resolve("load")))
                .as("one load entry per content file").hasSizeLessThanOrEqualTo(countMarkdown());
    }

    /**
     * A page copied whole from the page cache keeps the rewritten body it was made with: the next build renders it
     * again when a neighbour's title changes, and finds its body kept. They used to be swept, as the copy never read
     * them (at 10,000 incidents, a warm build deleted 10,000 entries, and the build after rewrote every body it needed).
     */
    @Test
    void aPageCopiedFromTheCacheKeepsItsBody() throws IOException {
        TestFolders.copy(TestFolders.basicSite(), dir.resolve("content"));
        BuildOptions options = BuildOptions.defaults(dir, LocalDate.of(2025, 6, 1));
        BuildReport cold = new Pipeline(s -> { }).build(options);
        assertThat(cold.published()).as("%s", cold.problems()).isTrue();
        List<Path> bodies = entries(options.cacheDir().resolve("bodies"));
        assertThat(bodies).as("one rewritten body per incident").hasSize(cold.incidents());

        BuildReport warm = new Pipeline(s -> { }).build(options);
        assertThat(warm.cachedPages()).as("every incident's page came from the cache").isGreaterThanOrEqualTo(cold.incidents());
        assertThat(entries(options.cacheDir().resolve("bodies"))).containsExactlyInAnyOrderElementsOf(bodies);
    }

    private int countMarkdown() throws IOException {
        try (Stream<Path> files = Files.walk(dir.resolve("content"))) {
            return (int) files.filter(f -> f.toString().endsWith(".md")).count();
        }
    }

    private static List<Path> entries(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().equals("STAMP")).toList();
        }
    }
}
