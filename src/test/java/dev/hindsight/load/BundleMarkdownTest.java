package dev.hindsight.load;

import dev.hindsight.model.Postmortem;
import dev.hindsight.model.Problem;
import dev.hindsight.model.SourceFile.Outcome;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Markdown in a bundle folder: its own incident, a reported file of the bundle, or the folder's landing page. */
class BundleMarkdownTest {
    private static final String YAML = "---\ntitle: Checkout 500s after deploy\ndate: 2023-04-02\n---\n\n## Summary\n\nCheckout failed.\n";

    @Test
    void aLandingPageDoesNotHideThePostmortemsBesideAndBelowIt(@TempDir Path dir) {
        TempContent.Loaded l = new TempContent(dir)
                .file("payments/index.md", "# Payments team postmortems\n\nIndex of our incidents.\n")
                .file("payments/2023-04-02-checkout-500s.md", YAML)
                .file("payments/2023-05-01-gateway/index.md", "---\ntitle: Gateway timeouts\ndate: 2023-05-01\n---\n\n"
                        + "Gateway timed out.\n\n![latency](latency.png)\n")
                .file("payments/2023-05-01-gateway/latency.png", "png")
                .load();
        assertThat(l.site().postmortems()).extracting(Postmortem::slug)
                .containsExactly("2023-05-01-gateway", "2023-04-02-checkout-500s");
        assertThat(l.site().postmortem("2023-05-01-gateway").orElseThrow().resources()).containsExactly("latency.png");
        assertThat(l.file("payments/index.md").outcome()).isEqualTo(Outcome.SKIPPED);
        assertThat(l.file("payments/index.md").reason()).isEqualTo(BundleMarkdown.LANDING);
        assertThat(l.file("payments/2023-05-01-gateway/latency.png").outcome()).isEqualTo(Outcome.RESOURCE);
        assertThat(l.site().files()).hasSize(4);
        assertThat(l.problems()).noneMatch(Problem::isError);
    }

    @Test
    void markdownThatStandsOnItsOwnInABundleIsItsOwnIncidentAndTheRestIsReported(@TempDir Path dir) {
        TempContent.Loaded l = new TempContent(dir)
                .file("outage/index.md", "# Outage on 2023-01-01\n\nThe API was down.\n\n![graph](graph.png)\n")
                .file("outage/graph.png", "png")
                .file("outage/followup.md", "---\ntitle: Follow-up outage\ndate: 2023-02-01\n---\n\nAgain.\n")
                .file("outage/2023-03-05-second.md", "# Second outage\n\nThird time.\n")
                .file("outage/jbake.md", "title=JBake outage\ndate=2023-04-01\n~~~~~~\n\nBody.\n")
                .file("outage/notes.md", "chat log\n")
                .file("outage/_index.md", "# Section\n")
                .load();
        assertThat(l.site().postmortems()).extracting(Postmortem::source).containsExactlyInAnyOrder("outage/index.md",
                "outage/followup.md", "outage/2023-03-05-second.md", "outage/jbake.md");
        Postmortem outage = l.site().postmortems().stream().filter(p -> p.source().equals("outage/index.md")).findFirst()
                .orElseThrow();
        assertThat(outage.slug()).isEqualTo("outage");
        assertThat(outage.resources()).containsExactly("graph.png", "notes.md");
        assertThat(l.file("outage/notes.md").outcome()).isEqualTo(Outcome.RESOURCE);
        assertThat(l.problems("outage/notes.md", Problem.Level.WARNING)).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(1);
            assertThat(p.rule()).isEqualTo("bundle-markdown");
            assertThat(p.message()).contains("outage/index.md", "not rendered", "front matter", "dated name");
        });
        assertThat(l.file("outage/notes.md").reason()).contains("not rendered");
        assertThat(l.file("outage/_index.md").reason()).isEqualTo("not a postmortem: folder index page");
    }

    @Test
    void anUndatedIndexWithOnlyFilesBesideItIsStillTheBundlesIncident(@TempDir Path dir) {
        TempContent.Loaded l = new TempContent(dir)
                .file("cache-stampede/index.md", "# Cache stampede\n\nThe cache expired at once.\n")
                .file("cache-stampede/graph.png", "png")
                .load();
        assertThat(l.only().source()).isEqualTo("cache-stampede/index.md");
        assertThat(l.only().resources()).containsExactly("graph.png");
    }

    @Test
    void anIndexWithFrontMatterStaysAnIncidentBesideOtherPostmortems(@TempDir Path dir) {
        TempContent.Loaded l = new TempContent(dir)
                .file("postmortems/db/index.md", "---\ntitle: Database failover\n---\n\n# Database failover\n")
                .file("postmortems/db/2023-04-02-replica.md", YAML)
                .file("postmortems/index.md", "# All our postmortems\n")
                .file("pages/about.md", "# About\n")
                .load();
        assertThat(l.site().postmortems()).extracting(Postmortem::source)
                .containsExactlyInAnyOrder("postmortems/db/index.md", "postmortems/db/2023-04-02-replica.md");
        assertThat(l.file("postmortems/index.md").reason()).isEqualTo(BundleMarkdown.LANDING);
    }

    @Test
    void aLandingFolderInsideABundleGivesItsFilesToThatBundle(@TempDir Path dir) {
        TempContent.Loaded l = new TempContent(dir)
                .file("2023-06-01-outage/index.md", "# Outage\n\n![g](team/g.png)\n")
                .file("2023-06-01-outage/team/index.md", "# Team notes\n")
                .file("2023-06-01-outage/team/2023-06-02-aftershock.md", "# Aftershock\n")
                .file("2023-06-01-outage/team/g.png", "png")
                .load();
        assertThat(l.site().postmortems()).extracting(Postmortem::source).containsExactlyInAnyOrder(
                "2023-06-01-outage/index.md", "2023-06-01-outage/team/2023-06-02-aftershock.md");
        assertThat(l.site().postmortem("2023-06-01-outage").orElseThrow().resources()).containsExactly("team/g.png");
        assertThat(l.file("2023-06-01-outage/team/index.md").reason()).isEqualTo(BundleMarkdown.LANDING);
    }

    @Test
    void theVerdictNamesTheBundleAndSaysHowToPublish() {
        assertThat(BundleMarkdown.judge("b/open.md", "b/", () -> Optional.of("---\ntitle: never closed\n")).own())
                .as("a `---` block never closed is a header gone wrong, reported by the loader").isTrue();
        assertThat(BundleMarkdown.judge("b/2024-03-11-x.md", "b/", () -> {
            throw new AssertionError("a dated name is enough, without reading");
        }).own()).isTrue();
        BundleMarkdown.Verdict notes = BundleMarkdown.judge("b/notes.md", "b/", () -> Optional.of("plain words\n"));
        assertThat(notes.own()).isFalse();
        assertThat(notes.reason()).contains("b/index.md", "no front matter", "2024-03-11-name.md", ".txt");
        assertThat(BundleMarkdown.judge("b/binary.md", "b/", Optional::empty).reason()).contains("could not be read");
    }

    @Test
    void theWalkReadsOnlyWhatItMustDecideOnceAndKeepsItForTheLoader(@TempDir Path dir) {
        TempContent c = new TempContent(dir)
                .file("outage/index.md", "# Outage on 2023-01-01\n\nThe API was down.\n")
                .file("outage/notes.md", "plain notes\n")
                .file("outage/2023-01-02-later.md", YAML)
                .file("outage/own.md", YAML)
                .file("payments/index.md", "# Payments team postmortems\n")
                .file("payments/2023-04-02-checkout.md", YAML)
                .file("db/index.md", "# DB failover\n\n![lag](lag.png)\n")
                .file("db/lag.png", "png");
        ContentWalker.Listing listing = ContentWalker.walk(dir);
        assertThat(listing.read().keySet()).as("the index of a bundle without other postmortems, and dated names, are "
                + "decided without reading").containsExactlyInAnyOrder("outage/notes.md", "outage/own.md",
                "outage/index.md", "payments/index.md");
        assertThat(new String(listing.bytes("outage/own.md").orElseThrow(), StandardCharsets.UTF_8)).isEqualTo(YAML);
        TempContent.Loaded l = c.load();
        assertThat(l.file("outage/own.md").outcome()).isEqualTo(Outcome.RENDERED);
        assertThat(l.file("payments/index.md").reason()).isEqualTo(BundleMarkdown.LANDING);
        assertThat(l.file("outage/index.md").outcome()).as("a dated text makes it the bundle's postmortem")
                .isEqualTo(Outcome.RENDERED);
        assertThat(l.file("outage/notes.md").outcome()).isEqualTo(Outcome.RESOURCE);
    }
}
