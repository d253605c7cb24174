package dev.hindsight;

import dev.hindsight.cli.Main;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Footnotes as postmortems write them: references in the summary, in a timeline entry (which the page shows as its
 * timeline) and in an action-item table (which the page shows as its list of items), a heading whose own id reads
 * like a note's, a reference to no note, and a content page with a note. Each reference links to its note and back,
 * every id on a page is unique, the text the site indexes and summarizes carries no marker, build and check report
 * only the reference to no note, and two builds write the same bytes.
 */
class FootnoteSiteIT {
    private static final String SLUG = "2023-01-02-db-failover";

    @TempDir
    static Path dir;
    static Path out;
    static String buildErr;
    static String checkOut;

    @BeforeAll
    static void build() throws IOException {
        Path project = dir.resolve("project");
        write(project.resolve("content/site.yml"), "title: Notes\nbase_url: https://n.example/\n");
        write(project.resolve("content/postmortems/" + SLUG + ".md"), """
                ---
                title: DB failover
                date: 2023-01-02
                ---

                ## Summary

                The primary failed over[^failover] and the replica lagged[^lag]. It failed over again[^failover].
                A reference to nothing[^nope] stays as written.

                ## fn 1

                A heading whose id reads like a note's.

                ## Timeline

                - 10:00 UTC Failover started[^failover]
                - 10:30 UTC Replica caught up

                ## Action items

                | Action | Owner |
                |---|---|
                | Alert on replica lag[^lag] | db |

                [^failover]: The failover was automatic; see the [runbook](https://runbooks.example/db).
                [^lag]: Lag peaked at **30 s**.
                """);
        write(project.resolve("content/pages/about.md"), "---\ntitle: About\n---\n\nWritten by on-call[^who].\n\n"
                + "[^who]: The payments rotation.\n");
        out = dir.resolve("out");
        buildErr = run("build", "--source", project.toString(), "-d", out.toString(), "--today", "2026-01-15")[1];
        run("build", "--source", project.toString(), "-d", dir.resolve("again").toString(), "--today", "2026-01-15",
                "--cache-dir", dir.resolve("cold-cache").toString());
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

    private static Document page(String path) throws IOException {
        return Jsoup.parse(out.resolve(path).toFile());
    }

    @Test
    void eachReferenceLeadsToItsNoteAndEachNoteBackToItsReferences() throws IOException {
        Document d = page("incidents/" + SLUG + "/index.html");
        assertThat(d.select(".incident-body a.footnote-ref").eachText()).as("numbered as read, the timeline's included")
                .containsExactly("1", "2", "1", "1");
        Element notes = d.selectFirst(".incident-body section.footnotes");
        assertThat(notes.select("li").eachAttr("id")).containsExactly("fn:1", "fn:2");
        assertThat(notes.select("#fn\\:1 p").text()).startsWith("The failover was automatic; see the runbook.");
        assertThat(notes.select("#fn\\:1 a.footnote-backref").eachAttr("href"))
                .containsExactly("#fnref:1", "#fnref:1:1", "#fnref:1:2");
        assertThat(notes.select("#fn\\:2 a.footnote-backref").eachAttr("href")).as("the table's reference is not shown")
                .containsExactly("#fnref:2");
        assertThat(d.select(".timeline a.footnote-ref").eachAttr("href")).containsExactly("#fn:1");
        assertThat(d.select(".incident-body > *").last()).as("the notes come last, below the action items")
                .isSameAs(notes);
        assertThat(d.select("p:contains(stays as written)").text()).contains("nothing[^nope] stays");
    }

    @Test
    void everyIdOnAPageIsUniqueAndEveryInPageLinkFindsItsTarget() throws IOException {
        for (String path : List.of("incidents/" + SLUG + "/index.html", "about/index.html")) {
            Document d = page(path);
            List<String> ids = d.select("[id]").eachAttr("id");
            assertThat(ids).as(path).doesNotHaveDuplicates();
            for (String href : d.select("a[href^=#]").eachAttr("href")) {
                if (href.length() > 1) {
                    assertThat(ids).as(path + " " + href).contains(href.substring(1));
                }
            }
        }
        assertThat(page("about/index.html").select("a.footnote-ref[href=#fn:1]")).hasSize(1);
        assertThat(page("incidents/" + SLUG + "/index.html").select("h2#fn-1")).hasSize(1);
    }

    @Test
    void theTextTheSiteIndexesAndSummarizesCarriesNoMarker() throws IOException {
        String json = Files.readString(out.resolve("incidents.json"));
        assertThat(json).contains("The primary failed over and the replica lagged. It failed over again.")
                .doesNotContain("[^failover]", "over1", "lagged2");
        StringBuilder search = new StringBuilder();
        try (Stream<Path> files = Files.walk(out.resolve("search"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                search.append(text(f));
            }
        }
        assertThat(search).as("the search fragments, unzipped").contains("The primary failed over and the replica lagged.")
                .doesNotContain("[^failover]", "failed over1");
    }

    /** Returns a file's text, unzipped when it is gzip (the search export's files are). */
    private static String text(Path f) throws IOException {
        byte[] bytes = Files.readAllBytes(f);
        if (bytes.length > 2 && (bytes[0] & 0xff) == 0x1f && (bytes[1] & 0xff) == 0x8b) {
            try (java.util.zip.GZIPInputStream in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(bytes))) {
                bytes = in.readAllBytes();
            }
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @Test
    void buildAndCheckReportOnlyTheReferenceWithoutANote() {
        String expected = "postmortems/" + SLUG + ".md:9:23: warning: footnote `[^nope]` has no note, so it shows as"
                + " written: add `[^nope]: the note` on a line of its own [footnote-without-note]";
        for (String out : List.of(buildErr, checkOut)) {
            assertThat(out.lines().filter(l -> l.contains("footnote")).map(l -> l.substring(l.indexOf("postmortems/"))))
                    .containsExactly(expected);
            assertThat(out).doesNotContain("fn-", "fnref", "[broken-link]");
        }
    }

    @Test
    void twoBuildsWriteTheSameBytes() throws IOException {
        for (String path : List.of("incidents/" + SLUG + "/index.html", "about/index.html", "incidents.json")) {
            assertThat(Files.readAllBytes(dir.resolve("again").resolve(path))).as(path)
                    .isEqualTo(Files.readAllBytes(out.resolve(path)));
        }
    }
}
