package dev.hindsight.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ImportCommandTest {
    @TempDir
    Path dir;

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void aDryRunReportsEachFileAndTheCoverageAndWritesNothing() throws Exception {
        Path src = Files.createDirectories(dir.resolve("old"));
        Files.writeString(src.resolve("2024-05-01-queue.md"), "# Queue stalled\n\nConsumers stopped.\n");
        Path into = dir.resolve("project/content/postmortems");
        Run r = run("import", src.toString(), "--into", into.toString(), "--dry-run", "--today", "2026-01-01");
        assertThat(r.code()).isEqualTo(Main.OK);
        assertThat(r.out()).contains("would write 2024-05-01-queue.md (inferred: title, date")
                .contains("to fill in: severity, services, teams, causes").contains("found: date 100%");
        assertThat(into).doesNotExist();
        Run real = run("import", src.toString(), "--into", into.toString(), "--today", "2026-01-01");
        assertThat(real.code()).isEqualTo(Main.OK);
        assertThat(real.out()).contains("wrote 1 files, 0 unchanged").contains("next: hindsight check");
        Run check = run("check", "--content", into.toString(), "--today", "2026-01-01");
        assertThat(check.out()).contains("[import-review]").contains("`severity` was left empty by import");
    }

    @Test
    void aSourceInsideTheTargetIsRefusedWithExitTwo() throws Exception {
        Path src = Files.createDirectories(dir.resolve("content/old"));
        Run r = run("import", src.toString(), "--into", dir.resolve("content").toString());
        assertThat(r.code()).isEqualTo(Main.ERRORS);
        assertThat(r.err()).contains("is inside the target");
    }
}
