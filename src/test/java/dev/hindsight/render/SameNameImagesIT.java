package dev.hindsight.render;

import dev.hindsight.BuildOptions;
import dev.hindsight.BuildReport;
import dev.hindsight.Pipeline;
import dev.hindsight.model.Problem;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Builds a site whose postmortem shows two different images that share a file name, one of them twice, and checks
 * that both show, each from its own file next to the page, and that the build reports nothing about them.
 */
class SameNameImagesIT {
    private static final String PAGE = "incidents/two-graphs/";
    private static final byte[] BEFORE = {(byte) 0x89, 'P', 'N', 'G', 1};
    private static final byte[] AFTER = {(byte) 0x89, 'P', 'N', 'G', 2};
    private static final byte[] UPPER = {(byte) 0x89, 'P', 'N', 'G', 3};

    @TempDir
    static Path tmp;
    static Path site;
    static BuildReport report;

    @BeforeAll
    static void build() throws IOException {
        Path project = Path.of(System.getProperty("hindsight.project.dir", ".")).toAbsolutePath().normalize();
        Path content = tmp.resolve("content");
        Files.createDirectories(content.resolve("pm"));
        Files.createDirectories(content.resolve("a"));
        Files.createDirectories(content.resolve("b"));
        Files.createDirectories(content.resolve("c"));
        Files.write(content.resolve("a/graph.png"), BEFORE);
        Files.write(content.resolve("b/graph.png"), AFTER);
        Files.write(content.resolve("c/Graph.png"), UPPER);
        Files.writeString(content.resolve("pm/two-graphs.md"), "---\ntitle: Two graphs\ndate: 2023-01-01\n---\n\n"
                + "Before:\n\n![before](../a/graph.png)\n\nAfter:\n\n![after](../b/graph.png)\n\n"
                + "Before, again:\n\n![again](../a/graph.png)\n\nUpper:\n\n![upper](../c/Graph.png)\n");
        site = tmp.resolve("public");
        report = new Pipeline(line -> { }).build(BuildOptions.defaults(project, LocalDate.of(2026, 1, 15))
                .withContent(content).withDestination(site).withCache(tmp.resolve("cache")));
    }

    @Test
    void theBuildSucceedsWithoutAWordAboutTheImages() {
        assertThat(report.published()).as("build: %s", report.problems()).isTrue();
        assertThat(report.problems()).filteredOn(Problem::isError).isEmpty();
        assertThat(report.problems()).filteredOn(p -> p.rule().equals("missing-image") || p.rule().equals("resource")).isEmpty();
    }

    @Test
    void eachImageShowsFromItsOwnFileAndTheSameImageFromTheSameFile() throws IOException {
        Document d = Jsoup.parse(site.resolve(PAGE + "index.html").toFile(), "UTF-8");
        List<String> srcs = d.select(".incident-body img").eachAttr("src");
        assertThat(srcs).hasSize(4);
        assertThat(d.select(".incident-body img.missing")).isEmpty();
        String before = srcs.get(0);
        String after = srcs.get(1);
        String upper = srcs.get(3);
        assertThat(srcs.get(2)).as("the same file twice").isEqualTo(before);
        assertThat(List.of(before, after, upper)).doesNotHaveDuplicates();
        assertThat(List.of(before.toLowerCase(), after.toLowerCase(), upper.toLowerCase()))
                .as("distinct on a case-insensitive file system too").doesNotHaveDuplicates();
        assertThat(Files.readAllBytes(site.resolve(PAGE + before))).isEqualTo(BEFORE);
        assertThat(Files.readAllBytes(site.resolve(PAGE + after))).isEqualTo(AFTER);
        assertThat(Files.readAllBytes(site.resolve(PAGE + upper))).isEqualTo(UPPER);
        try (var files = Files.list(site.resolve(PAGE + "files"))) {
            assertThat(files.count()).as("one copy of each file").isEqualTo(3);
        }
    }
}
