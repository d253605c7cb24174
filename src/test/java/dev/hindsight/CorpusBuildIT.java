package dev.hindsight;

import dev.hindsight.model.Problem;
import dev.hindsight.model.SourceFile;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Builds each folder of the real corpora in ../shared/corpus through the whole pipeline, as
 * {@code hindsight build --content ../shared/corpus/<folder>} does: no errors, the site is published, every
 * file under the folder is counted once, and every incident has its page. Today is the real date, as for the command. Skipped with the reason where the
 * corpora are absent (a user's fresh clone); when CI is set their absence is a failure.
 */
class CorpusBuildIT {
    static final Path PROJECT = Path.of(System.getProperty("hindsight.project.dir", ".")).toAbsolutePath();
    static final Path CORPUS = PROJECT.resolve("../shared/corpus").normalize();

    @TempDir
    Path dir;

    /** Skips a corpus test where the corpora are absent, or fails it when CI is set. */
    static void requireCorpus(Path folder) {
        if (!Files.isDirectory(folder) && System.getenv("CI") != null) {
            throw new AssertionError("corpus folder " + folder + " is missing, and CI is set: corpus tests must run in CI");
        }
        Assumptions.assumeTrue(Files.isDirectory(folder), "corpus folder " + folder + " is not present (it lives "
                + "outside the repository, in ../shared/corpus); skipping");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dfds-postmortems", "kubernetes-test-infra", "moj-cloud-platform-incidents",
            "posthog-post-mortems", "zalando-kubernetes-on-aws"})
    void buildsTheFolderWithEveryFileAccountedFor(String folder) throws IOException {
        Path content = CORPUS.resolve(folder);
        requireCorpus(content);
        Path out = dir.resolve("public");
        BuildReport r = new Pipeline(s -> { }).build(BuildOptions.defaults(PROJECT, LocalDate.now(java.time.ZoneOffset.UTC))
                .withContent(content).withDestination(out).withCache(dir.resolve("cache")));

        assertThat(r.problems()).filteredOn(Problem::isError).extracting(Problem::format).isEmpty();
        assertThat(r.published()).isTrue();
        long onDisk;
        try (Stream<Path> walk = Files.walk(content)) {
            onDisk = walk.filter(Files::isRegularFile).count();
        }
        long sum = Arrays.stream(SourceFile.Outcome.values()).mapToLong(r::count).sum();
        assertThat(sum).isEqualTo(r.files().size()).isEqualTo(onDisk);
        assertThat(r.files()).extracting(SourceFile::path).doesNotHaveDuplicates();
        assertThat(r.count(SourceFile.Outcome.FAILED)).isZero();
        assertThat(r.files()).filteredOn(f -> f.outcome() == SourceFile.Outcome.SKIPPED)
                .allSatisfy(f -> assertThat(f.reason()).isNotBlank());
        long pages;
        try (Stream<Path> walk = Files.walk(out.resolve("incidents"))) {
            pages = walk.filter(p -> p.getFileName().toString().equals("index.html")).count() - 1;
        }
        assertThat(pages).isEqualTo(r.incidents());
        assertThat(r.inferred()).isEqualTo(r.incidents());
        // A second build from the same cache (a warm CI run) publishes the same bytes, copying every page.
        Path warmOut = dir.resolve("warm");
        BuildReport warm = new Pipeline(s -> { }).build(BuildOptions.defaults(PROJECT, LocalDate.now(java.time.ZoneOffset.UTC))
                .withContent(content).withDestination(warmOut).withCache(dir.resolve("cache")));
        assertThat(warm.published()).isTrue();
        assertThat(warm.cachedPages()).isPositive();
        assertThat(warm.problems()).isEqualTo(r.problems());
        try (Stream<Path> walk = Files.walk(out)) {
            for (Path f : walk.filter(Files::isRegularFile).toList()) {
                assertThat(warmOut.resolve(out.relativize(f).toString())).as("warm %s", out.relativize(f)).hasSameBinaryContentAs(f);
            }
        }
        System.out.printf(Locale.ROOT, "corpus build %s: %d files: %s; %d incidents, %d with inferences (%d in all); "
                        + "%d warnings, %d notes; %d output files%n", folder, r.files().size(),
                Arrays.stream(SourceFile.Outcome.values()).map(o -> o.name().toLowerCase(Locale.ROOT) + " " + r.count(o))
                        .collect(Collectors.joining(", ")),
                r.incidents(), r.inferred(), r.inferences(), r.count(Problem.Level.WARNING), r.count(Problem.Level.INFO),
                r.outputFiles());
    }
}
