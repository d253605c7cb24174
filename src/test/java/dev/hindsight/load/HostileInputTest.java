package dev.hindsight.load;

import dev.hindsight.model.Postmortem;
import dev.hindsight.model.Problem;
import dev.hindsight.model.SourceFile;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Broken and hostile files: each gives a clear problem and the rest of the folder still loads. */
class HostileInputTest {
    @TempDir
    Path dir;

    private TempContent content() {
        return new TempContent(dir).file("postmortems/2024-01-01-good.md", "---\ntitle: Good\n---\nFine.\n");
    }

    @Test
    void aByteOrderMarkAndWindowsOrOldMacLineEndsAreRead() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] crlf = "---\r\ntitle: CRLF\r\n---\r\n\r\n## Summary\r\n\r\nLine one.\r\n".getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[bom.length + crlf.length];
        System.arraycopy(bom, 0, withBom, 0, bom.length);
        System.arraycopy(crlf, 0, withBom, bom.length, crlf.length);
        TempContent.Loaded l = content()
                .bytes("postmortems/2024-02-01-bom-crlf.md", withBom)
                .bytes("postmortems/2024-02-02-cr.md", "# Old Mac\r\r## Summary\r\rOne line.\r".getBytes(StandardCharsets.UTF_8))
                .load();
        Postmortem crlfOne = l.site().postmortem("2024-02-01-bom-crlf").orElseThrow();
        assertThat(crlfOne.title()).isEqualTo("CRLF");
        assertThat(crlfOne.summary()).contains("Line one.");
        assertThat(crlfOne.sections()).first().satisfies(s -> assertThat(s.line()).isEqualTo(5));
        Postmortem cr = l.site().postmortem("2024-02-02-cr").orElseThrow();
        assertThat(cr.title()).isEqualTo("Old Mac");
        assertThat(cr.bodyHtml()).doesNotContain("\r");
        assertThat(l.problems()).isEmpty();
    }

    @Test
    void invalidUtf8BinaryAndEmptyFilesFailWithReasons() {
        TempContent.Loaded l = content()
                .bytes("postmortems/2024-02-03-latin1.md", "# Title\n\nCaf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1))
                .bytes("postmortems/2024-02-04-binary.md", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13})
                .file("postmortems/2024-02-05-empty.md", "")
                .file("postmortems/2024-02-06-blank.md", " \n\n\t\n")
                .load();
        assertThat(l.file("postmortems/2024-02-03-latin1.md")).satisfies(f -> {
            assertThat(f.outcome()).isEqualTo(SourceFile.Outcome.FAILED);
            assertThat(f.reason()).contains("not valid UTF-8");
        });
        assertThat(l.problems("postmortems/2024-02-03-latin1.md")).singleElement().satisfies(p -> assertThat(p).contains(":3:"));
        assertThat(l.file("postmortems/2024-02-04-binary.md").reason()).contains("binary");
        assertThat(l.file("postmortems/2024-02-05-empty.md").reason()).startsWith("empty file");
        assertThat(l.file("postmortems/2024-02-06-blank.md").outcome()).isEqualTo(SourceFile.Outcome.FAILED);
        assertThat(l.site().postmortems()).extracting(Postmortem::slug).containsExactly("2024-01-01-good");
    }

    @Test
    void aFileWithOnlyFrontMatterRenders() {
        TempContent.Loaded l = content().file("postmortems/2024-02-07-only-fm.md", "---\ntitle: Only front matter\n---\n").load();
        Postmortem p = l.site().postmortem("2024-02-07-only-fm").orElseThrow();
        assertThat(p.bodyHtml()).isEmpty();
        assertThat(l.problems("postmortems/2024-02-07-only-fm.md")).singleElement().satisfies(s -> assertThat(s).contains("info"));
    }

    @Test
    void aTwentyMegabyteFileIsRefusedByTheSizeLimit() throws IOException {
        Path big = dir.resolve("postmortems/2024-02-08-huge.md");
        Files.createDirectories(big.getParent());
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(20L * 1024 * 1024);
        }
        TempContent.Loaded l = content().load();
        assertThat(l.file("postmortems/2024-02-08-huge.md")).satisfies(f -> {
            assertThat(f.outcome()).isEqualTo(SourceFile.Outcome.FAILED);
            assertThat(f.reason()).contains("limit").contains("5 MiB");
        });
        assertThat(l.site().postmortems()).hasSize(1);
    }

    @Test
    void deepNestingDoesNotOverflowTheStack() {
        String quotes = ">".repeat(10_000) + " deep\n";
        StringBuilder lists = new StringBuilder();
        for (int i = 0; i < 2_000; i++) {
            lists.append("  ".repeat(i)).append("- level ").append(i).append('\n');
        }
        String inline = "- ".repeat(10_000) + "x\n";
        String emphasis = "*".repeat(5_000) + "x" + "*".repeat(5_000) + "\n";
        TempContent.Loaded l = content()
                .file("postmortems/2024-02-09-quotes.md", "# Quotes\n\n" + quotes)
                .file("postmortems/2024-02-10-lists.md", "# Lists\n\n" + lists)
                .file("postmortems/2024-02-11-inline.md", "# Inline\n\n" + inline)
                .file("postmortems/2024-02-12-emphasis.md", "# Emphasis\n\n" + emphasis)
                .load();
        for (String slug : new String[] {"2024-02-09-quotes", "2024-02-10-lists", "2024-02-11-inline"}) {
            Postmortem p = l.site().postmortem(slug).orElseThrow();
            assertThat(p.bodyHtml()).startsWith("<pre class=\"plain\">").doesNotContain("<blockquote");
            assertThat(l.problems(p.source(), Problem.Level.WARNING)).singleElement()
                    .satisfies(pr -> assertThat(pr.rule()).isEqualTo("markdown-depth"));
        }
        assertThat(l.site().postmortem("2024-02-12-emphasis")).isPresent();
    }

    @Test
    void twoFilesWantingTheSameSlugAreAnErrorNamingBoth() {
        TempContent.Loaded l = content()
                .file("postmortems/2024-03-01-Café.md", "# One\n")
                .file("postmortems/2024-03-01-cafe.md", "# Two\n")
                .load();
        assertThat(l.site().postmortems()).extracting(Postmortem::slug).containsOnlyOnce("2024-03-01-cafe");
        SourceFile loser = l.file("postmortems/2024-03-01-cafe.md");
        assertThat(loser.outcome()).isEqualTo(SourceFile.Outcome.FAILED);
        assertThat(l.problems(loser.path(), Problem.Level.ERROR)).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("postmortems/2024-03-01-Café.md").contains("2024-03-01-cafe"));
    }

    @Test
    void unicodeEmojiAndLongTitlesKeepReadableUniqueSlugs() {
        String longName = "2024-03-02-" + "very-long-title-".repeat(12) + "end";
        TempContent.Loaded l = content()
                .file("postmortems/2024-03-02-数据库故障.md", "# 数据库故障 🔥\n")
                .file("postmortems/2024-03-02-🔥🔥.md", "# Fire\n")
                .file("postmortems/" + longName + ".md", "# " + "Very long title ".repeat(50) + "\n")
                .load();
        assertThat(l.site().postmortems()).extracting(Postmortem::slug)
                .contains("2024-03-02-数据库故障", "2024-03-02")
                .allSatisfy(s -> assertThat(s.length()).isLessThanOrEqualTo(Slugs.MAX_LENGTH))
                .doesNotHaveDuplicates();
        assertThat(l.site().postmortem("2024-03-02-数据库故障").orElseThrow().title()).isEqualTo("数据库故障 🔥");
    }

    @Test
    void aSymlinkOutOfTheContentFolderIsNotFollowed() throws IOException {
        Path outside = Files.writeString(dir.resolveSibling(dir.getFileName() + "-secret.md"), "# Secret\n\nTop secret.\n");
        TempContent c = content();
        Files.createSymbolicLink(dir.resolve("postmortems/2024-04-01-link.md"), outside);
        Files.createSymbolicLink(dir.resolve("postmortems/2024-04-02-inside.md"), dir.resolve("postmortems/2024-01-01-good.md"));
        TempContent.Loaded l = c.load();
        assertThat(l.file("postmortems/2024-04-01-link.md")).satisfies(f -> {
            assertThat(f.outcome()).isEqualTo(SourceFile.Outcome.SKIPPED);
            assertThat(f.reason()).contains("outside the content folder");
        });
        assertThat(l.problems("postmortems/2024-04-01-link.md", Problem.Level.WARNING)).hasSize(1);
        assertThat(l.site().postmortems()).extracting(Postmortem::bodyText).noneMatch(t -> t.contains("Top secret"));
        assertThat(l.site().postmortem("2024-04-02-inside")).isPresent();
        Files.delete(outside);
    }

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
