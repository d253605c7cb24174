package dev.hindsight;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class BuildStampTest {
    @TempDir
    Path project;

    @Test
    void theSwitchesAreNotPartOfItButTheThemeIs() throws java.io.IOException {
        BuildOptions base = BuildOptions.defaults(project, LocalDate.of(2025, 6, 1));
        String stamp = BuildStamp.of(base);
        assertThat(BuildStamp.of(BuildOptions.defaults(project, LocalDate.of(2026, 1, 2)).withBaseUrl("https://x.example/")
                .withDrafts(true).withBodies(true)))
                .as("the day, base URL, drafts and bodies switches are keyed where they matter, not here").isEqualTo(stamp);
        java.nio.file.Files.createDirectories(project.resolve("themes/default"));
        java.nio.file.Files.writeString(project.resolve("themes/default/layout.ftlh"), "<html>${site.title}</html>");
        assertThat(BuildStamp.of(base)).as("a theme file").isNotEqualTo(stamp);
    }

    @Test
    void aJarIsKnownByEveryEntrysBytesButNotByWhenItWasPacked(@TempDir Path dir) throws java.io.IOException {
        Path a = jar(dir.resolve("a.jar"), "one", 1_000_000L);
        Path same = jar(dir.resolve("same.jar"), "one", 2_000_000L);
        Path edited = jar(dir.resolve("edited.jar"), "ona", 1_000_000L);
        assertThat(BuildStamp.code(same)).as("packed again, later").isEqualTo(BuildStamp.code(a));
        assertThat(BuildStamp.code(edited)).as("one byte of one class, the same size").isNotEqualTo(BuildStamp.code(a));
        Path notAJar = dir.resolve("classes.bin");
        java.nio.file.Files.writeString(notAJar, "not a zip");
        String before = BuildStamp.code(notAJar);
        assertThat(before).hasSize(2 * dev.hindsight.model.KeyHash.BYTES).isNotEqualTo(BuildStamp.code(a));
        java.nio.file.Files.writeString(notAJar, "not a zap");
        assertThat(BuildStamp.code(notAJar)).as("any other file by its bytes").isNotEqualTo(before);
    }

    /** Writes a jar of two entries, the second holding some text, with every entry stamped at one time. */
    private static Path jar(Path file, String text, long time) throws java.io.IOException {
        try (java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(java.nio.file.Files.newOutputStream(file))) {
            for (String[] e : new String[][] {{"META-INF/MANIFEST.MF", "Manifest-Version: 1.0\n"}, {"dev/A.class", text}}) {
                java.util.zip.ZipEntry entry = new java.util.zip.ZipEntry(e[0]);
                entry.setTime(time);
                out.putNextEntry(entry);
                out.write(e[1].getBytes(java.nio.charset.StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return file;
    }
}
