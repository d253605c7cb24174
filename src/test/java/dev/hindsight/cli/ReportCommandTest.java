package dev.hindsight.cli;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.json.Json;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ReportCommandTest {
    @TempDir
    Path tmp;

    private record Run(int code, String out, String err) {
    }

    private Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String project = Path.of(System.getProperty("hindsight.project.dir", ".")).toAbsolutePath().toString();
        List<String> all = new java.util.ArrayList<>(List.of("report", "--source", project, "--content",
                project + "/src/test/resources/sites/report", "--today", "2026-01-15", "--cache-dir", tmp.resolve("cache").toString()));
        all.addAll(List.of(args));
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), all.toArray(String[]::new));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void writesMarkdownForAYearToStandardOutput() {
        Run r = run("--year", "2025", "--format", "md");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("# Meta-review 2025 \u2014 Report Fixture").contains("## 9. Postmortem debt");
    }

    @Test
    void writesJsonToAFile() throws Exception {
        Path file = tmp.resolve("out/report.json");
        Run r = run("--year", "all", "--format", "json", "-o", file.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).isEmpty();
        Map<String, Object> doc = new Json().toType(Files.readString(file), Json.MAP_TYPE);
        assertThat(doc.get("scope")).isEqualTo("all");
        assertThat((List<?>) doc.get("sections")).hasSize(9);
    }

    @Test
    void writesAStandalonePage() {
        Run r = run("--year", "2024", "--format", "html");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(Jsoup.parse(r.out()).select("h1").text()).isEqualTo("Meta-review 2024");
    }

    @Test
    void defaultsToTheLatestYearWithIncidents() {
        assertThat(run().out()).startsWith("# Meta-review 2026");
    }

    @Test
    void rejectsAnUnknownFormatOrAYearWithoutIncidents() {
        assertThat(run("--format", "pdf").code()).isEqualTo(Main.USAGE);
        Run r = run("--year", "2019");
        assertThat(r.code()).isEqualTo(Main.USAGE);
        assertThat(r.err()).contains("no incidents in 2019").contains("2024\u20132026");
        assertThat(run("--year", "last").code()).isEqualTo(Main.USAGE);
        Run zero = run("--year", "0000");
        assertThat(zero.code()).isEqualTo(Main.USAGE);
        assertThat(zero.err()).contains("four-digit year").doesNotContain("internal error");
    }
}
