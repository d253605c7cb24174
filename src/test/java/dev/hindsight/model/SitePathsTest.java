package dev.hindsight.model;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SitePathsTest {
    @Test
    void resolvesDotsAndDropsEmptySegments() {
        assertThat(SitePaths.normalize("2023/./../img//a.png")).contains("img/a.png");
        assertThat(SitePaths.normalize("/incidents/x/")).contains("incidents/x");
        assertThat(SitePaths.normalize("")).contains("");
    }

    @Test
    void refusesAPathThatClimbsAboveTheRoot() {
        assertThat(SitePaths.normalize("../etc/passwd")).isEmpty();
        assertThat(SitePaths.normalize("a/../../b")).isEmpty();
    }
}
