package dev.hindsight.report;

import dev.hindsight.analyze.Timing;
import dev.hindsight.BuildOptions;
import dev.hindsight.BuildReport;
import dev.hindsight.Pipeline;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.json.Json;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Builds the report for the DFDS public postmortems, which have no front matter but state "Time to detection" and
 * "Time to recovery" and a "Category:" line: the report must read both.
 */
class DfdsReportIT {
    @TempDir
    Path tmp;

    @Test
    void theDfdsCorpusGivesStatedDurationsAndCategoryRecurrences() throws Exception {
        Path project = Path.of(System.getProperty("hindsight.project.dir", ".")).toAbsolutePath();
        Path corpus = project.resolve("../shared/corpus/dfds-postmortems").normalize();
        assumeTrue(Files.isDirectory(corpus), "../shared/corpus/dfds-postmortems is absent (it is not part of a fresh clone)");
        Path site = tmp.resolve("public");
        BuildReport r = new Pipeline(s -> { }).build(BuildOptions.defaults(project, LocalDate.of(2026, 1, 1)).withContent(corpus)
                .withDestination(site).withCache(tmp.resolve("cache")));
        assertThat(r.published()).isTrue();
        List<Map<String, Object>> durations = rows(site.resolve("reports/all/incident-durations.json.gz"));
        assertThat(durations).hasSize(r.incidents());
        assertThat(durations).filteredOn(m -> Timing.STATED.equals(m.get("ttrSource"))).hasSizeGreaterThan(20);
        // "Time to recovery: 4 hours 42 minutes" and "Time to detection: 11 Days" are read, "?" and "N/A" are not.
        assertThat(durations).anySatisfy(m -> assertThat(m.get("ttdMinutes")).isEqualTo(15840L));
        List<Map<String, Object>> chains = rows(site.resolve("reports/all/recurring-causes.json.gz"));
        // "kubernetes" is on more than a third of dfds's incidents: too broad to chain them. Narrower categories do.
        assertThat(chains).noneMatch(m -> "kubernetes".equals(m.get("category")));
        assertThat(chains).anySatisfy(m -> {
            assertThat(m.get("category")).isEqualTo("observability");
            assertThat((List<?>) m.get("chain")).hasSize(5);
        });
        assertThat(Files.exists(site.resolve("reports/2021/index.html"))).isTrue();
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> rows(Path file) throws Exception {
        Map<String, Object> doc = new Json().toType(ReportIT.gunzipped(file), Json.MAP_TYPE);
        return (List<Map<String, Object>>) ((Map<String, Object>) doc.get("table")).get("rows");
    }
}
