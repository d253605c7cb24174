package dev.hindsight;

import dev.hindsight.cli.Main;
import dev.hindsight.model.Problem;
import dev.hindsight.model.SiteWriter;
import dev.hindsight.model.SourceFile;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Builds a content folder holding every case of the hostile-input list next to good incidents, and checks that
 * nothing is lost: every file under content/ is counted once as rendered, rendered with warnings, a bundle
 * resource, skipped (with the rule) or failed (with the reason), and the rest of the site is still rendered.
 */
class HostileSiteIT {
    private static final LocalDate TODAY = LocalDate.of(2025, 6, 1);

    @TempDir
    static Path dir;
    static Path content;
    static Path outside;
    static BuildReport report;
    static final Map<String, byte[]> written = new ConcurrentHashMap<>();

    @BeforeAll
    static void build() throws IOException {
        content = dir.resolve("project/content");
        outside = Files.writeString(dir.resolve("secret.md"), "# Secret\n\nTop secret.\n");
        writeHostileTree(content, outside);
        report = new Pipeline(s -> { }).build(options().withOutput(staging -> recording(staging, written)));
    }

    /** With the bodies in incidents.json, so text that leaked into a body from outside the content would show there. */
    static BuildOptions options() {
        return BuildOptions.defaults(dir.resolve("project"), TODAY).withCache(dir.resolve("cache")).withBodies(true);
    }

    /** A writer that passes every file on and keeps a copy of it. */
    static SiteWriter recording(SiteWriter next, Map<String, byte[]> copy) {
        return (path, bytes) -> {
            copy.put(path, bytes.clone());
            next.write(path, bytes);
        };
    }

    /** Writes good incidents and one file (or two) for each hostile case. */
    static void writeHostileTree(Path root, Path outsideFile) throws IOException {
        file(root, "site.yml", "title: Hostile\nbase_url: https://hostile.example/\n");
        file(root, "pages/start-here.md", "---\ntitle: Start here\n---\nRead the incidents.\n");
        file(root, "postmortems/2024-01-01-good.md", "---\ntitle: Good one\nseverity: SEV2\nservices: [api]\n---\n"
                + "## Summary\n\nAll fine.\n");
        file(root, "postmortems/2024-01-02-good-too.md", "---\ntitle: Good two\n---\n## Summary\n\nAlso fine.\n");
        // YAML
        file(root, "postmortems/2024-02-01-invalid-yaml.md", "---\ntitle: ok\ntags: [a, b\n---\n# Invalid YAML\n");
        file(root, "postmortems/2024-02-02-list-fm.md", "---\n- a\n- b\n---\n# List front matter\n");
        file(root, "postmortems/2024-02-03-scalar-fm.md", "---\njust words\n---\n# Scalar front matter\n");
        file(root, "postmortems/2024-02-04-types.md", "---\ntitle: Types\ndate: yesterday\nseverity: [1, 2]\n"
                + "times:\n  started: 25:99\n---\nBody.\n");
        file(root, "postmortems/2024-02-05-unclosed.md", "---\ntitle: Unclosed\n\n# Unclosed\n");
        StringBuilder bomb = new StringBuilder("a: &a [lol,lol,lol,lol,lol,lol,lol,lol,lol]\n");
        for (char c = 'b'; c <= 'j'; c++) {
            bomb.append(c).append(": &").append(c).append(" [").append(String.join(",", java.util.Collections.nCopies(9,
                    "*" + (char) (c - 1)))).append("]\n");
        }
        file(root, "postmortems/2024-02-06-laughs.md", "---\n" + bomb + "---\n# Laughs\n");
        StringBuilder tags = new StringBuilder();
        for (int i = 0; i < 10_000; i++) {
            tags.append("  - tag").append(i).append('\n');
        }
        file(root, "postmortems/2024-02-07-many-tags.md", "---\ntitle: Many tags\ntags:\n" + tags + "---\nBody.\n");
        // Encoding and format
        file(root, "postmortems/2024-03-01-empty.md", "");
        file(root, "postmortems/2024-03-02-only-fm.md", "---\ntitle: Only front matter\n---\n");
        bytes(root, "postmortems/2024-03-03-binary.md", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13, 1, 2});
        bytes(root, "postmortems/2024-03-04-latin1.md", "# Latin-1\n\nCaf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        bytes(root, "postmortems/2024-03-05-bom.md", ("\uFEFF---\ntitle: BOM\n---\nBody.\n").getBytes(StandardCharsets.UTF_8));
        file(root, "postmortems/2024-03-06-crlf.md", "---\r\ntitle: CRLF\r\n---\r\nBody.\r\n");
        file(root, "postmortems/2024-03-07-cr.md", "# CR only\r\rBody.\r");
        Path huge = root.resolve("postmortems/2024-03-08-huge.md");
        try (RandomAccessFile f = new RandomAccessFile(huge.toFile(), "rw")) {
            byte[] line = "- one line of a huge postmortem\n".getBytes(StandardCharsets.UTF_8);
            byte[] block = new byte[line.length * 32 * 1024];
            for (int i = 0; i < 32 * 1024; i++) {
                System.arraycopy(line, 0, block, i * line.length, line.length);
            }
            while (f.length() < 20L * 1024 * 1024) {
                f.write(block);
            }
        }
        file(root, "postmortems/2024-03-09-quotes.md", "# Deep quotes\n\n" + ">".repeat(10_000) + " deep\n");
        StringBuilder lists = new StringBuilder();
        for (int i = 0; i < 2_000; i++) {
            lists.append("  ".repeat(i)).append("- level ").append(i).append('\n');
        }
        file(root, "postmortems/2024-03-10-lists.md", "# Deep lists\n\n" + lists);
        // Names and links
        file(root, "postmortems/2024-04-01-Café.md", "# Café one\n");
        file(root, "postmortems/2024-04-01-cafe.md", "# Cafe two\n");
        file(root, "postmortems/2024-04-02-passwd.md", "---\ntitle: Passwd\nslug: ../../etc/passwd\n---\nBody.\n");
        file(root, "postmortems/2024-04-03-absolute.md", "---\ntitle: Absolute\nslug: /owned-root\n---\nBody.\n");
        file(root, "postmortems/2024-04-04-../index.md", "# Dot-dot bundle\n\n![chart](chart.svg)\n");
        file(root, "postmortems/2024-04-04-../chart.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
        Files.createSymbolicLink(root.resolve("postmortems/2024-04-05-link.md"), outsideFile);
        file(root, "postmortems/2024-04-06-数据库故障.md", "# 数据库故障 🔥\n");
        file(root, "postmortems/2024-04-07-🔥🔥.md", "# 🔥🔥\n");
        file(root, "postmortems/2024-04-07-🚒.md", "# 🚒\n");
        file(root, "postmortems/2024-04-08-" + "long-name-".repeat(20) + "end.md", "# " + "Very long title ".repeat(100) + "\n");
        file(root, "postmortems/2024-04-09-missing-image.md", "# Missing image\n\n![graph](missing.png)\n");
        // Timelines
        file(root, "postmortems/2024-05-01-zones.md", "# Zones\n\n## Timeline\n\n- 2024-05-01T09:02:00Z deploy\n"
                + "- 10:17 +01:00 alert\n- 11:00 PST call\n- 10:00 CST partner call\n");
        file(root, "postmortems/2024-05-02-undated.md", "# Undated\n\n## Timeline\n\n- Deploy.\n- Errors.\n- Rollback.\n");
        // Skipped by rule
        file(root, "postmortems/2024-06-01-draft.md", "---\ntitle: Draft\nstatus: draft\n---\nBody.\n");
        file(root, "postmortems/template.md", "# Incident title\n");
        file(root, "README.md", "# About this folder\n");
        file(root, "notes.txt", "not Markdown");
    }

    private static void file(Path root, String path, String text) throws IOException {
        bytes(root, path, text.getBytes(StandardCharsets.UTF_8));
    }

    private static void bytes(Path root, String path, byte[] bytes) throws IOException {
        Path p = root.resolve(path);
        Files.createDirectories(p.getParent());
        Files.write(p, bytes);
    }

    static long filesUnder(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).count();
        }
    }

    @Test
    void everyFileUnderContentIsCountedOnceAndTheCountsAddUp() throws IOException {
        long onDisk = filesUnder(content);
        assertThat(onDisk).isGreaterThan(35);
        assertThat(report.files()).extracting(SourceFile::path).doesNotHaveDuplicates();
        long sum = Arrays.stream(SourceFile.Outcome.values()).mapToLong(report::count).sum();
        assertThat(sum).isEqualTo(report.files().size()).isEqualTo(onDisk);
        assertThat(report.count(SourceFile.Outcome.RENDERED) + report.count(SourceFile.Outcome.RENDERED_WITH_WARNINGS))
                .isEqualTo(report.incidents() + 1);
        assertThat(report.count(SourceFile.Outcome.FAILED)).isEqualTo(3);
        assertThat(report.files()).filteredOn(f -> f.outcome() == SourceFile.Outcome.RESOURCE).extracting(SourceFile::path)
                .containsExactlyInAnyOrder("postmortems/2024-04-04-../chart.svg", "notes.txt");
        assertThat(report.files()).filteredOn(f -> f.outcome() == SourceFile.Outcome.FAILED
                || f.outcome() == SourceFile.Outcome.SKIPPED).allSatisfy(f -> assertThat(f.reason()).isNotBlank());
    }

    @Test
    void eachFailedFileHasAnErrorAtAFileLine() {
        for (SourceFile f : report.files()) {
            if (f.outcome() == SourceFile.Outcome.FAILED) {
                assertThat(report.problems()).as("problems of %s", f.path())
                        .anySatisfy(p -> {
                            assertThat(p.path()).isEqualTo(f.path());
                            assertThat(p.isError()).isTrue();
                            assertThat(p.line()).isPositive();
                        });
            }
        }
        assertThat(report.files()).filteredOn(f -> f.outcome() == SourceFile.Outcome.FAILED)
                .extracting(SourceFile::path).containsExactlyInAnyOrder("postmortems/2024-03-01-empty.md",
                        "postmortems/2024-03-03-binary.md", "postmortems/2024-03-08-huge.md");
        // A page can show text with replacement characters, and a file-name slug taken first gets a suffix: both
        // publish, with a warning.
        assertThat(report.problems()).anySatisfy(p -> {
            assertThat(p.path()).isEqualTo("postmortems/2024-03-04-latin1.md");
            assertThat(p.rule()).isEqualTo("encoding");
            assertThat(p.isError()).isFalse();
        });
        assertThat(report.problems()).anySatisfy(p -> {
            assertThat(p.path()).isEqualTo("postmortems/2024-04-01-cafe.md");
            assertThat(p.rule()).isEqualTo("duplicate-slug");
            assertThat(p.isError()).isFalse();
        });
    }

    @Test
    void theBuildSummaryNamesEveryFailedAndSkippedFileWithItsReason() throws IOException {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Path dest = dir.resolve("cli-public");
        int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), "build", "--source",
                dir.resolve("project").toString(), "--destination", dest.toString(), "--cache-dir",
                dir.resolve("cli-cache").toString(), "--today", TODAY.toString());
        assertThat(code).isEqualTo(Main.ERRORS);
        assertThat(dest).doesNotExist();
        String summary = out.toString();
        assertThat(summary).contains("files: " + filesUnder(content) + " in content: ");
        for (SourceFile f : report.files()) {
            if (f.outcome() == SourceFile.Outcome.FAILED || f.outcome() == SourceFile.Outcome.SKIPPED) {
                assertThat(summary).contains(f.outcome().name().toLowerCase(java.util.Locale.ROOT) + ": " + f.path()
                        + " (" + f.reason() + ")");
            }
        }
        assertThat(err.toString()).contains("postmortems/2024-02-01-invalid-yaml.md:4: error:")
                .contains("build failed");
    }

    @Test
    void theRestOfTheSiteIsRenderedAndNothingLeavesTheSite() {
        assertThat(report.published()).isFalse();
        assertThat(written).containsKeys("index.html", "incidents/index.html", "incidents.json",
                "incidents/2024-01-01-good/index.html", "incidents/2024-01-02-good-too/index.html",
                "incidents/etc-passwd/index.html", "incidents/owned-root/index.html",
                "incidents/2024-04-04/index.html", "incidents/2024-04-06-数据库故障/index.html",
                "incidents/2024-02-01-invalid-yaml/index.html", "incidents/2024-03-10-lists/index.html");
        assertThat(written.keySet()).allSatisfy(p -> {
            assertThat(p).doesNotStartWith("/").doesNotContain("..", "\\");
        });
        assertThat(written.keySet()).filteredOn(p -> p.startsWith("incidents/2024-04-07-"))
                .hasSize(2);
        String all = new String(written.get("incidents.json"), StandardCharsets.UTF_8);
        assertThat(all).doesNotContain("Top secret");
    }

    @Test
    void pagesOfFilesWithProblemsShowWhatWasRead() {
        Document d = Jsoup.parse(new String(written.get("incidents/2024-01-01-good/index.html"), StandardCharsets.UTF_8));
        assertThat(d.selectFirst("h1").text()).isEqualTo("Good one");
        Document types = Jsoup.parse(new String(written.get("incidents/2024-02-04-types/index.html"), StandardCharsets.UTF_8));
        assertThat(types.selectFirst("h1").text()).isEqualTo("Types");
    }

    @Test
    void warningsAndNotesPointAtTheirFileLines() {
        assertThat(problem("postmortems/2024-04-09-missing-image.md")).anySatisfy(p -> {
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.message()).contains("image not found: `missing.png`");
        });
        assertThat(problem("postmortems/2024-04-05-link.md")).anySatisfy(p ->
                assertThat(p.message()).contains("outside the content folder"));
        assertThat(problem("postmortems/2024-04-04-../index.md")).anySatisfy(p ->
                assertThat(p.format()).startsWith("postmortems/2024-04-04-../index.md:1: warning:"));
        assertThat(problem("postmortems/2024-05-01-zones.md")).anySatisfy(p -> {
            assertThat(p.line()).isEqualTo(8);
            assertThat(p.message()).contains("'CST'");
        });
        assertThat(problem("postmortems/2024-02-06-laughs.md")).anySatisfy(p -> assertThat(p.rule()).isEqualTo("yaml-limit"));
        assertThat(report.problems()).filteredOn(Problem::isError).allSatisfy(p -> assertThat(p.line()).isPositive());
    }

    private static List<Problem> problem(String path) {
        return report.problems().stream().filter(p -> p.path().equals(path)).toList();
    }
}
