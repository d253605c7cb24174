package dev.hindsight.load;

import dev.hindsight.model.Postmortem;
import dev.hindsight.model.Problem;
import dev.hindsight.model.SourceFile;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Broken and hostile files, one test per case of the hostile-input list: each gives a clear {@code file:line}
 * problem (or is read correctly, where the case is a legal one), and the good file next to it still loads.
 * docs/file-handling.md lists the decision for each case.
 */
class HostileInputTest {
    private static final String GOOD = "postmortems/2024-01-01-good.md";

    @TempDir
    Path dir;

    private TempContent content() {
        return new TempContent(dir).file(GOOD, "---\ntitle: Good\n---\nFine.\n");
    }

    /** Asserts a problem at path:line whose text has every fragment, and that the good file still loaded. */
    private static void reported(TempContent.Loaded l, String path, int line, String... fragments) {
        assertThat(l.problems(path)).as("problems of %s", path).anySatisfy(s -> {
            assertThat(s).startsWith(path + ":" + line + ":");
            assertThat(s).contains(fragments);
        });
        restLoads(l);
    }

    private static void restLoads(TempContent.Loaded l) {
        assertThat(l.file(GOOD).outcome()).isEqualTo(SourceFile.Outcome.RENDERED);
        assertThat(l.site().postmortem("2024-01-01-good")).hasValueSatisfying(p -> assertThat(p.title()).isEqualTo("Good"));
        assertThat(l.problems(GOOD)).isEmpty();
    }

    // YAML

    @Test
    void invalidYamlIsAnErrorAtItsLineAndTheBodyStillRenders() {
        String path = "postmortems/2024-02-01-invalid-yaml.md";
        TempContent.Loaded l = content().file(path, "---\ntitle: ok\ntags: [a, b\ndate: 2024-02-01\n---\n# Heading\n").load();
        reported(l, path, 4, "error", "YAML syntax error", "[yaml-syntax]");
        assertThat(l.site().postmortem("2024-02-01-invalid-yaml")).hasValueSatisfying(p -> assertThat(p.title()).isEqualTo("Heading"));
    }

    @Test
    void frontMatterThatIsAListIsAnError() {
        String path = "postmortems/2024-02-02-list.md";
        TempContent.Loaded l = content().file(path, "---\n- a\n- b\n---\n# List\n").load();
        reported(l, path, 2, "error", "must be a map", "not a list");
        assertThat(l.site().postmortem("2024-02-02-list")).isPresent();
    }

    @Test
    void frontMatterThatIsAScalarIsAnError() {
        String path = "postmortems/2024-02-03-scalar.md";
        TempContent.Loaded l = content().file(path, "---\njust some words\n---\n# Scalar\n").load();
        reported(l, path, 2, "error", "must be a map", "not text");
        assertThat(l.site().postmortem("2024-02-03-scalar")).isPresent();
    }

    @Test
    void wrongTypesAreErrorsAtTheirKeysAndTheRestOfTheFileIsUsed() {
        String path = "postmortems/2024-02-04-types.md";
        TempContent.Loaded l = content().file(path, "---\ntitle: Types\ndate: yesterday\nseverity: [1, 2]\ntimes:\n"
                + "  started: 25:99\n  resolved: 2024-02-04T10:00:00Z\n---\nBody.\n").load();
        reported(l, path, 3, "warning", "`date`", "yesterday");
        reported(l, path, 4, "error", "`severity`", "a list");
        reported(l, path, 6, "error", "times.started", "25:99");
        Postmortem p = l.site().postmortem("2024-02-04-types").orElseThrow();
        assertThat(p.date()).contains(LocalDate.parse("2024-02-04"));
        assertThat(p.severity()).isEmpty();
        assertThat(p.times().started()).isEmpty();
        assertThat(p.times().resolved()).contains(Instant.parse("2024-02-04T10:00:00Z"));
    }

    @Test
    void anUnclosedFrontMatterIsAnErrorAndTheWholeFileIsBody() {
        String path = "postmortems/2024-02-05-unclosed.md";
        TempContent.Loaded l = content().file(path, "---\ntitle: Unclosed\n\n# Heading\n\nText.\n").load();
        reported(l, path, 1, "error", "never closed");
        assertThat(l.site().postmortem("2024-02-05-unclosed")).hasValueSatisfying(p -> assertThat(p.title()).isEqualTo("Heading"));
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS) // a stall guard, not a speed assertion: the refusal is immediate
    void aBillionLaughsAliasBombIsRefusedWithoutExpandingIt() {
        StringBuilder yaml = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (char c = 'b'; c <= 'j'; c++) {
            yaml.append(c).append(": &").append(c).append(" [");
            for (int i = 0; i < 9; i++) {
                yaml.append(i == 0 ? "" : ",").append('*').append((char) (c - 1));
            }
            yaml.append("]\n");
        }
        String path = "postmortems/2024-02-06-laughs.md";
        TempContent.Loaded l = content().file(path, "---\ntitle: Laughs\n" + yaml + "---\n# Laughs\n").load();
        assertThat(l.problems(path)).singleElement().satisfies(s ->
                assertThat(s).matches(path.replace(".", "\\.") + ":\\d+: error: .*\\[yaml-limit]"));
        restLoads(l);
        assertThat(l.site().postmortem("2024-02-06-laughs")).hasValueSatisfying(p -> assertThat(p.title()).isEqualTo("Laughs"));
    }

    @Test
    void aTenThousandElementListIsCutToTheLimitWithANote() {
        StringBuilder tags = new StringBuilder();
        for (int i = 0; i < 10_000; i++) {
            tags.append("  - tag").append(i).append('\n');
        }
        String path = "postmortems/2024-02-07-many.md";
        TempContent.Loaded l = content().file(path, "---\ntitle: Many\ntags:\n" + tags + "---\nBody.\n").load();
        reported(l, path, 3, "10000 items");
        assertThat(l.site().postmortem("2024-02-07-many").orElseThrow().tags()).hasSize(200);
    }

    // Encoding and format

    @Test
    void anEmptyFileFailsWithItsReason() {
        String path = "postmortems/2024-02-08-empty.md";
        TempContent.Loaded l = content().file(path, "").file("postmortems/2024-02-09-blank.md", " \n\n\t\n").load();
        reported(l, path, 1, "error", "empty file");
        assertThat(l.file(path).outcome()).isEqualTo(SourceFile.Outcome.FAILED);
        assertThat(l.file(path).reason()).startsWith("empty file");
        assertThat(l.file("postmortems/2024-02-09-blank.md").outcome()).isEqualTo(SourceFile.Outcome.FAILED);
    }

    @Test
    void aFileWithOnlyFrontMatterRendersWithANote() {
        String path = "postmortems/2024-02-10-only-fm.md";
        TempContent.Loaded l = content().file(path, "---\ntitle: Only front matter\n---\n").load();
        reported(l, path, 4, "info", "body is empty");
        assertThat(l.site().postmortem("2024-02-10-only-fm").orElseThrow().bodyHtml()).isEmpty();
    }

    @Test
    void aBinaryFileWithAMarkdownNameFails() {
        String path = "postmortems/2024-02-11-binary.md";
        TempContent.Loaded l = content().bytes(path, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13}).load();
        reported(l, path, 1, "error", "binary");
        assertThat(l.file(path).outcome()).isEqualTo(SourceFile.Outcome.FAILED);
    }

    @Test
    void invalidUtf8IsRenderedWithReplacementAndAWarningAtTheLineOfTheFirstBadByte() {
        String path = "postmortems/2024-02-12-latin1.md";
        TempContent.Loaded l = content().bytes(path, "# Title\n\nCaf\u00e9 closed early\n".getBytes(StandardCharsets.ISO_8859_1)).load();
        reported(l, path, 3, "warning", "not valid UTF-8");
        assertThat(l.file(path).outcome()).isNotEqualTo(SourceFile.Outcome.FAILED);
        assertThat(l.site().postmortems()).filteredOn(p -> p.source().equals(path)).singleElement()
                .satisfies(p -> assertThat(p.bodyText()).contains("Caf\uFFFD closed early"));
    }

    @Test
    void aUtf8ByteOrderMarkIsDroppedAndLinesStayRight() {
        String path = "postmortems/2024-02-13-bom.md";
        byte[] text = "---\ntitle: BOM\n---\n\n## Summary\n\nLine one.\n".getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[text.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(text, 0, withBom, 3, text.length);
        TempContent.Loaded l = content().bytes(path, withBom).load();
        Postmortem p = l.site().postmortem("2024-02-13-bom").orElseThrow();
        assertThat(p.title()).isEqualTo("BOM");
        assertThat(p.sections()).first().satisfies(s -> assertThat(s.line()).isEqualTo(5));
        assertThat(l.problems(path)).isEmpty();
        restLoads(l);
    }

    @Test
    void windowsLineEndingsAreRead() {
        String path = "postmortems/2024-02-14-crlf.md";
        TempContent.Loaded l = content().file(path, "---\r\ntitle: CRLF\r\n---\r\n\r\n## Summary\r\n\r\nLine one.\r\n").load();
        Postmortem p = l.site().postmortem("2024-02-14-crlf").orElseThrow();
        assertThat(p.title()).isEqualTo("CRLF");
        assertThat(p.summary()).contains("Line one.");
        assertThat(p.sections()).first().satisfies(s -> assertThat(s.line()).isEqualTo(5));
        assertThat(l.problems(path)).isEmpty();
        restLoads(l);
    }

    @Test
    void oldMacLineEndingsAreRead() {
        String path = "postmortems/2024-02-15-cr.md";
        TempContent.Loaded l = content().file(path, "# Old Mac\r\r## Summary\r\rOne line.\r").load();
        Postmortem p = l.site().postmortem("2024-02-15-cr").orElseThrow();
        assertThat(p.title()).isEqualTo("Old Mac");
        assertThat(p.bodyHtml()).doesNotContain("\r");
        assertThat(p.sections()).first().satisfies(s -> assertThat(s.line()).isEqualTo(3));
        assertThat(l.problems(path)).isEmpty();
        restLoads(l);
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS) // a stall guard: the size is checked before the file is read
    void aTwentyMegabyteFileIsRefusedByTheDocumentedSizeLimit() throws IOException {
        String path = "postmortems/2024-02-16-huge.md";
        Path big = dir.resolve(path);
        Files.createDirectories(big.getParent());
        byte[] line = "- a line of a very long but otherwise ordinary Markdown postmortem\n".getBytes(StandardCharsets.UTF_8);
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            while (f.length() < 20L * 1024 * 1024) {
                f.write(line);
            }
        }
        TempContent.Loaded l = content().load();
        reported(l, path, 1, "error", "5 MiB");
        assertThat(l.file(path).outcome()).isEqualTo(SourceFile.Outcome.FAILED);
        assertThat(l.file(path).reason()).contains("limit");
    }

    @Test
    void deeplyNestedQuotesDoNotOverflowTheStack() {
        String path = "postmortems/2024-02-17-quotes.md";
        TempContent.Loaded l = content().file(path, "# Quotes\n\n" + ">".repeat(10_000) + " deep\n").load();
        reported(l, path, 3, "warning", "[markdown-depth]");
        assertThat(l.site().postmortem("2024-02-17-quotes").orElseThrow().bodyHtml())
                .startsWith("<pre class=\"plain\">").doesNotContain("<blockquote");
    }

    @Test
    void deeplyNestedListsDoNotOverflowTheStack() {
        StringBuilder lists = new StringBuilder();
        for (int i = 0; i < 2_000; i++) {
            lists.append("  ".repeat(i)).append("- level ").append(i).append('\n');
        }
        String path = "postmortems/2024-02-18-lists.md";
        TempContent.Loaded l = content().file(path, "# Lists\n\n" + lists)
                .file("postmortems/2024-02-19-inline.md", "# Inline\n\n" + "- ".repeat(10_000) + "x\n")
                .file("postmortems/2024-02-20-emphasis.md", "# Emphasis\n\n" + "*".repeat(5_000) + "x" + "*".repeat(5_000) + "\n")
                .load();
        reported(l, path, 103, "warning", "deeper than 100 levels", "[markdown-depth]");
        assertThat(l.problems("postmortems/2024-02-19-inline.md", Problem.Level.WARNING)).singleElement()
                .satisfies(p -> assertThat(p.rule()).isEqualTo("markdown-depth"));
        assertThat(l.site().postmortem("2024-02-18-lists")).isPresent();
        assertThat(l.site().postmortem("2024-02-20-emphasis")).isPresent();
    }

    // Names and links

    @Test
    void twoFileNamesGivingTheSameSlugGetADeterministicSuffixAndAWarning() {
        TempContent.Loaded l = content()
                .file("postmortems/2024-03-01-Café.md", "# One\n")
                .file("postmortems/2024-03-01-cafe.md", "# Two\n")
                .file("postmortems/2022/outage/index.md", "---\ntitle: A\ndate: 2022-01-01\n---\nOne.\n")
                .file("postmortems/2023/outage/index.md", "---\ntitle: B\ndate: 2023-01-01\n---\nTwo.\n")
                .load();
        String second = "postmortems/2024-03-01-cafe.md";
        reported(l, second, 1, "warning", "postmortems/2024-03-01-Café.md", "'2024-03-01-cafe-2'", "[duplicate-slug]");
        reported(l, "postmortems/2023/outage/index.md", 1, "warning", "postmortems/2022/outage/index.md", "'outage-2'");
        assertThat(l.site().postmortems()).extracting(Postmortem::slug)
                .contains("2024-03-01-cafe", "2024-03-01-cafe-2", "outage", "outage-2").doesNotHaveDuplicates();
        assertThat(l.problems()).noneMatch(Problem::isError);
    }

    @Test
    void twoFilesSettingTheSameSlugAreAnErrorNamingBoth() {
        TempContent.Loaded l = content()
                .file("postmortems/2024-03-01-a.md", "---\ntitle: A\nslug: outage\n---\nOne.\n")
                .file("postmortems/2024-03-02-b.md", "---\ntitle: B\nslug: outage\n---\nTwo.\n")
                .load();
        String loser = "postmortems/2024-03-02-b.md";
        reported(l, loser, 1, "error", "postmortems/2024-03-01-a.md", "'outage'", "[duplicate-slug]");
        assertThat(l.file(loser).outcome()).isEqualTo(SourceFile.Outcome.FAILED);
    }

    @Test
    void aSlugWithDotDotSegmentsCannotEscapeTheSite() {
        String path = "postmortems/2024-03-02-x.md";
        TempContent.Loaded l = content().file(path, "---\ntitle: X\nslug: ../../etc/passwd\n---\nBody.\n").load();
        reported(l, path, 3, "warning", "'../../etc/passwd'", "'etc-passwd'");
        assertThat(l.site().postmortem("etc-passwd")).isPresent();
    }

    @Test
    void anAbsoluteSlugCannotEscapeTheSite() {
        String path = "postmortems/2024-03-03-x.md";
        TempContent.Loaded l = content().file(path, "---\ntitle: X\nslug: /etc/passwd\n---\nBody.\n"
                + "").file("postmortems/2024-03-04-y.md", "---\ntitle: Y\nslug: 'C:\\Windows\\x'\n---\nBody.\n").load();
        // An absolute path is read as a page address (as Docusaurus writes one): its last part, with a note.
        reported(l, path, 3, "info", "'/etc/passwd'", "'passwd'");
        reported(l, "postmortems/2024-03-04-y.md", 3, "warning", "'c-windows-x'");
        assertThat(l.site().postmortems()).extracting(Postmortem::slug).contains("passwd", "c-windows-x");
    }

    @Test
    void dotDotInABundleNameIsReportedAndCannotEscapeTheSite() {
        String path = "postmortems/2024-03-05-../index.md";
        TempContent.Loaded l = content().file(path, "# Bundle\n\n![chart](chart.svg)\n")
                .file("postmortems/2024-03-05-../chart.svg", "<svg/>").load();
        reported(l, path, 1, "warning", "'..'", "'2024-03-05'");
        assertThat(l.site().postmortem("2024-03-05")).hasValueSatisfying(p -> assertThat(p.resources()).contains("chart.svg"));
    }

    @Test
    void aSymlinkOutOfTheContentFolderIsNotFollowedAndIsReported() throws IOException {
        Path outside = Files.writeString(dir.resolveSibling(dir.getFileName() + "-secret.md"), "# Secret\n\nTop secret.\n");
        Path outsideDir = Files.createDirectories(dir.resolveSibling(dir.getFileName() + "-secrets"));
        Files.writeString(outsideDir.resolve("2024-04-09-x.md"), "# Secret too\n");
        try {
            TempContent c = content();
            String path = "postmortems/2024-04-01-link.md";
            Files.createSymbolicLink(dir.resolve(path), outside);
            Files.createSymbolicLink(dir.resolve("postmortems/linked-folder"), outsideDir);
            Files.createSymbolicLink(dir.resolve("postmortems/2024-04-02-inside.md"), dir.resolve(GOOD));
            TempContent.Loaded l = c.load();
            reported(l, path, 1, "warning", "outside the content folder");
            assertThat(l.file(path).outcome()).isEqualTo(SourceFile.Outcome.SKIPPED);
            assertThat(l.file("postmortems/linked-folder").outcome()).isEqualTo(SourceFile.Outcome.SKIPPED);
            // A folder has no line to point at: its warning names it alone, never "linked-folder:0".
            assertThat(l.problems("postmortems/linked-folder")).singleElement().asString()
                    .startsWith("postmortems/linked-folder: warning: symbolic link");
            assertThat(l.site().postmortems()).extracting(Postmortem::bodyText).noneMatch(t -> t.contains("secret"));
            assertThat(l.site().postmortem("2024-04-02-inside")).isPresent();
        } finally {
            Files.delete(outside);
            Files.delete(outsideDir.resolve("2024-04-09-x.md"));
            Files.delete(outsideDir);
        }
    }

    @Test
    void unicodeAndEmojiNamesKeepReadableUniqueSlugs() {
        TempContent.Loaded l = content()
                .file("postmortems/2024-03-06-数据库故障.md", "# 数据库故障 🔥\n")
                .file("postmortems/2024-03-06-🔥🔥.md", "# Fire\n")
                .file("postmortems/2024-03-06-🚒.md", "# Engine\n")
                .file("postmortems/2024-03-06-Ärger mit Straße.md", "# Ärger 🚧 \"quoted\" <b>title</b>\n")
                .load();
        assertThat(l.site().postmortems()).extracting(Postmortem::slug)
                .contains("2024-03-06-数据库故障", "2024-03-06-arger-mit-strasse")
                .doesNotHaveDuplicates().hasSize(5)
                .allSatisfy(s -> assertThat(s).matches("[\\p{L}\\p{N}-]+"));
        assertThat(l.problems()).noneMatch(Problem::isError);
        assertThat(l.site().postmortem("2024-03-06-数据库故障").orElseThrow().title()).isEqualTo("数据库故障 🔥");
        assertThat(l.site().postmortem("2024-03-06-arger-mit-strasse").orElseThrow().title())
                .isEqualTo("Ärger 🚧 \"quoted\" title");
        restLoads(l);
    }

    @Test
    void veryLongTitlesAndNamesAreKeptWhileSlugsAreCut() {
        String name = "2024-03-07-" + "very-long-name-".repeat(14) + "end";
        String title = "Very long title ".repeat(200).strip();
        TempContent.Loaded l = content().file("postmortems/" + name + ".md", "# " + title + "\n").load();
        Postmortem p = l.site().postmortems().stream().filter(x -> !x.slug().equals("2024-01-01-good")).findFirst().orElseThrow();
        assertThat(p.title()).isEqualTo(title);
        assertThat(p.slug()).startsWith("2024-03-07-very-long-name").hasSizeLessThanOrEqualTo(Slugs.MAX_LENGTH);
        restLoads(l);
    }

    @Test
    void aLinkToAMissingImageIsKeptForTheRendererToReport() {
        // The loader keeps the image; the checks (which a build runs) report "image not found" at its line (HostileSiteIT).
        String path = "postmortems/2024-03-08-img.md";
        TempContent.Loaded l = content().file(path, "# Img\n\n![graph](missing.png)\n").load();
        assertThat(l.site().postmortem("2024-03-08-img").orElseThrow().bodyHtml()).contains("src=\"missing.png\"");
        restLoads(l);
    }

    // Timelines

    @Test
    void timestampsInSeveralFormatsAndZonesAreReadAndAmbiguousOnesReported() {
        String path = "postmortems/2024-03-11-zones.md";
        TempContent.Loaded l = content().file(path, """
                ---
                title: Zones
                ---
                ## Timeline

                - 2024-03-11T09:02:00Z deploy starts
                - 2024-03-11 10:17 +01:00 alert fires
                - 9:45 AM rollback starts
                - 11:00 PST vendor call
                - 10:00 CST partner call
                - 09:00 an entry earlier than the one before, without a date
                """).load();
        Postmortem p = l.site().postmortem("2024-03-11-zones").orElseThrow();
        assertThat(p.timeline()).extracting(e -> e.at().map(Instant::toString).orElse("?"))
                .containsExactly("2024-03-11T09:02:00Z", "2024-03-11T09:17:00Z", "2024-03-11T09:45:00Z",
                        "2024-03-11T19:00:00Z", "?", "?");
        reported(l, path, 10, "info", "'CST'");
        reported(l, path, 11, "info", "may be the next day");
    }

    @Test
    void aDatelessTimeJustAfterMidnightIsTheNextDayAndALongStepBackIsNot() {
        String path = "postmortems/2022-06-04-failover.md";
        TempContent.Loaded l = content().file(path, """
                ---
                title: Failover loop
                date: 2022-06-04
                ---
                ## Timeline

                All times UTC.

                - 23:50 Sentinel starts a failover
                - 00:05 Failover loop detected by an alert
                - 00:40 Mitigated: sentinel stopped
                - 01:10 Resolved
                - 16:00 Review call
                - 09:00 Out of order, or the next day
                """).load();
        Postmortem p = l.site().postmortem("2022-06-04-failover").orElseThrow();
        assertThat(p.timeline()).extracting(e -> e.at().map(Instant::toString).orElse("?"))
                .containsExactly("2022-06-04T23:50:00Z", "2022-06-05T00:05:00Z", "2022-06-05T00:40:00Z",
                        "2022-06-05T01:10:00Z", "2022-06-05T16:00:00Z", "?");
        assertThat(p.timeline().get(4).text()).contains("Review call");
        reported(l, path, 10, "info", "read as the next day, 2022-06-05");
        reported(l, path, 14, "info", "may be the next day");
        assertThat(p.times().resolved().map(Instant::toString)).contains("2022-06-05T01:10:00Z");
        assertThat(p.times().detected().map(Instant::toString)).contains("2022-06-05T00:05:00Z");
    }

    @Test
    void anEventListWithoutDatesIsKeptAndReported() {
        String path = "postmortems/2024-03-12-undated.md";
        TempContent.Loaded l = content().file(path, "# Undated\n\n## Timeline\n\n- The deploy went out.\n"
                + "- Errors rose.\n- We rolled back.\n").load();
        reported(l, path, 5, "info", "3 entries without a date or time");
        Postmortem p = l.site().postmortem("2024-03-12-undated").orElseThrow();
        assertThat(p.bodyHtml()).contains("We rolled back.");
        assertThat(p.times().started()).isEmpty();
    }

    // Accounting

    @Test
    void everyFileIsAccountedForExactlyOnce() throws IOException {
        TempContent.Loaded l = content()
                .file("postmortems/2024-05-01-bundle/index.md", "# Bundle\n\n![chart](chart.svg)\n")
                .file("postmortems/2024-05-01-bundle/chart.svg", "<svg/>")
                .file("postmortems/broken.md", "---\ntitle: [x\n---\n# Broken\n")
                .bytes("postmortems/2024-05-02-binary.md", new byte[] {0, 1, 2})
                .file("postmortems/template.md", "# Incident title\n")
                .file("README.md", "# Repo\n")
                .file("notes.txt", "just text")
                .file(".hidden/config", "x")
                .load();
        long onDisk;
        try (Stream<Path> walk = Files.walk(dir)) {
            onDisk = walk.filter(Files::isRegularFile).filter(p -> !dir.relativize(p).toString().startsWith(".hidden")).count();
        }
        assertThat(l.site().files()).extracting(SourceFile::path).doesNotHaveDuplicates();
        assertThat(l.site().files()).filteredOn(f -> !f.path().endsWith("/")).hasSize((int) onDisk);
        assertThat(l.file(".hidden/")).satisfies(f -> assertThat(f.reason()).isEqualTo("hidden folder: not read"));
        assertThat(l.site().files()).filteredOn(f -> f.outcome() == SourceFile.Outcome.SKIPPED
                || f.outcome() == SourceFile.Outcome.FAILED).allSatisfy(f -> assertThat(f.reason()).isNotBlank());
    }
}
