package dev.hindsight.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class MainTest {

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void aDateOptionThatIsNotADateIsAUsageErrorNamingTheForm() {
        for (String[] args : new String[][] {{"build", "--today", "2026-13-01"}, {"new", "--date", "yesterday", "Disk full"},
                {"check", "--today", "15/01/2026"}}) {
            Run r = run(args);
            assertThat(r.code()).as("%s", String.join(" ", args)).isEqualTo(Main.USAGE);
            assertThat(r.err()).contains("'" + args[2] + "' is not a date: write YYYY-MM-DD")
                    .doesNotContain("Exception").doesNotContain("java.time");
        }
    }

    @Test
    void manyWarningsArePrintedOneLinePerRule(@TempDir Path dir) throws Exception {
        Path content = Files.createDirectories(dir.resolve("content/postmortems"));
        Files.writeString(dir.resolve("content/site.yml"), "title: T\ncauses:\n  - id: capacity\n    label: Capacity\n");
        for (int i = 1; i <= 25; i++) {
            Files.writeString(content.resolve(String.format("2024-01-%02d-outage.md", i)),
                    "---\ntitle: Outage " + i + "\n---\nThe checkout page was slow for a while.\n");
        }
        Run r = run("build", "--source", dir.toString(), "--today", "2024-06-01");
        assertThat(r.code()).isZero();
        // A problem about the whole file (no `causes:` key to point at) is named by its file alone, as check prints it.
        assertThat(r.err()).contains("warning [no-causes] 25 times: postmortems/2024-01-01-outage.md, "
                + "postmortems/2024-01-02-outage.md, postmortems/2024-01-03-outage.md, ...")
                .contains("warning [missing-section] 25 times: postmortems/2024-01-01-outage.md:1, ")
                .contains("`hindsight check` lists every one").doesNotContain("add the contributing-factor categories")
                .doesNotContain(".md:0");
    }

    @Test
    void imagesFromTheContentRootAreCopiedAndMissingOnesWarned(@TempDir Path dir) throws Exception {
        Path content = Files.createDirectories(dir.resolve("content/postmortems"));
        Files.createDirectories(dir.resolve("content/assets"));
        Files.write(dir.resolve("content/assets/graph.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G'});
        Files.writeString(content.resolve("2024-01-01-a.md"), "---\ntitle: A\n---\n## Summary\n\n"
                + "![g](/assets/graph.png) <img src=\"/assets/missing.png\"> ![s](/site.yml)\n");
        Files.writeString(dir.resolve("content/site.yml"), "title: T\n");
        Run r = run("build", "--source", dir.toString(), "--today", "2024-06-01");
        assertThat(r.code()).isZero();
        Path page = dir.resolve("public/incidents/2024-01-01-a");
        assertThat(page.resolve("files/graph.png")).exists();
        assertThat(Files.readString(page.resolve("index.html"))).contains("src=\"files/graph.png\"");
        assertThat(r.err()).contains("image not found: `/assets/missing.png`").contains("image not found: `/site.yml`");
        assertThat(page.resolve("files/site.yml")).doesNotExist();
    }

    @Test
    void unknownCommandIsAUsageErrorNotAStackTrace() {
        Run r = run("bild");
        assertThat(r.code()).isEqualTo(Main.USAGE);
        assertThat(r.err()).contains("bild").doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void missingContentFolderIsReportedClearly(@TempDir Path dir) {
        Run r = run("build", "--source", dir.toString(), "--content", dir.resolve("nope").toString());
        assertThat(r.code()).isEqualTo(Main.USAGE);
        assertThat(r.err()).contains("content folder not found").contains("nope");
        assertThat(Files.exists(dir.resolve("public"))).isFalse();
    }

    @Test
    void helpListsTheBuildCommand() {
        Run r = run("--help");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("build");
    }

    @Test
    void buildPrintsStageTimesAndAccountsForFiles(@TempDir Path dir) throws Exception {
        Path content = Files.createDirectories(dir.resolve("content/postmortems"));
        Files.writeString(content.resolve("2024-03-11-db-pool.md"), """
                ---
                title: Orders DB pool exhausted
                date: 2024-03-11
                severity: SEV2
                ---
                ## Summary
                The pool ran dry.
                """);
        Run r = run("build", "--source", dir.toString(), "--today", "2024-06-01");
        assertThat(r.out()).contains("stages:").contains("load").contains("render").contains("publish");
        assertThat(r.out()).containsPattern("files: \\d+ in content");
        assertThat(r.out()).containsPattern("found: date \\d+%, summary \\d+%, timeline \\d+%, start time \\d+%, action items \\d+%");
        assertThat(r.code()).isZero();
        assertThat(Files.isDirectory(dir.resolve("public"))).isTrue();
    }
}
