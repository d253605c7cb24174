package dev.hindsight.load;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A file whose name is not ASCII, built by a JVM started under {@code LC_ALL=C} (a common CI setting): Java then
 * decodes file names as ASCII, so the name cannot name the file again. The build reports the file, and how to run
 * it, instead of crashing; under a UTF-8 locale the same folder builds. Each run is a JVM of its own, since the
 * charset of file names is fixed when a JVM starts.
 */
class FileNameLocaleIT {
    private static final String POSTMORTEM = """
            ---
            title: %s
            date: 2024-03-06
            ---

            ## Summary

            The database stopped accepting writes.
            """;

    @TempDir
    Path dir;

    @Test
    void aNameTheLocaleCannotReadIsReportedAndAUtf8LocaleBuildsIt() throws Exception {
        Path content = Files.createDirectories(dir.resolve("content"));
        Files.writeString(content.resolve("2024-03-06-数据库故障.md"), POSTMORTEM.formatted("Database outage"));
        Files.writeString(content.resolve("2024-03-07-plain.md"), POSTMORTEM.formatted("Plain name"));

        Run c = build("C", "public-c");

        assertThat(c.exit()).as("errors: %s", c.err()).isEqualTo(2);
        assertThat(c.err()).contains("2024-03-06-").contains("the file name cannot be read")
                .contains("LC_ALL=C.UTF-8").doesNotContain("internal error").doesNotContain("Exception");
        assertThat(dir.resolve("public-c")).as("a failed build publishes nothing").doesNotExist();

        Run utf8 = build("C.UTF-8", "public-utf8");

        assertThat(utf8.exit()).as("%s", utf8.err()).isZero();
        assertThat(dir.resolve("public-utf8/incidents/2024-03-06-数据库故障/index.html")).exists();
    }

    private record Run(int exit, String err) {
    }

    /** Runs {@code hindsight build} on the folder in a JVM of its own under a locale. */
    private Run build(String locale, String out) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder pb = new ProcessBuilder(List.of(java.toString(), "-cp", System.getProperty("java.class.path"),
                "dev.hindsight.cli.Main", "build", "-s", dir.toString(), "--content", dir.resolve("content").toString(),
                "-d", dir.resolve(out).toString(), "--cache-dir", dir.resolve(out + "-cache").toString(),
                "--today", "2024-06-01"));
        pb.environment().keySet().removeIf(k -> k.startsWith("LC_") || k.equals("LANG") || k.equals("LANGUAGE"));
        pb.environment().put("LC_ALL", locale);
        pb.redirectOutput(dir.resolve(out + ".out").toFile());
        pb.redirectError(dir.resolve(out + ".err").toFile());
        Process p = pb.start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("the build ends").isTrue();
        return new Run(p.exitValue(), Files.readString(dir.resolve(out + ".err"), StandardCharsets.UTF_8));
    }
}
