package dev.hindsight;

import dev.hindsight.cli.Main;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Links between content files as other house styles write them: a destination in angle brackets with a space, a link
 * to a bundle's folder (with and without its slash, and to its index.md), to the repository's README inside and outside
 * the content folder, and to a file that is not there. The build leads each working link to its page, and the build
 * and `hindsight check` report the same broken ones, each at its line with its own reason.
 */
class LinkSiteIT {
    private static final String SOURCE = "2023/2023-01-02-db.md";

    @TempDir
    static Path dir;
    static Path out;
    static String buildErr;
    static String checkOut;

    @BeforeAll
    static void build() throws IOException {
        Path project = dir.resolve("project");
        Path content = Files.createDirectories(project.resolve("content"));
        Files.writeString(project.resolve("README.md"), "# The postmortems repository\n");
        write(content.resolve("site.yml"), "title: Links\nbase_url: https://l.example/\n");
        write(content.resolve("README.md"), "# About these postmortems\n");
        write(content.resolve(SOURCE), """
                ---
                title: DB failover
                date: 2023-01-02
                ---

                ## Summary

                The primary failed over; see [the space one](<a b.md> "Space"), [the outage](../c/outage/),
                [again](../c/outage) and [its index](../c/outage/index.md#impact).

                [About](../README.md) and [the repository](../../README.md) and [nothing](<no such.md>).

                The [pool log](../logs/pool.log#L3), [the same log](/logs/pool.log), [the bundle graph](../c/outage/graph.csv),
                [the feed](../../feed.xml) and [a lost log](../logs/gone.log) and [a lost report](../c/outage/gone.pdf).

                ![the pool graph](../logs/pool.png) ![a lost graph](../logs/gone.png)
                """);
        write(content.resolve("2023/a b.md"), "---\ntitle: Space in the name\ndate: 2023-02-02\n---\nBody.\n");
        write(content.resolve("c/outage/index.md"), "---\ntitle: Outage bundle\ndate: 2023-03-03\n---\n\n## Impact\n\nDown.\n");
        write(content.resolve("c/outage/graph.csv"), "minute,errors\n1,40\n");
        write(content.resolve("logs/pool.log"), "pool exhausted\n");
        write(content.resolve("logs/pool.png"), "png");
        out = dir.resolve("out");
        buildErr = run("build", "--source", project.toString(), "-d", out.toString(), "--today", "2026-01-15")[1];
        checkOut = run("check", "--source", project.toString(), "--today", "2026-01-15")[0];
    }

    private static String[] run(String... args) {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        Main.run(new PrintWriter(o), new PrintWriter(e), args);
        return new String[] {o.toString(), e.toString()};
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    @Test
    void workingLinksLeadToTheirPages() throws IOException {
        Document page = Jsoup.parse(out.resolve("incidents/2023-01-02-db/index.html").toFile());
        assertThat(page.select("a:contains(the space one)").attr("href")).isEqualTo("../../incidents/a-b/index.html");
        assertThat(page.select("a:contains(the space one)").attr("title")).isEqualTo("Space");
        assertThat(page.select("a:contains(the outage), a:contains(again)").eachAttr("href"))
                .containsExactly("../../incidents/outage/index.html", "../../incidents/outage/index.html");
        assertThat(page.select("a:contains(its index)").attr("href")).isEqualTo("../../incidents/outage/index.html#impact");
        for (String href : page.select("a:contains(the space one), a:contains(the outage)").eachAttr("href")) {
            assertThat(out.resolve("incidents/2023-01-02-db").resolve(href).normalize()).exists();
        }
    }

    @Test
    void aLinkToAnotherFileOfTheContentFolderIsPublishedWithThePageOnce() throws IOException {
        Path folder = out.resolve("incidents/2023-01-02-db");
        Document page = Jsoup.parse(folder.resolve("index.html").toFile());
        assertThat(page.select("a:contains(pool log), a:contains(the same log)").eachAttr("href"))
                .containsExactly("files/pool.log#L3", "files/pool.log");
        assertThat(folder.resolve("files/pool.log")).hasContent("pool exhausted");
        String graph = page.select("a:contains(the bundle graph)").attr("href");
        assertThat(folder.resolve(graph).normalize()).hasContent("minute,errors\n1,40");
        assertThat(page.select("a:contains(the feed)").attr("href")).as("a path of the built site stays").isEqualTo("../../feed.xml");
        assertThat(out.resolve("incidents/outage/graph.csv")).as("and the bundle keeps its own file").exists();
    }

    @Test
    void buildAndCheckReportTheSameBrokenLinksEachWithItsReasonAndLine() {
        List<String> expected = List.of(
                SOURCE + ":11:9: warning: broken link `../README.md`: `README.md` is not published (not a postmortem: "
                        + "repository file)",
                SOURCE + ":11:44: warning: broken link `../../README.md`: it leads outside the content folder",
                SOURCE + ":11:76: warning: broken link `no such.md`: no content file `no such.md`",
                SOURCE + ":14:45: warning: broken link `../logs/gone.log`: no file `logs/gone.log` in the content folder",
                SOURCE + ":14:83: warning: broken link `../c/outage/gone.pdf`: no file `c/outage/gone.pdf` in the content folder");
        List<String> built = buildErr.lines().filter(l -> l.contains("[broken-link]")).toList();
        List<String> checked = checkOut.lines().filter(l -> l.contains("[broken-link]"))
                .map(l -> l.substring(l.indexOf(SOURCE))).toList();
        assertThat(built).hasSize(5).isEqualTo(checked);
        for (int i = 0; i < expected.size(); i++) {
            assertThat(built.get(i)).startsWith(expected.get(i));
        }
        assertThat(buildErr + checkOut).doesNotContain("outage`", "a b.md`", "no incident has the slug");
    }

    @Test
    void buildAndCheckReportTheSameMissingImageAndTheFoundOneIsCopied() throws IOException {
        String expected = SOURCE + ":16:53: warning: image not found: `../logs/gone.png`: no file `logs/gone.png` in the"
                + " content folder [missing-image]";
        assertThat(buildErr.lines().filter(l -> l.contains("[missing-image]"))).containsExactly(expected);
        assertThat(checkOut.lines().filter(l -> l.contains("[missing-image]")).map(l -> l.substring(l.indexOf(SOURCE))))
                .containsExactly(expected);
        Document page = Jsoup.parse(out.resolve("incidents/2023-01-02-db/index.html").toFile());
        assertThat(page.select("img[alt=the pool graph]").attr("src")).isEqualTo("files/pool.png");
        assertThat(out.resolve("incidents/2023-01-02-db/files/pool.png")).hasContent("png");
        assertThat(page.select("img[alt=a lost graph]").hasClass("missing")).isTrue();
    }
}
