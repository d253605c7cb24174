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
    void theDraftsAndBodiesSwitchesEachGiveAnotherStamp() {
        BuildOptions base = BuildOptions.defaults(project, LocalDate.of(2025, 6, 1));
        String stamp = BuildStamp.of(base);
        assertThat(BuildStamp.of(BuildOptions.defaults(project, LocalDate.of(2026, 1, 2)).withBaseUrl("https://x.example/")))
                .as("the day and base URL are not part of it").isEqualTo(stamp);
        String drafts = BuildStamp.of(base.withDrafts(true));
        String bodies = BuildStamp.of(base.withBodies(true));
        assertThat(drafts).isNotEqualTo(stamp);
        assertThat(bodies).isNotEqualTo(stamp).isNotEqualTo(drafts);
        assertThat(BuildStamp.of(base.withDrafts(true).withBodies(true))).isNotIn(stamp, drafts, bodies);
    }
}
