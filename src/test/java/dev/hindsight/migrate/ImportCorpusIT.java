package dev.hindsight.migrate;

import dev.hindsight.check.ContentCheck;
import dev.hindsight.config.SiteConfigLoader;
import dev.hindsight.load.ContentLoader;
import dev.hindsight.model.Postmortem;
import dev.hindsight.model.Problem;
import dev.hindsight.model.Site;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Import → check → load on every folder of ../shared/corpus: the import writes every postmortem, {@code check}
 * afterwards reports exactly one {@code import-review} problem per key import marked inferred or left empty and no
 * problem the source did not already have, and every incident keeps its URL, title, date and summary.
 */
class ImportCorpusIT {
    static final Path CORPUS = Path.of(System.getProperty("hindsight.project.dir", ".")).toAbsolutePath()
            .resolve("../shared/corpus").normalize();
    static final LocalDate TODAY = LocalDate.of(2026, 12, 1);

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dfds-postmortems", "jenkins-status-incidents", "kubernetes-test-infra",
            "moj-cloud-platform-incidents", "mybinder-incidents", "posthog-post-mortems", "pydis-incidents",
            "zalando-kubernetes-on-aws"})
    void importThenCheckAsksOnlyForWhatImportMarked(String folder) {
        Path src = CORPUS.resolve(folder);
        Assumptions.assumeTrue(Files.isDirectory(src), "../shared/corpus/" + folder + " is not here (a fresh clone): skipped");
        Path into = dir.resolve("imported");
        Importer.Report r = new Importer().run(new Importer.Options(src, into, false, false, TODAY));
        assertThat(r.problems()).as("import problems").noneMatch(Problem::isError);
        int marked = r.files().stream().mapToInt(f -> f.inferred().size() + f.empty().size()).sum();

        List<Problem> before = new ContentCheck().run(src, TODAY, true).problems();
        List<Problem> after = new ContentCheck().run(into, TODAY, true).problems();
        List<Problem> review = after.stream().filter(p -> p.rule().equals("import-review")).toList();
        assertThat(review).as("one import-review problem per marked key").hasSize(marked);
        Map<String, Long> was = byPathAndRule(before);
        Map<String, Long> fresh = new TreeMap<>();
        byPathAndRule(after.stream().filter(p -> !p.rule().equals("import-review") && p.level() != Problem.Level.INFO)
                .toList()).forEach((k, n) -> {
                    if (n > was.getOrDefault(k, 0L)) {
                        fresh.put(k, n - was.getOrDefault(k, 0L));
                    }
                });
        assertThat(fresh).as("problems the source did not have").isEmpty();

        Map<String, String> source = incidents(src);
        Map<String, String> imported = incidents(into);
        assertThat(imported).as("slug, title, date and summary of every incident").isEqualTo(source);
        System.out.printf("import %-30s %3d incidents, %4d marked keys (%d inferred, %d to fill in)%n", folder,
                source.size(), marked, r.files().stream().mapToInt(f -> f.inferred().size()).sum(),
                r.files().stream().mapToInt(f -> f.empty().size()).sum());
    }

    private static Map<String, Long> byPathAndRule(List<Problem> problems) {
        return problems.stream().collect(Collectors.groupingBy(p -> p.path().replaceFirst("\\.md$", "") + " " + p.rule(),
                TreeMap::new, Collectors.counting()));
    }

    private static Map<String, String> incidents(Path content) {
        Site site = new ContentLoader().load(content, new SiteConfigLoader().load(content, TODAY).value(), true).value();
        Map<String, String> out = new HashMap<>();
        for (Postmortem p : site.postmortems()) {
            out.put(p.url(), p.title() + " | " + p.isoDate() + " | " + p.summary().orElse(""));
        }
        return out;
    }
}
