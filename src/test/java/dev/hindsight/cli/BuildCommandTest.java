package dev.hindsight.cli;

import dev.hindsight.BuildOptions;
import dev.hindsight.BuildReport;
import dev.hindsight.model.Coverage;
import dev.hindsight.model.Problem;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class BuildCommandTest {
    @Test
    void groupedWarningsNameTheirPlacesAsSingleProblemsDo() {
        List<Problem> problems = new ArrayList<>();
        problems.add(Problem.warning("postmortems/linked-folder", 0, "symlink", "symbolic link: not followed"));
        problems.add(Problem.warning("postmortems/2024-04-05-link.md", 1, "symlink", "symbolic link: not followed"));
        for (int i = 0; i < BuildCommand.GROUP_WARNINGS; i++) {
            problems.add(new Problem("postmortems/x" + i + ".md", i + 2, 5, Problem.Level.WARNING, "broken", "broken-link"));
        }
        BuildReport report = new BuildReport(problems, List.of(), Map.of(), java.time.Duration.ZERO, 0, 0, 0, 0, 0, 0, true,
                Coverage.of(List.of()));
        StringWriter err = new StringWriter();
        BuildCommand.printReport(report, BuildOptions.defaults(Path.of("project"), LocalDate.of(2026, 1, 15)),
                new PrintWriter(new StringWriter()), new PrintWriter(err));
        assertThat(err.toString())
                .contains("warning [symlink] 2 times: postmortems/linked-folder, postmortems/2024-04-05-link.md:1")
                .contains("warning [broken-link] 20 times: postmortems/x0.md:2:5, postmortems/x1.md:3:5, ")
                .doesNotContain(":0");
    }
}
