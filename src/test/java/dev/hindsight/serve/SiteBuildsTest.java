package dev.hindsight.serve;

import dev.hindsight.BuildOptions;
import dev.hindsight.BuildReport;
import dev.hindsight.Pipeline;
import dev.hindsight.model.ContentChanges;
import dev.hindsight.publish.SiteFiles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The preview's rebuilds run the build pipeline with the cache in memory: after every kind of edit the site served
 * is byte for byte what a cold {@code hindsight build} of the same content makes (search, similar lists, reports and
 * incidents.json included), a broken edit keeps the last good site, and unchanged pages come from the cache.
 */
class SiteBuildsTest {
    private static final LocalDate TODAY = LocalDate.of(2024, 6, 1);

    @TempDir
    Path project;

    private SiteBuilds builds;
    private Path posts;

    @BeforeEach
    void build() throws IOException {
        posts = Files.createDirectories(project.resolve("content/postmortems"));
        Files.writeString(project.resolve("content/site.yml"), """
                title: Preview test
                base_url: https://kb.example/
                causes: [{id: capacity}, {id: config-change}]
                services: [{id: checkout}, {id: search}, {id: mail}]
                """);
        write("2024-03-11-checkout-pool", "Checkout pool ran dry", "capacity", "checkout", "");
        write("2024-04-02-checkout-again", "Checkout pool again", "capacity", "checkout", "related: [2024-03-11-checkout-pool]\n");
        for (int i = 10; i < 20; i++) {
            write("2023-01-" + i + "-mail-" + i, "Mail outage " + i, "config-change", "mail", "");
        }
        builds = new SiteBuilds(options());
        BuildState first = builds.rebuild();
        assertThat(first.failed()).as("first build: %s", first.problems()).isFalse();
    }

    private BuildOptions options() {
        return BuildOptions.defaults(project, TODAY).withCache(project.resolve("cache")).withDrafts(true);
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

                The %s, after the queue filled during the nightly batch.
                """.formatted(title, slug.substring(0, 10), cause, service, extra, title.toLowerCase()));
    }

    private static String read(SiteFiles site, String page) {
        return new String(site.file(page).orElseThrow(), StandardCharsets.UTF_8);
    }

    @Test
    void afterEveryKindOfEditTheServedSiteIsWhatAColdBuildMakes() throws Exception {
        Path mail = posts.resolve("2023-01-12-mail-12.md");
        String original = Files.readString(mail);
        List<Runnable> edits = List.of(
                () -> rewrite(mail, original.replace("during the nightly batch", "during the nightly batch and the retry storm")),
                () -> rewrite(mail, original.replace("The mail outage 12", "Like [the pool](2024-03-11-checkout-pool.md), the mail outage 12")),
                () -> rewrite(mail, original.replace("title: Mail outage 12", "title: Mail queue stuck")),
                () -> rewrite(mail, original.replace("causes: [config-change]", "causes: [capacity, config-change]")),
                () -> rewrite(mail, original.replace("date: 2023-01-12", "date: 2024-05-30")),
                () -> rewrite(mail, original.replace("status: published\n", "status: published\naction_items:\n"
                        + "  - {title: Add a queue alarm, owner: mail-team, due: 2023-02-01, status: open}\n")),
                () -> rewrite(posts.resolve("2024-05-01-search-slow.md"), original.replace("Mail outage 12", "Search slow")
                        .replace("[mail]", "[search]")),
                () -> delete(posts.resolve("2023-01-15-mail-15.md")),
                () -> rename(posts.resolve("2023-01-16-mail-16.md"), posts.resolve("2023-01-16-mail-sixteen.md")),
                () -> rewrite(project.resolve("content/site.yml"), "title: Renamed preview\nbase_url: https://kb.example/\n"),
                () -> rewrite(mail, original));
        for (Runnable edit : edits) {
            edit.run();
            BuildState warm = builds.rebuild();
            assertThat(warm.failed()).as("%s", warm.problems()).isFalse();
            assertThat(differences(warm.site().orElseThrow(), cold("cold-" + warm.version())))
                    .as("files that differ from a cold build after edit %d", edits.indexOf(edit)).isEmpty();
        }
    }

    @Test
    void aBodyEditRendersItsOwnPageAndTakesTheRestFromTheCache() throws Exception {
        BuildState same = builds.rebuild();
        assertThat(same.cached()).as("nothing changed: every page comes from the cache").isPositive();
        Path mail = posts.resolve("2023-01-12-mail-12.md");
        rewrite(mail, Files.readString(mail).replace("the nightly batch", "the nightly batch, twice"));

        BuildState edited = builds.rebuild();

        assertThat(edited.failed()).as("%s", edited.problems()).isFalse();
        assertThat(read(edited.site().orElseThrow(), "incidents/2023-01-12-mail-12/index.html")).contains("nightly batch, twice");
        assertThat(edited.cached()).as("pages not rendered again").isGreaterThan(same.cached() / 2)
                .isLessThan(same.cached());
    }

    @Test
    void aNewPreviewStartsFromTheCacheOnDisk() {
        BuildState warmStart = new SiteBuilds(options()).rebuild();
        assertThat(warmStart.failed()).isFalse();
        assertThat(warmStart.cached()).as("pages read from the cache folder the first preview left").isPositive();
    }

    @Test
    void aPreviewWithDraftsStartsWarmOnThePublishedBuildsCache() throws Exception {
        write("2024-05-20-search-draft", "Search draft", "capacity", "search", "");
        Path draft = posts.resolve("2024-05-20-search-draft.md");
        Files.writeString(draft, Files.readString(draft).replace("status: published", "status: draft"));
        Path cache = project.resolve("published-cache");
        BuildReport published = new Pipeline(s -> { }).build(options().withDrafts(false).withCache(cache)
                .withDestination(project.resolve("published")));
        assertThat(published.published()).isTrue();

        BuildState preview = new SiteBuilds(options().withCache(cache)).rebuild();

        assertThat(preview.failed()).as("%s", preview.problems()).isFalse();
        assertThat(preview.cached()).as("pages the draft does not change come from the published build's cache")
                .isGreaterThan(published.cachedPages()).isPositive();
        assertThat(read(preview.site().orElseThrow(), "incidents/2024-05-20-search-draft/index.html")).contains("Search draft");
        assertThat(differences(preview.site().orElseThrow(), cold("cold-drafts"))).isEmpty();
    }

    @Test
    void aBrokenEditKeepsTheLastGoodSiteAndItsFixIsServed() throws Exception {
        SiteFiles site = builds.state().site().orElseThrow();
        Path file = posts.resolve("2024-03-11-checkout-pool.md");
        Files.writeString(file, "---\ntitle: [unclosed\ndate: 2024-03-11\n---\n\nText.\n");

        BuildState broken = builds.rebuild();

        assertThat(broken.failed()).isTrue();
        assertThat(broken.errors()).anyMatch(p -> p.path().equals("postmortems/2024-03-11-checkout-pool.md"));
        assertThat(broken.site()).containsSame(site);

        write("2024-03-11-checkout-pool", "Checkout pool fixed title", "capacity", "checkout", "");
        BuildState fixed = builds.rebuild();
        assertThat(fixed.failed()).as("%s", fixed.problems()).isFalse();
        assertThat(read(fixed.site().orElseThrow(), "incidents/2024-03-11-checkout-pool/index.html"))
                .contains("Checkout pool fixed title");
    }

    @Test
    void theEditedPageAndTheOpenPagesAreServedFirstWithTheBytesTheWholeBuildThenPublishes() throws Exception {
        BuildState before = builds.state();
        Path mail = posts.resolve("2023-01-12-mail-12.md");
        rewrite(mail, Files.readString(mail).replace("title: Mail outage 12", "title: Mail queue stuck"));
        String edited = "incidents/2023-01-12-mail-12/index.html";
        String open = "services/mail/index.html";
        List<BuildState> partials = new ArrayList<>();

        BuildState done = builds.rebuild(Set.of("postmortems/2023-01-12-mail-12.md"), ContentChanges.only(Set.of("postmortems/2023-01-12-mail-12.md")), () -> Set.of(open, "no/such/page.html"),
                partials::add);

        assertThat(partials).as("one partial state, announced before the build went on").hasSize(1);
        BuildState first = partials.get(0);
        assertThat(first.partial()).isTrue();
        assertThat(first.early().stream().filter(p -> p.endsWith(".html")))
                .as("the edited incident's page and the open page, no other page").containsExactlyInAnyOrder(edited, open);
        assertThat(first.early()).as("with the theme's assets").anyMatch(p -> p.matches("css/site\\.[0-9a-f]+\\.css"));
        assertThat(first.version()).isEqualTo(before.version() + 1).isEqualTo(done.version());
        assertThat(read(first.site().orElseThrow(), edited)).contains("Mail queue stuck");
        assertThat(read(first.site().orElseThrow(), "incidents/index.html"))
                .as("a page not made first is the last good build's until the build is done")
                .isEqualTo(read(before.site().orElseThrow(), "incidents/index.html")).doesNotContain("Mail queue stuck");
        assertThat(first.versionOf(edited)).isEqualTo(first.version());
        assertThat(first.versionOf("incidents/index.html")).isEqualTo(before.version());

        assertThat(done.partial()).isFalse();
        assertThat(done.failed()).as("%s", done.problems()).isFalse();
        for (String path : first.early()) {
            assertThat(first.site().orElseThrow().file(path).orElseThrow())
                    .as("%s served first is what the build published", path)
                    .isEqualTo(done.site().orElseThrow().file(path).orElseThrow());
        }
        assertThat(read(done.site().orElseThrow(), "incidents/index.html")).contains("Mail queue stuck");
        assertThat(differences(done.site().orElseThrow(), cold("cold-first"))).isEmpty();
    }

    @Test
    void anErrorTheChecksFindAfterTheFirstPagesFailsTheBuildAndKeepsTheLastGoodSite() throws Exception {
        SiteFiles site = builds.state().site().orElseThrow();
        Path mail = posts.resolve("2023-01-12-mail-12.md");
        rewrite(mail, Files.readString(mail).replace("causes: [config-change]", "causes: [not-in-site-yml]"));
        List<BuildState> partials = new ArrayList<>();

        BuildState broken = builds.rebuild(Set.of("postmortems/2023-01-12-mail-12.md"), ContentChanges.only(Set.of("postmortems/2023-01-12-mail-12.md")), Set::of, partials::add);

        assertThat(partials).as("the page was served first: the checks run after it").hasSize(1);
        assertThat(broken.failed()).isTrue();
        assertThat(broken.partial()).isFalse();
        assertThat(broken.errors()).anyMatch(p -> p.path().equals("postmortems/2023-01-12-mail-12.md"));
        assertThat(broken.site()).as("the first page goes back with the rest").containsSame(site);
    }

    @Test
    void anEditWithAnErrorServesNothingFirst() throws Exception {
        SiteFiles site = builds.state().site().orElseThrow();
        Files.writeString(posts.resolve("2024-03-11-checkout-pool.md"), "---\ntitle: [unclosed\ndate: 2024-03-11\n---\n\nText.\n");
        List<BuildState> partials = new ArrayList<>();

        BuildState broken = builds.rebuild(Set.of("postmortems/2024-03-11-checkout-pool.md"),
                ContentChanges.only(Set.of("postmortems/2024-03-11-checkout-pool.md")), () -> Set.of("incidents/2024-04-02-checkout-again/index.html"), partials::add);

        assertThat(partials).as("a load error stops the first pages").isEmpty();
        assertThat(broken.failed()).isTrue();
        assertThat(broken.site()).containsSame(site);
    }

    @Test
    void aFirstBuildServesItsFirstPagesAndTheirAssetsBeforeAnythingElse() throws Exception {
        SiteBuilds fresh = new SiteBuilds(options().withCache(project.resolve("fresh-cache")));
        List<BuildState> partials = new ArrayList<>();
        List<String> asked = new ArrayList<>();
        String home = "index.html";
        String list = "incidents/index.html";

        BuildState done = fresh.rebuild(Set.of(), ContentChanges.UNKNOWN, () -> {
            asked.add("asked");
            return Set.of(home);
        }, partials::add);

        assertThat(asked).as("the open pages are asked for once, when the first pages are made").hasSize(1);
        assertThat(partials).hasSize(1);
        BuildState first = partials.get(0);
        assertThat(first.version()).isEqualTo(1);
        SiteFiles served = first.site().orElseThrow();
        assertThat(served.file(home)).isPresent();
        assertThat(served.file(list)).as("not made yet").isEmpty();
        assertThat(first.versionOf(list)).as("a file not made yet waits for the build").isZero();
        String css = first.early().stream().filter(p -> p.startsWith("css/site.")).findFirst().orElseThrow();
        assertThat(read(served, home)).contains(css.substring(css.indexOf('/') + 1));
        assertThat(done.failed()).as("%s", done.problems()).isFalse();
        for (String path : first.early()) {
            assertThat(served.file(path).orElseThrow()).as(path).isEqualTo(done.site().orElseThrow().file(path).orElseThrow());
        }
        assertThat(done.site().orElseThrow().file(list)).isPresent();
    }

    /** Builds the content cold (a cache folder of its own) into a folder of the project. */
    private Path cold(String name) {
        Path out = project.resolve(name);
        BuildReport r = new Pipeline(s -> { }).build(options().withCache(project.resolve(name + "-cache")).withDestination(out));
        assertThat(r.published()).as("%s", r.problems()).isTrue();
        return out;
    }

    /** Returns the paths whose bytes differ between a served site and a folder, or that only one of them has. */
    private static List<String> differences(SiteFiles served, Path folder) throws IOException {
        List<String> differ = new ArrayList<>();
        TreeSet<String> onDisk = new TreeSet<>();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String rel = folder.relativize(f).toString().replace('\\', '/');
                onDisk.add(rel);
                if (served.file(rel).map(b -> !Arrays.equals(b, readBytes(f))).orElse(true)) {
                    differ.add(rel);
                }
            }
        }
        served.paths().stream().filter(p -> !onDisk.contains(p)).forEach(differ::add);
        return differ;
    }

    private static byte[] readBytes(Path f) {
        try {
            return Files.readAllBytes(f);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void rewrite(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void delete(Path file) {
        try {
            Files.delete(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void rename(Path from, Path to) {
        try {
            Files.move(from, to);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
