package dev.hindsight.model;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemTest {
    @Test
    void aProblemWithoutALineIsPrintedWithoutOne() {
        Problem folder = Problem.warning("postmortems/linked", 0, "symlink", "symbolic link to a folder: not followed");
        assertThat(folder.where()).isEqualTo("postmortems/linked");
        assertThat(folder.format()).isEqualTo("postmortems/linked: warning: symbolic link to a folder: not followed [symlink]")
                .doesNotContain(":0");
    }

    @Test
    void aLineAndAKnownColumnArePrinted() {
        assertThat(Problem.error("a.md", 7, "r", "m").where()).isEqualTo("a.md:7");
        assertThat(new Problem("a.md", 7, 12, Problem.Level.INFO, "m", "r").where()).isEqualTo("a.md:7:12");
        assertThat(new Problem("a.md", 0, 12, Problem.Level.INFO, "m", "r").where()).as("a column needs a line")
                .isEqualTo("a.md");
    }

    @Test
    void theSiteAsAWholeIsNamedSite() {
        assertThat(Problem.info("", 0, "config-default", "no site.yml").format()).startsWith("site: info: no site.yml");
    }
}
