package dev.hindsight.load;

import dev.hindsight.config.SiteConfigLoader;
import dev.hindsight.model.Postmortem;
import dev.hindsight.model.Result;
import dev.hindsight.model.Site;
import dev.hindsight.model.SiteConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the loader reads of real postmortems against what a person reads there: the labels in
 * {@code src/test/resources/structure/<folder>.tsv} (the first 15 postmortems of each folder of ../shared/corpus by
 * sorted path, labelled by reading the files before any parser change). Per field (date, start time, summary,
 * timeline of at least 2 entries) it prints the recall (read ÷ present, where "read" means the value matches the
 * label: the same date; a start within a minute, a label without a zone read as UTC; a timeline count within
 * 10%), and what was reported where the label says there is nothing. Each folder's recall may not fall below
 * {@link #FLOORS}, the figures measured when the labels were committed; the goal is 90% everywhere.
 */
class StructureRecallIT {
    static final Path CORPUS = Path.of(System.getProperty("hindsight.project.dir", ".")).toAbsolutePath()
            .resolve("../shared/corpus").normalize();
    static final Path LABELS = Path.of(System.getProperty("hindsight.project.dir", "."))
            .resolve("src/test/resources/structure");
    static final List<String> FIELDS = List.of("date", "start", "summary", "timeline");
    /**
     * Per folder, the read count per field (date, start, summary, timeline) it may not fall below: the figures when
     * the labels were committed, raised as the loader learns (jenkins start 1 → 15, mybinder start 0 → 9 and
     * timeline 0 → 12 with timestamped headings and paragraphs, and front-matter dates with a time; moj summary
     * 0 → 15 from labelled bullets; pydis timeline 0 → 1 with emoji shortcodes stripped from headings and Leadup
     * read as a timeline; posthog date 5 → 6 from a date in the title, mybinder date 13 → 14 the same; pydis start
     * 1 → 6 and posthog start 3 → 6 from a zoned time in the opening prose).
     */
    static final Map<String, int[]> FLOORS = Map.of(
            "dfds-postmortems", new int[] {15, 9, 15, 15},
            "jenkins-status-incidents", new int[] {15, 15, 14, 2},
            "kubernetes-test-infra", new int[] {4, 3, 5, 5},
            "moj-cloud-platform-incidents", new int[] {15, 15, 15, 14},
            "mybinder-incidents", new int[] {14, 9, 15, 12},
            "posthog-post-mortems", new int[] {6, 6, 7, 4},
            "pydis-incidents", new int[] {6, 6, 6, 1},
            "zalando-kubernetes-on-aws", new int[] {2, 0, 2, 0});
    private static final Map<String, String> TABLE = new TreeMap<>();

    /**
     * One labelled file.
     *
     * @param path     relative to its folder
     * @param date     the incident's day, or empty when a reader cannot tell
     * @param start    when it started, or empty
     * @param summary  true when it has a real summary
     * @param timeline timeline entries a reader counts
     */
    record Label(String path, Optional<LocalDate> date, Optional<Instant> start, boolean summary, int timeline) {
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dfds-postmortems", "jenkins-status-incidents", "kubernetes-test-infra",
            "moj-cloud-platform-incidents", "mybinder-incidents", "posthog-post-mortems", "pydis-incidents",
            "zalando-kubernetes-on-aws"})
    void theLoaderReadsWhatAPersonReads(String folder) throws IOException {
        Path dir = CORPUS.resolve(folder);
        if (!Files.isDirectory(dir)) {
            String reason = "corpus folder " + dir + " is not present (it lives outside the repository)";
            if (System.getenv("CI") != null) {
                Assertions.fail(reason + "; CI must run the corpus tests");
            }
            Assumptions.abort(reason + "; skipping");
        }
        List<Label> labels = read(LABELS.resolve(folder + ".tsv"));
        assertThat(labels).as("labelled files of " + folder).isNotEmpty().hasSizeLessThanOrEqualTo(15);
        labels.forEach(l -> assertThat(dir.resolve(l.path())).as("labelled file").isRegularFile());

        Result<SiteConfig> config = new SiteConfigLoader().load(dir, LocalDate.of(2026, 11, 1));
        Site site = new ContentLoader().load(dir, config.value(), true).value();
        Map<String, Postmortem> bySource = site.postmortems().stream()
                .collect(Collectors.toMap(Postmortem::source, Function.identity()));

        int[] present = new int[FIELDS.size()];
        int[] read = new int[FIELDS.size()];
        int[] invented = new int[FIELDS.size()];
        List<String> misses = new ArrayList<>();
        for (Label l : labels) {
            Optional<Postmortem> p = Optional.ofNullable(bySource.get(l.path()));
            boolean[] has = {l.date().isPresent(), l.start().isPresent(), l.summary(), l.timeline() >= 2};
            boolean[] got = {
                p.map(x -> l.date().map(day -> x.date().equals(Optional.of(day))).orElse(true)).orElse(false),
                p.flatMap(x -> x.times().started()).map(s -> l.start().map(t -> within(s, t)).orElse(true)).orElse(false),
                p.flatMap(Postmortem::summary).map(s -> !s.isBlank()).orElse(false),
                p.map(x -> x.timeline().size() >= 2 && Math.abs(x.timeline().size() - l.timeline()) <= l.timeline() / 10)
                        .orElse(false)};
            boolean[] reported = {p.isPresent(), p.flatMap(x -> x.times().started()).isPresent(),
                p.flatMap(Postmortem::summary).isPresent(), p.map(x -> x.timeline().size() >= 2).orElse(false)};
            for (int f = 0; f < FIELDS.size(); f++) {
                if (has[f]) {
                    present[f]++;
                    read[f] += got[f] ? 1 : 0;
                    if (!got[f]) {
                        misses.add(FIELDS.get(f) + " " + l.path());
                    }
                } else if (reported[f]) {
                    invented[f]++;
                }
            }
        }
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-30s %3d files", folder, labels.size()));
        for (int f = 0; f < FIELDS.size(); f++) {
            line.append(String.format(Locale.ROOT, "  %s %d/%d%s", FIELDS.get(f), read[f], present[f],
                    invented[f] > 0 ? " (+" + invented[f] + " where none)" : ""));
        }
        long files = site.postmortems().size()
                + site.files().stream().filter(f -> f.outcome() == dev.hindsight.model.SourceFile.Outcome.FAILED).count();
        List<Postmortem> all = site.postmortems();
        line.append(String.format(Locale.ROOT, "  | whole folder, of %d postmortem files (failed ones included): date %s, summary %s, timeline %s, start %s", files,
                share(all.size(), files), share(all.stream().filter(x -> x.summary().isPresent()).count(), files),
                share(all.stream().filter(x -> x.timeline().size() >= 2).count(), files),
                share(all.stream().filter(x -> x.times().started().isPresent()).count(), files)));
        TABLE.put(folder, line.toString());
        System.out.println("structure recall " + line + (misses.isEmpty() ? "" : "; missed: " + misses));
        int[] floor = FLOORS.get(folder);
        if (floor != null) {
            for (int f = 0; f < FIELDS.size(); f++) {
                assertThat(read[f]).as(folder + " " + FIELDS.get(f) + " read, at least as when the labels were committed")
                        .isGreaterThanOrEqualTo(floor[f]);
            }
        }
    }

    @AfterAll
    static void print() {
        if (!TABLE.isEmpty()) {
            System.out.println("\nstructure recall (read/present per field):");
            TABLE.values().forEach(System.out::println);
        }
    }

    private static String share(long n, long of) {
        return of == 0 ? "-" : Math.round(100.0 * n / of) + "%";
    }

    private static boolean within(Instant a, Instant b) {
        return Duration.between(a, b).abs().compareTo(Duration.ofMinutes(1)) <= 0;
    }

    /** Reads a labels file: path, date, start, summary, timeline, note; lines starting with # are comments. */
    static List<Label> read(Path file) throws IOException {
        List<Label> out = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t", -1);
            assertThat(f.length).as("fields in " + file.getFileName() + ": " + line).isGreaterThanOrEqualTo(5);
            out.add(new Label(f[0], f[1].equals("-") ? Optional.empty() : Optional.of(LocalDate.parse(f[1])),
                    f[2].equals("-") ? Optional.empty() : Optional.of(instant(f[2])), f[3].equals("yes"),
                    Integer.parseInt(f[4].trim())));
        }
        return out;
    }

    private static Instant instant(String s) {
        return s.endsWith("Z") ? Instant.parse(s.length() == 17 ? s.replace("Z", ":00Z") : s)
                : LocalDateTime.parse(s).toInstant(ZoneOffset.UTC);
    }
}
