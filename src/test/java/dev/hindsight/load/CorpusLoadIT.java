package dev.hindsight.load;

import dev.hindsight.config.SiteConfigLoader;
import dev.hindsight.model.Inference;
import dev.hindsight.model.Postmortem;
import dev.hindsight.model.Problem;
import dev.hindsight.model.Result;
import dev.hindsight.model.Site;
import dev.hindsight.model.SiteConfig;
import dev.hindsight.model.SourceFile;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Loads each folder of the real postmortem corpora in ../shared/corpus as a content folder. Skipped, with the
 * reason shown, where the corpora are absent (a user's fresh clone); CI has them.
 */
class CorpusLoadIT {
    private static final Path CORPUS = Path.of(System.getProperty("hindsight.project.dir", ".")).toAbsolutePath()
            .resolve("../shared/corpus").normalize();

    @ParameterizedTest(name = "{0}")
    @CsvSource({"dfds-postmortems, 39", "kubernetes-test-infra, 5", "moj-cloud-platform-incidents, 39",
            "posthog-post-mortems, 7", "zalando-kubernetes-on-aws, 2"})
    void loadsEveryPostmortemAndAccountsForEveryFile(String folder, int postmortems) throws IOException {
        Path dir = CORPUS.resolve(folder);
        if (!Files.isDirectory(dir) && System.getenv("CI") != null) {
            throw new AssertionError("corpus folder " + dir + " is missing, and CI is set: corpus tests must run in CI");
        }
        Assumptions.assumeTrue(Files.isDirectory(dir), "corpus folder " + dir + " is not present (it lives outside "
                + "the repository, in ../shared/corpus); skipping");
        Result<SiteConfig> config = new SiteConfigLoader().load(dir, LocalDate.of(2026, 1, 1));
        Result<Site> loaded = new ContentLoader().load(dir, config.value(), false);
        Site site = loaded.value();

        long onDisk;
        try (Stream<Path> walk = Files.walk(dir)) {
            onDisk = walk.filter(Files::isRegularFile).count();
        }
        assertThat(site.files()).hasSize((int) onDisk);
        assertThat(site.files()).extracting(SourceFile::path).doesNotHaveDuplicates();
        assertThat(site.files()).filteredOn(f -> f.outcome() == SourceFile.Outcome.FAILED).isEmpty();
        assertThat(site.files()).filteredOn(f -> f.outcome() == SourceFile.Outcome.SKIPPED)
                .allSatisfy(f -> assertThat(f.reason()).isNotBlank());
        assertThat(loaded.problems()).filteredOn(Problem::isError).isEmpty();
        assertThat(site.postmortems()).hasSize(postmortems);
        assertThat(site.postmortems()).allSatisfy(p -> {
            assertThat(p.title()).isNotBlank();
            assertThat(p.inferred("date")).as("date of %s is inferred", p.source()).isTrue();
            assertThat(p.inferred("title") || declaresTitle(dir.resolve(p.source())))
                    .as("title of %s is inferred or declared", p.source()).isTrue();
            assertThat(p.date()).as("date of %s", p.source()).hasValueSatisfying(d -> assertThat(d.getYear()).isBetween(2015, 2026));
        });

        Map<String, Long> byField = site.postmortems().stream().flatMap(p -> p.inferences().stream())
                .collect(Collectors.groupingBy(Inference::field, TreeMap::new, Collectors.counting()));
        Map<String, Long> outcomes = site.files().stream()
                .collect(Collectors.groupingBy(f -> f.outcome().name(), TreeMap::new, Collectors.counting()));
        Map<String, Long> skipped = site.files().stream().filter(f -> f.outcome() == SourceFile.Outcome.SKIPPED)
                .collect(Collectors.groupingBy(SourceFile::reason, TreeMap::new, Collectors.counting()));
        long timed = site.postmortems().stream().mapToLong(p -> p.timeline().stream().filter(e -> e.at().isPresent()).count()).sum();
        long events = site.postmortems().stream().mapToLong(p -> p.timeline().size()).sum();
        long actions = site.postmortems().stream().mapToLong(p -> p.actionItems().size()).sum();
        System.out.printf("corpus %s: %d files %s; incidents %d; skipped %s; timeline events %d (%d timed); "
                        + "action items %d; inferences %s%n", folder, site.files().size(), outcomes,
                site.postmortems().size(), skipped, events, timed, actions, byField);
        assertThat(byField.get("date")).isEqualTo(postmortems);
        assertThat(site.postmortems()).extracting(Postmortem::slug).doesNotHaveDuplicates();
    }

    private static boolean declaresTitle(Path file) {
        try {
            String text = Files.readString(file);
            int end = text.indexOf("\n---", 3);
            int title = text.indexOf("\ntitle:");
            return text.startsWith("---\n") && title > 0 && title < end;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
