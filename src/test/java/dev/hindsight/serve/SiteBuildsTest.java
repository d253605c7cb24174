package dev.hindsight.serve;

import dev.hindsight.BuildOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The preview's rebuilds: an edit to one postmortem re-renders only the pages it affects, in the served folder;
 * a broken edit keeps the last good pages; other changes run the whole pipeline into a new folder.
 */
class SiteBuildsTest {
    @TempDir
    Path project;

    private Generations generations;
    private SiteBuilds builds;
    private Path posts;

    @BeforeEach
    void build() throws IOException {
        posts = Files.createDirectories(project.resolve("content/postmortems"));
        Files.writeString(project.resolve("content/site.yml"), """
                title: Quick test
                base_url: https://kb.example/
                causes: [{id: capacity}, {id: config-change}]
                services: [{id: checkout}, {id: search}, {id: mail}]
                """);
        write("2024-03-11-checkout-pool", "Checkout pool ran dry", "capacity", "checkout", "");
        write("2024-04-02-checkout-again", "Checkout pool again", "capacity", "checkout", "related: [2024-03-11-checkout-pool]\n");
        for (int i = 10; i < 20; i++) {
            write("2023-01-" + i + "-mail-" + i, "Mail outage " + i, "config-change", "mail", "");
        }
        generations = new Generations();
        builds = new SiteBuilds(BuildOptions.defaults(project, LocalDate.of(2024, 6, 1))
                .withCache(project.resolve("cache")).withDrafts(true), generations);
        BuildState first = builds.rebuild();
        assertThat(first.failed()).as("first build: %s", first.problems()).isFalse();
    }

    @AfterEach
    void close() throws IOException {
        generations.close();
    }

    private Path write(String slug, String title, String cause, String service, String extra) throws IOException {
        return Files.writeString(posts.resolve(slug + ".md"), """
                ---
                title: %s
                date: %s
                status: published
                severity: SEV2
                causes: [%s]
                services: [%s]
                %s---

                ## Summary

                The %s.
                """.formatted(title, slug.substring(0, 10), cause, service, extra, title.toLowerCase()));
    }

    private Map<String, FileTime> times(Path site) throws IOException {
        Map<String, FileTime> out = new HashMap<>();
        try (Stream<Path> files = Files.walk(site)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                out.put(site.relativize(f).toString().replace('\\', '/'), Files.getLastModifiedTime(f));
            }
        }
        return out;
    }

    private static String read(Path site, String page) throws IOException {
        return Files.readString(site.resolve(page));
    }

    @Test
    void anEditRendersOnlyTheAffectedPagesInPlace() throws Exception {
        Path site = builds.state().site().orElseThrow();
        Map<String, FileTime> before = times(site);
        Thread.sleep(20);
        Path edited = write("2024-03-11-checkout-pool", "Checkout pool ran completely dry", "capacity", "checkout", "");

        // As sed -i and many editors save: through a temporary file that is renamed over the original.
        BuildState quick = builds.rebuild(Set.of(edited, posts.resolve("sedAb12Cd")));

        assertThat(quick.failed()).as("%s", quick.problems()).isFalse();
        assertThat(quick.stages()).containsKey("reread").doesNotContainKey("index");
        assertThat(quick.site()).contains(site);
        assertThat(read(site, "incidents/2024-03-11-checkout-pool/index.html")).contains("Checkout pool ran completely dry");
        assertThat(read(site, "incidents/2024-04-02-checkout-again/index.html"))
                .as("a page that links to the edited incident shows its new title").contains("Checkout pool ran completely dry");
        assertThat(read(site, "index.html")).contains("Checkout pool ran completely dry");
        Map<String, FileTime> after = times(site);
        assertThat(after.get("incidents/2023-01-15-mail-15/index.html"))
                .as("an unrelated incident page is not written again").isEqualTo(before.get("incidents/2023-01-15-mail-15/index.html"));
        assertThat(after.get("services/mail/index.html")).as("another service's page is not written again")
                .isEqualTo(before.get("services/mail/index.html"));
        assertThat(read(site, "services/checkout/index.html")).contains("Checkout pool ran completely dry");
        assertThat(after.keySet()).isEqualTo(before.keySet());
    }

    @Test
    void anEditOfTheBodyOnlyRendersTheEditedPageAlone() throws Exception {
        Path site = builds.state().site().orElseThrow();
        Path mail = posts.resolve("2023-01-12-mail-12.md");
        // Its neighbour shows its card (next, previous, the recurring-cause chain): a page rendered again would
        // replace this stand-in, one left alone keeps it.
        Path neighbour = site.resolve("incidents/2023-01-13-mail-13/index.html");
        assertThat(read(site, "incidents/2023-01-13-mail-13/index.html")).contains("2023-01-12-mail-12");
        Files.writeString(neighbour, "stand-in");
        Files.writeString(mail, Files.readString(mail) + "\n## Root cause\n\nA relay retold the same message.\n");

        BuildState quick = builds.rebuild(Set.of(mail));

        assertThat(quick.failed()).as("%s", quick.problems()).isFalse();
        assertThat(read(site, "incidents/2023-01-12-mail-12/index.html")).contains("retold");
        assertThat(Files.readString(neighbour)).as("the card it shows did not change").isEqualTo("stand-in");

        Files.writeString(mail, Files.readString(mail).replace("title: Mail outage 12", "title: Mail queue stuck"));
        builds.rebuild(Set.of(mail));
        assertThat(Files.readString(neighbour)).as("a new title changes the card").contains("Mail queue stuck");
    }

    @Test
    void anEditOfAnActionItemRendersTheServiceAndCausePagesThatListOpenItems() throws Exception {
        Path site = builds.state().site().orElseThrow();
        Map<String, FileTime> before = times(site);
        Thread.sleep(20);
        Path edited = write("2024-03-11-checkout-pool", "Checkout pool ran dry", "capacity", "checkout",
                "action_items:\n  - {title: Cap the pool per tenant, owner: payments, due: 2024-05-01, status: open}\n");

        BuildState quick = builds.rebuild(Set.of(edited));

        assertThat(quick.failed()).as("%s", quick.problems()).isFalse();
        assertThat(quick.stages()).containsKey("reread");
        for (String page : List.of("services/checkout/index.html", "causes/capacity/index.html")) {
            assertThat(read(site, page)).as(page).contains("Cap the pool per tenant").contains("31 days late");
        }
        assertThat(times(site).get("services/mail/index.html")).as("another service's page is not written again")
                .isEqualTo(before.get("services/mail/index.html"));

        Files.writeString(edited, Files.readString(edited).replace("status: open", "status: done, closed: 2024-05-20"));
        builds.rebuild(Set.of(edited));
        for (String page : List.of("services/checkout/index.html", "causes/capacity/index.html")) {
            assertThat(read(site, page)).as(page).doesNotContain("Cap the pool per tenant").contains("No open action items");
        }
        assertThat(stalePages(site, "full")).as("pages a quick rebuild left stale").isEmpty();
    }

    @Test
    void anEditThatMovesTheLatestYearRendersEveryServiceCauseAndTeamPage() throws Exception {
        Path site = builds.state().site().orElseThrow();
        assertThat(read(site, "services/mail/index.html")).contains("Incidents per year: 2023: 10, 2024: 0.");
        // Both 2024 incidents turn out to be from 2023: the site's latest year goes back, and the mail service,
        // whose incidents were not edited, no longer has a year to chart.
        Thread.sleep(20);
        Set<Path> edited = new java.util.HashSet<>();
        for (String slug : List.of("2024-03-11-checkout-pool", "2024-04-02-checkout-again")) {
            Path file = posts.resolve(slug + ".md");
            Files.writeString(file, Files.readString(file).replace("date: 2024-", "date: 2023-"));
            edited.add(file);
        }

        BuildState quick = builds.rebuild(edited);

        assertThat(quick.stages()).as("%s", quick.problems()).containsKey("reread");
        assertThat(quick.failed()).as("%s", quick.problems()).isFalse();
        assertThat(read(site, "services/mail/index.html")).as("an unedited service counts up to the new latest year")
                .doesNotContain("Incidents per year: 2023").contains("All 10 dated incidents were in 2023.");
        // The year 2024 loses its page, which the sitemap drops at the next full build, by design.
        assertThat(stalePages(site, "full")).as("pages a quick rebuild left stale").containsOnly("sitemap.xml");
    }

    @Test
    void aQuickRebuildWritesTheSamePagesAsAFullBuild() throws Exception {
        Path site = builds.state().site().orElseThrow();
        Path edited = write("2023-01-15-mail-15", "Mail relay stalled", "config-change", "mail", "");
        assertThat(builds.rebuild(Set.of(edited)).stages()).containsKey("reread");

        assertThat(stalePages(site, "full")).as("pages a quick rebuild left stale").isEmpty();
    }

    @Test
    void successiveQuickRebuildsOfEveryKindOfEditWriteTheSamePagesAsAFullBuild() throws Exception {
        Path site = builds.state().site().orElseThrow();
        Path mail = posts.resolve("2023-01-12-mail-12.md");
        List<String> edits = List.of(
                // the body only: no list page shows it, so they are not rendered again
                Files.readString(mail).replace("The mail outage 12.", "The mail outage 12, with a longer story."),
                // a link to another incident in the body: that incident's page gains a backlink
                Files.readString(mail).replace("The mail outage 12.", "The mail outage 12, like [the pool](2024-03-11-checkout-pool.md)."),
                // the title: every list showing the incident changes
                Files.readString(mail).replace("title: Mail outage 12", "title: Mail queue stuck"),
                // what it is filed under (a new term would add a page to the sitemap, which waits for a full build)
                Files.readString(mail).replace("causes: [config-change]", "causes: [capacity]"),
                // an overdue action item: only the home page's counts change
                Files.readString(mail).replace("status: published\n", "status: published\naction_items:\n"
                        + "  - {title: Add a queue alarm, owner: mail-team, due: 2023-02-01, status: open}\n"),
                Files.readString(mail));
        for (String text : edits) {
            String home = read(site, "index.html");
            Files.writeString(mail, text);
            BuildState quick = builds.rebuild(Set.of(mail));
            assertThat(quick.stages()).as("%s", quick.problems()).containsKey("reread");
            assertThat(quick.failed()).as("%s", quick.problems()).isFalse();
            assertThat(stalePages(site, "full-" + edits.indexOf(text))).as("pages left stale after: %s", text).isEmpty();
            if (text.contains("action_items")) {
                assertThat(read(site, "index.html")).as("the home page counts the open item").isNotEqualTo(home);
            }
        }
    }

    /** Builds everything into a new folder and returns the pages that differ from the served folder. */
    private List<String> stalePages(Path site, String folder) throws IOException {
        Path full = project.resolve(folder);
        new dev.hindsight.Pipeline(s -> { }).build(BuildOptions.defaults(project, LocalDate.of(2024, 6, 1))
                .withCache(project.resolve("cache")).withDrafts(true).withDestination(full));
        List<String> differ = new ArrayList<>();
        try (Stream<Path> files = Files.walk(full)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String rel = full.relativize(f).toString().replace('\\', '/');
                if (rel.startsWith("search/") && !rel.endsWith(".html") || rel.startsWith("reports/")
                        || rel.equals("incidents.json")) {
                    continue; // left to the next full rebuild, by design
                }
                Path quick = site.resolve(rel);
                if (!Files.exists(quick) || !comparable(Files.readString(quick)).equals(comparable(Files.readString(f)))) {
                    differ.add(rel);
                }
            }
        }
        return differ;
    }

    /**
     * Returns page text without the names of the search files, which change with every full build's index, and
     * without the similar-incident lists, which come from the index and wait for the next full build by design.
     */
    private static String comparable(String page) {
        return page.replaceAll("search/[A-Za-z0-9_.-]+\\.(json|bin)", "search/X")
                .replaceAll("(?s)<ul class=\"similar-list\">.*?</ul>", "<ul class=\"similar-list\"></ul>");
    }

    @Test
    void aBrokenEditKeepsTheLastGoodPagesAndItsFixIsRebuilt() throws Exception {
        Path site = builds.state().site().orElseThrow();
        Path file = posts.resolve("2024-03-11-checkout-pool.md");
        Files.writeString(file, "---\ntitle: [unclosed\ndate: 2024-03-11\n---\n\nText.\n");

        BuildState broken = builds.rebuild(Set.of(file));

        assertThat(broken.failed()).isTrue();
        assertThat(broken.errors()).anyMatch(p -> p.path().equals("postmortems/2024-03-11-checkout-pool.md"));
        assertThat(broken.site()).contains(site);
        assertThat(read(site, "incidents/2024-03-11-checkout-pool/index.html")).contains("Checkout pool ran dry");

        write("2024-03-11-checkout-pool", "Checkout pool fixed title", "capacity", "checkout", "");
        BuildState fixed = builds.rebuild(Set.of(file));
        assertThat(fixed.failed()).as("%s", fixed.problems()).isFalse();
        assertThat(read(fixed.site().orElseThrow(), "incidents/2024-03-11-checkout-pool/index.html"))
                .contains("Checkout pool fixed title");
    }

    @Test
    void aNewFileOrASiteYmlChangeRebuildsEverything() throws Exception {
        Path site = builds.state().site().orElseThrow();
        Path added = write("2024-05-01-search-slow", "Search slow", "capacity", "search", "");

        BuildState full = builds.rebuild(Set.of(added));

        assertThat(full.failed()).as("%s", full.problems()).isFalse();
        assertThat(full.stages()).containsKey("index");
        assertThat(full.site()).isPresent().isNotEqualTo(java.util.Optional.of(site));
        assertThat(full.site().orElseThrow().resolve("incidents/2024-05-01-search-slow/index.html")).exists();

        BuildState config = builds.rebuild(Set.of(project.resolve("content/site.yml")));
        assertThat(config.stages()).containsKey("index");
    }
}
