package dev.hindsight.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * bin/hindsight starts the jar with the JVM options that suit the command. The script runs for real, with a JAVA_HOME
 * whose java is a stub that prints the arguments it was given, one per line, and answers -version as a JDK would.
 */
class LauncherScriptTest {
    private static final Path SCRIPT = Path.of("bin/hindsight").toAbsolutePath();

    /** What one start of the launcher printed and returned. */
    private record Run(int exit, List<String> args, String err) {
    }

    private static Run run(Path dir, int jdk, Map<String, String> env, String... args) throws Exception {
        Path java = dir.resolve("jdk/bin/java");
        if (!Files.exists(java)) {
            Files.createDirectories(java.getParent());
            Files.writeString(java, "#!/bin/sh\n"
                    + "if [ \"$1\" = -version ]; then echo \"openjdk version \\\"" + jdk + ".0.1\\\" 2026-01-20\" >&2; exit 0; fi\n"
                    + "for a in \"$@\"; do printf '%s\\n' \"$a\"; done\n");
            assertThat(java.toFile().setExecutable(true)).isTrue();
        }
        List<String> command = new ArrayList<>(List.of("sh", SCRIPT.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
        pb.environment().remove("HINDSIGHT_JAVA_OPTS");
        pb.environment().put("JAVA_HOME", dir.resolve("jdk").toString());
        pb.environment().put("HINDSIGHT_JAR", dir.resolve("target/hindsight.jar").toString());
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Run(p.waitFor(), out.lines().toList(), err);
    }

    private static Path jar(Path dir) throws IOException {
        Path jar = dir.resolve("target/hindsight.jar");
        Files.createDirectories(jar.getParent());
        Files.writeString(jar, "not really a jar");
        return jar;
    }

    @Test
    void aBuildRunsWithC1AloneAndTheSerialCollectorAndKeepsItsArguments(@TempDir Path dir) throws Exception {
        Path jar = jar(dir);
        Run r = run(dir, 17, Map.of(), "build", "-d", "a folder with spaces", "--today", "2026-12-05");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.args()).containsExactly("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", jar.toString(),
                "build", "-d", "a folder with spaces", "--today", "2026-12-05");
        assertThat(run(dir, 17, Map.of(), "check", "--format", "github").args()).startsWith("-XX:TieredStopAtLevel=1");
    }

    @Test
    void serveKeepsTheJvmDefaultsForItsManyRebuilds(@TempDir Path dir) throws Exception {
        Path jar = jar(dir);
        Run r = run(dir, 17, Map.of(), "serve", "-p", "1414");
        assertThat(r.args()).containsExactly("-jar", jar.toString(), "serve", "-p", "1414");
    }

    @Test
    void theUsersOwnOptionsComeAfterOursSoTheyWin(@TempDir Path dir) throws Exception {
        Path jar = jar(dir);
        Run r = run(dir, 17, Map.of("HINDSIGHT_JAVA_OPTS", "-Xmx1g -XX:TieredStopAtLevel=4"), "build");
        assertThat(r.args()).containsExactly("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx1g",
                "-XX:TieredStopAtLevel=4", "-jar", jar.toString(), "build");
    }

    @Test
    void theAotCacheBesideTheJarIsUsedOnlyByJdk25OrNewer(@TempDir Path dir) throws Exception {
        Path jar = jar(dir);
        Path aot = dir.resolve("target/hindsight.aot");
        assertThat(run(dir, 25, Map.of(), "build").args()).as("no AOT cache packaged").noneMatch(a -> a.contains("AOT"));
        Files.writeString(aot, "an AOT cache");
        Files.setLastModifiedTime(jar, FileTime.from(Instant.parse("2026-12-01T10:00:00Z")));
        Files.setLastModifiedTime(aot, FileTime.from(Instant.parse("2026-12-01T10:00:09Z")));
        assertThat(run(dir, 25, Map.of(), "build").args())
                .containsExactly("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-XX:AOTCache=" + aot, "-jar",
                        jar.toString(), "build");
        assertThat(run(dir.resolve("other"), 17, Map.of("JAVA_HOME", dir.resolve("other/jdk").toString(),
                "HINDSIGHT_JAR", jar.toString()), "build").args())
                .as("Java 17 refuses the option").noneMatch(a -> a.contains("AOT"));
        // A JDK's release file answers without starting a JVM, and before java -version.
        Files.writeString(dir.resolve("other/jdk/release"), "IMPLEMENTOR=\"Eclipse Adoptium\"\nJAVA_VERSION=\"25.0.3\"\n");
        assertThat(run(dir.resolve("other"), 17, Map.of("JAVA_HOME", dir.resolve("other/jdk").toString(),
                "HINDSIGHT_JAR", jar.toString()), "build").args()).contains("-XX:AOTCache=" + aot);
        Files.writeString(dir.resolve("other/jdk/release"), "JAVA_VERSION=\"17.0.15\"\n");
        assertThat(run(dir.resolve("other"), 25, Map.of("JAVA_HOME", dir.resolve("other/jdk").toString(),
                "HINDSIGHT_JAR", jar.toString()), "build").args()).noneMatch(a -> a.contains("AOT"));
    }

    @Test
    void aClassDataArchiveNewerThanTheJarIsUsedQuietlyAndAStaleOneIsNot(@TempDir Path dir) throws Exception {
        Path jar = jar(dir);
        Path jsa = dir.resolve("target/hindsight.jsa");
        Files.writeString(jsa, "a class-data archive");
        Files.setLastModifiedTime(jar, FileTime.from(Instant.parse("2026-12-01T10:00:00Z")));
        Files.setLastModifiedTime(jsa, FileTime.from(Instant.parse("2026-12-01T10:00:09Z")));
        assertThat(run(dir, 17, Map.of(), "serve").args()).as("made after the jar, by its packaging")
                .containsExactly("-XX:SharedArchiveFile=" + jsa, "-Xlog:cds=off,cds+dynamic=off", "-jar",
                        jar.toString(), "serve");
        Files.setLastModifiedTime(jar, FileTime.from(Instant.parse("2026-12-01T11:00:00Z")));
        assertThat(run(dir, 17, Map.of(), "serve").args()).as("the jar was packaged again without it")
                .containsExactly("-jar", jar.toString(), "serve");
    }

    @Test
    void pathsWithSpacesStayWholeAndTheUsersOptionsAreNotGlobbed(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("My Projects/knowledge base");
        Path jar = jar(dir);
        Path jsa = dir.resolve("target/hindsight.jsa");
        Files.writeString(jsa, "a class-data archive");
        Files.setLastModifiedTime(jar, FileTime.from(Instant.parse("2026-12-01T10:00:00Z")));
        Files.setLastModifiedTime(jsa, FileTime.from(Instant.parse("2026-12-01T10:00:09Z")));
        Files.writeString(dir.resolve("-Dglob=found"), "a file a glob in the working folder would find");
        Run r = run(dir, 17, Map.of("HINDSIGHT_JAVA_OPTS", "-Dglob=* -Xss4m"), "build", "-d", "public site");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.args()).containsExactly("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-XX:SharedArchiveFile=" + jsa, "-Xlog:cds=off,cds+dynamic=off", "-Dglob=*", "-Xss4m", "-jar",
                jar.toString(), "build", "-d", "public site");
    }

    @Test
    void aMissingJarIsAnErrorThatSaysHowToMakeIt(@TempDir Path dir) throws Exception {
        Run r = run(dir, 17, Map.of(), "build");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.args()).isEmpty();
        assertThat(r.err()).contains(dir.resolve("target/hindsight.jar").toString()).contains("mvn -B -q package");
    }
}
