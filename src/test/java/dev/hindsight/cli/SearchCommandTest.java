package dev.hindsight.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.json.Json;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code hindsight search} over the fixture site: ranked text and JSON, filters, typos, and a stale index. */
class SearchCommandTest {
    @TempDir
    Path project;

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString(), err.toString());
    }

    private Path content() throws IOException {
        Path to = project.resolve("content");
        dev.hindsight.TestFolders.copy(dev.hindsight.TestFolders.basicSite(), to);
        return to;
    }

    private Run search(String... args) {
        String[] all = new String[args.length + 5];
        all[0] = "search";
        all[1] = "--source";
        all[2] = project.toString();
        all[3] = "--cache-dir";
        all[4] = project.resolve("cache").toString();
        System.arraycopy(args, 0, all, 5, args.length);
        return run(all);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(Run r) {
        return (Map<String, Object>) new Json().toType(r.out(), Object.class);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> hits(Run r) {
        return (List<Map<String, Object>>) json(r).get("hits");
    }

    @Test
    void printsRankedIncidentsWithPathsAndMarkedSnippets() throws IOException {
        content();
        Run r = search("connection", "pool");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("1 incident matches every word of \"connection pool\"")
                .contains(" 1. ").contains("postmortems/2024-03-11-checkout-pool.md")
                .containsPattern("\\[(connection|pool)s?]");
        assertThat(Files.isDirectory(project.resolve("cache/search-index"))).as("the index is kept in the cache").isTrue();
    }

    @Test
    void jsonWithFiltersSinceAndLimit() throws IOException {
        content();
        Run all = search("--json", "the");
        assertThat(all.code()).as(all.err()).isZero();
        Run r = search("--json", "--since", "2024", "--limit", "1", "pool");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(hits(r)).hasSize(1).allSatisfy(h -> assertThat((String) h.get("date")).isGreaterThanOrEqualTo("2024"));
        assertThat(hits(r).get(0).get("path")).asString().endsWith("2024-03-11-checkout-pool.md");
        Run none = search("--json", "--cause", "no-such-cause", "pool");
        assertThat(hits(none)).isEmpty();
        assertThat(((Number) json(none).get("total")).intValue()).isZero();
        Run cause = search("--json", "--cause", "capacity", "pool");
        assertThat(hits(cause)).isNotEmpty().allSatisfy(h -> assertThat((List<String>) h.get("causes")).contains("capacity"));
    }

    @Test
    void correctsATypoAndSaysSo() throws IOException {
        content();
        Run r = search("conection");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("showing results for \"connection\" (no incident uses \"conection\")");
        assertThat(r.out()).contains("2024-03-11-checkout-pool.md");
    }

    @Test
    void rebuildsAStaleIndexAfterAnEdit() throws IOException {
        Path dir = content();
        assertThat(search("--json", "zanzibarite").out()).contains("\"total\":0");
        Path file = dir.resolve("postmortems/2022-05-05-cache-stampede.md");
        Files.writeString(file, Files.readString(file) + "\nThe zanzibarite cache node was rebooted.\n");
        Run r = search("--json", "zanzibarite");
        assertThat(hits(r)).extracting(h -> h.get("slug")).containsExactly("2022-05-05-cache-stampede");
    }

    @Test
    void rejectsABadSinceOrLimit() throws IOException {
        content();
        assertThat(search("--since", "last-tuesday", "pool").code()).isEqualTo(Main.USAGE);
        assertThat(search("--limit", "0", "pool").code()).isEqualTo(Main.USAGE);
        assertThat(run("search", "--content", project.resolve("nowhere").toString(), "pool").code()).isEqualTo(Main.USAGE);
    }

    @Test
    void findsAJapaneseWordInsideALongerRunAndMarksIt() throws IOException {
        dev.hindsight.TestFolders.copy(dev.hindsight.TestFolders.cjkSite(), project.resolve("content"));
        Run r = search("データベース");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("1 incident matches every word of \"データベース\"")
                .contains("postmortems/2024-05-10-payments-db-outage.md").contains("[データベース]障害");
    }
}
