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
}
