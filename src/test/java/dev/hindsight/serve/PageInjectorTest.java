package dev.hindsight.serve;

import dev.hindsight.model.Problem;
import dev.hindsight.publish.SiteFiles;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class PageInjectorTest {
    private static final String PAGE = "<!doctype html><html><HEAD><title>x</title></HEAD><body class=\"a\"><p>hi</p></body></html>";
    private static final Problem ERROR = new Problem("postmortems/a.md", 3, 7, Problem.Level.ERROR,
            "unknown cause `<script>alert(1)</script>`", "unknown-cause");
    private static final Problem WARNING = new Problem("postmortems/a.md", 9, 0, Problem.Level.WARNING, "w", "missing-section");

    @Test
    void addsTheReloadScriptAsAnExternalFileBeforeTheHeadEnds() {
        BuildState good = new BuildState(4, Optional.of(SiteFiles.of(java.util.Map.of())), false, List.of(WARNING), Duration.ZERO, java.util.Map.of(), 0, 0);
        String out = PageInjector.inject(PAGE, good);
        assertThat(out).contains("<script src=\"/__hindsight/reload.js\" data-build=\"4\" defer></script></HEAD>")
                .doesNotContain("hindsight-problems").doesNotContain("<script>");
    }

    @Test
    void aFailedBuildAddsAnEscapedBannerAtTheTopOfTheBody() {
        BuildState failed = new BuildState(5, Optional.of(SiteFiles.of(java.util.Map.of())), true, List.of(ERROR, WARNING), Duration.ZERO, java.util.Map.of(), 0, 0);
        String out = PageInjector.inject(PAGE, failed);
        assertThat(out).contains("<body class=\"a\"><div id=\"hindsight-problems\" role=\"alert\"><h2>1 error in the latest build")
                .contains("postmortems/a.md:3:7").contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .doesNotContain("<script>alert").contains("last good build").contains("<p>hi</p>");
    }

    @Test
    void withoutAGoodBuildAWholePageExplains() {
        assertThat(PageInjector.standalone(BuildState.STARTING)).contains("Building the site").contains("data-build=\"0\"");
        BuildState failed = new BuildState(1, Optional.empty(), true, List.of(ERROR), Duration.ZERO, java.util.Map.of(), 0, 0);
        assertThat(PageInjector.standalone(failed)).contains("Build failed").contains("postmortems/a.md:3:7")
                .doesNotContain("last good build");
    }
}
