package dev.hindsight.migrate;

import dev.hindsight.model.Problem;
import dev.hindsight.model.Term;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Import writes what it read, keeps what it does not know, and is safe to run again. */
class ImporterTest {
    static final LocalDate TODAY = LocalDate.of(2026, 1, 1);

    @TempDir
    Path dir;
    Path src;
    Path into;

    @BeforeEach
    void collection() throws IOException {
        src = Files.createDirectories(dir.resolve("old"));
        into = dir.resolve("new");
        Files.createDirectories(src.resolve("2023/assets"));
        Files.write(src.resolve("2023/assets/graph.png"), new byte[] {1, 2, 3});
        Files.write(src.resolve("2023/local.png"), new byte[] {4, 5});
        Files.writeString(src.resolve("2023/2023-04-21-dns.md"), """
                ---
                title: "DNS: resolvers flapped"
                description: Lookups failed for 20 minutes.
                affected: [edge]
                jira: OPS-12
                owner_notes:
                  - keep this
                ---
                # DNS: resolvers flapped

                ## Timeline

                - 13:05 UTC alert fired
                - 13:25 UTC rolled back

                ![graph](/2023/assets/graph.png) and ![local](local.png)

                ## Root cause

                A resolver config push left the edge without spare capacity. Nobody paged.

                ## Action items

                - Add a canary for resolver config
                """);
        Files.writeString(src.resolve("notes-without-date.md"), "# Cache stampede\n\nThe cache emptied at once.\n");
    }

    private Importer.Report run(boolean dryRun, boolean force) {
        return new Importer().run(new Importer.Options(src, into, dryRun, force, TODAY));
    }

    private static Map<String, String> tree(Path root) throws IOException {
        Map<String, String> out = new TreeMap<>();
        if (!Files.exists(root)) {
            return out;
        }
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                out.put(root.relativize(p).toString(), new String(Files.readAllBytes(p), java.nio.charset.StandardCharsets.ISO_8859_1));
            }
        }
        return out;
    }

    @Test
    void writesFrontMatterWithEveryValueMarkingInferredOnesAndKeepingUnknownKeys() throws IOException {
        Importer.Report r = run(false, false);
        assertThat(r.problems()).noneMatch(Problem::isError);
        String dns = Files.readString(into.resolve("2023/2023-04-21-dns.md"));
        assertThat(dns).startsWith("---\ntitle: \"DNS: resolvers flapped\"\nslug: 2023-04-21-dns\n".replace("slug: 2023", "slug: \"2023")
                .replace("dns\n", "dns\"\n"));
        assertThat(dns).contains("# inferred: file name\ndate: 2023-04-21\n")
                .contains("summary: Lookups failed for 20 minutes.\n")
                .contains("services:\n  - edge\n")
                .contains("# fill in: how bad was it? one of site.yml's severities\nseverity:\n")
                .contains("  started: \"2023-04-21T13:05:00Z\"\n")
                .contains("  - title: Add a canary for resolver config\n    type: other\n    status: unknown\n")
                .contains("jira: OPS-12\nowner_notes:\n  - keep this\n---\n")
                .doesNotContain("description:").doesNotContain("affected:");
        // The body is as it was, but for the root-absolute image link, now beside the file.
        assertThat(dns).contains("# DNS: resolvers flapped\n\n## Timeline\n").contains("![graph](graph.png) and ![local](local.png)");
        assertThat(into.resolve("2023/graph.png")).hasBinaryContent(new byte[] {1, 2, 3});
        assertThat(into.resolve("2023/local.png")).hasBinaryContent(new byte[] {4, 5});
        assertThat(r.files()).filteredOn(f -> f.path().equals("2023/2023-04-21-dns.md")).singleElement()
                .satisfies(f -> assertThat(f.detail()).contains("inferred: date").contains("to fill in: severity")
                        .contains("link /2023/assets/graph.png \u2192 graph.png"));
        String undated = Files.readString(into.resolve("notes-without-date.md"));
        assertThat(undated).contains("# fill in: no date was found in the file").contains("\ndate:\n")
                .contains("slug: notes-without-date\n");
    }

    @Test
    void causesAreOnlySuggestedInACommentWithTheSentenceThatSuggestedThem() throws IOException {
        List<Term> causes = List.of(new Term("capacity", "Capacity", "", Optional.empty()),
                new Term("config-change", "Config change", "", Optional.empty()),
                new Term("expired-certificate", "Expired certificate", "", Optional.empty()));
        new Importer().run(new Importer.Options(src, into, false, false, TODAY, causes));
        String dns = Files.readString(into.resolve("2023/2023-04-21-dns.md"));
        assertThat(dns).contains("# suggested cause: capacity (\"A resolver config push left the edge without spare "
                + "capacity.\")\n# fill in: the contributing-factor categories (site.yml's causes)\ncauses: []\n");
        assertThat(dns).doesNotContain("suggested cause: expired-certificate").doesNotContain("suggested cause: config-change");
    }

    @Test
    void aSecondRunAndAnImportOfTheImportedTreeChangeNothing() throws IOException {
        run(false, false);
        Map<String, String> first = tree(into);
        Importer.Report again = run(false, false);
        assertThat(again.problems()).noneMatch(Problem::isError);
        assertThat(again.files()).filteredOn(f -> f.path().endsWith(".md"))
                .allMatch(f -> f.action() == Importer.Action.UNCHANGED);
        assertThat(tree(into)).isEqualTo(first);
        Path twice = dir.resolve("twice");
        Importer.Report re = new Importer().run(new Importer.Options(into, twice, false, false, TODAY));
        assertThat(re.problems()).noneMatch(Problem::isError);
        assertThat(tree(twice)).isEqualTo(first);
    }

    @Test
    void aDryRunWritesNothing() throws IOException {
        Importer.Report r = run(true, false);
        assertThat(r.files()).anyMatch(f -> f.action() == Importer.Action.WRITE);
        assertThat(tree(into)).isEmpty();
    }

    @Test
    void refusesToOverwriteADifferentFileUnlessForced() throws IOException {
        Files.createDirectories(into.resolve("2023"));
        Files.writeString(into.resolve("2023/2023-04-21-dns.md"), "mine\n");
        Importer.Report r = run(false, false);
        assertThat(r.problems()).anySatisfy(p -> assertThat(p.message()).contains("exists and differs"));
        assertThat(into.resolve("2023/2023-04-21-dns.md")).hasContent("mine");
        assertThat(into.resolve("notes-without-date.md")).exists();
        Importer.Report forced = run(false, true);
        assertThat(forced.problems()).noneMatch(Problem::isError);
        assertThat(Files.readString(into.resolve("2023/2023-04-21-dns.md"))).startsWith("---\n");
    }

    @Test
    void refusesASourceInsideTheTargetOrTheOtherWayRound() throws IOException {
        Importer.Report inside = new Importer().run(new Importer.Options(src, dir, false, false, TODAY));
        assertThat(inside.problems()).singleElement().satisfies(p -> assertThat(p.message()).contains("is inside the target"));
        Importer.Report within = new Importer().run(new Importer.Options(src, src.resolve("out"), false, false, TODAY));
        assertThat(within.problems()).singleElement().satisfies(p -> assertThat(p.message()).contains("is inside the source"));
        assertThat(src.resolve("out")).doesNotExist();
    }

    @Test
    void anUnwritableTargetIsAnErrorPerFileNotACrash() throws IOException {
        // A file where the target folder should be: nothing can be written under it, even by root.
        Files.writeString(into, "not a folder\n");
        Importer.Report r = run(false, false);
        assertThat(r.problems()).filteredOn(Problem::isError).isNotEmpty()
                .allSatisfy(p -> assertThat(p.message()).contains("could not write"));
        assertThat(into).hasContent("not a folder");
    }

    @Test
    void theFoundLineCountsWhatTheLoaderRead() {
        Importer.Report r = run(true, false);
        assertThat(r.found().incidents()).isEqualTo(2);
        assertThat(r.found().line()).startsWith("found: date 50%");
    }

    static List<String> lines(String s) {
        return List.of(s.split("\n"));
    }
}
