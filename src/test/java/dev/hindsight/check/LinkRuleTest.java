package dev.hindsight.check;

import dev.hindsight.model.Postmortem;
import dev.hindsight.model.Problem;
import dev.hindsight.model.Site;
import dev.hindsight.model.SourceFile;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.hindsight.check.Incidents.config;
import static dev.hindsight.check.Incidents.incident;
import static dev.hindsight.check.Incidents.page;
import static org.assertj.core.api.Assertions.assertThat;

class LinkRuleTest {
    private final Postmortem target = incident("2023-11-02-orders-db-failover")
            .source("postmortems/2023/2023-11-02-orders-db-failover.md").build();
    private final Postmortem self = incident("2024-03-11-checkout-pool").source("postmortems/2024-03-11-checkout-pool.md")
            .build();
    private final KnownContent known = new KnownContent(new Site(config(), List.of(target, self),
            List.of(page("start-here", "")), List.of()));

    private List<Problem> links(String html, String text) {
        return LinkRule.check(self.source(), self.url(), html, SourceMap.of(text), known);
    }

    @Test
    void aLinkToAMissingIncidentIsAnErrorAtItsPlace() {
        String text = "---\ntitle: x\n---\n\n## Summary\n\nSee [the failover](/incidents/2023-11-02-orders-db-failovr/).\n";
        List<Problem> problems = links("<p>See <a href=\"/incidents/2023-11-02-orders-db-failovr/\">the failover</a>.</p>", text);
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.rule()).isEqualTo("broken-link");
            assertThat(p.isError()).isTrue();
            assertThat(p.message()).contains("2023-11-02-orders-db-failovr");
            assertThat(p.line()).isEqualTo(7);
            assertThat(p.column()).isEqualTo("See [the failover](".length() + 1);
        });
    }

    @Test
    void workingInternalLinksPass() {
        String html = String.join("\n",
                "<a href=\"/incidents/2023-11-02-orders-db-failover/\">a</a>",
                "<a href=\"../2023-11-02-orders-db-failover/\">relative to the page</a>",
                "<a href=\"2023/2023-11-02-orders-db-failover.md#timeline\">path relative to the file</a>",
                "<a href=\"2023-11-02-orders-db-failover.md\">by file name</a>",
                "<a href=\"/start-here/\">page</a>",
                "<a href=\"https://kb.example/incidents/2023-11-02-orders-db-failover/\">base url</a>",
                "<a href=\"/causes/capacity/\">taxonomy</a>",
                "<a href=\"/\">home</a>",
                "<a href=\"#timeline\">fragment</a>",
                "<a href=\"https://example.org/x.md\">external</a>",
                "<a href=\"mailto:oncall@example.org\">mail</a>");
        assertThat(links(html, "")).isEmpty();
    }

    @Test
    void footnoteLinksAreNotBroken() {
        String html = "<p>Failed over<sup id=\"fnref-1\"><a class=\"footnote-ref\" href=\"#fn-1\">1</a></sup>.</p>"
                + "<div class=\"footnotes\"><hr /><ol><li id=\"fn-1\"><p>Automatic.</p>"
                + "<a href=\"#fnref-1\" class=\"footnote-backref\">&#8617;</a></li></ol></div>";
        assertThat(links(html, "Failed over[^1].\n\n[^1]: Automatic.\n")).isEmpty();
    }

    @Test
    void aMissingMarkdownFileIsBroken() {
        List<Problem> problems = links("<a href=\"../2022/2022-01-01-nothing.md\">x</a>", "");
        assertThat(problems).singleElement().satisfies(p -> assertThat(p.message()).contains("no content file"));
    }

    @Test
    void aRelativeLinkToAMissingIncidentIsBroken() {
        assertThat(links("<a href=\"../2099-01-01-nothing/\">x</a>", "")).extracting(Problem::rule)
                .containsExactly("broken-link");
    }

    @Test
    void aLinkToAMissingTopLevelPageIsBroken() {
        assertThat(links("<a href=\"/strat-here/\">x</a>", "")).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("/strat-here/"));
    }

    @Test
    void anAbsoluteLinkUnderTheBaseUrlIsChecked() {
        assertThat(links("<a href=\"https://kb.example/incidents/nope/\">x</a>", "")).hasSize(1);
    }

    /** A site with a bundle, a README the site skips, a draft left out and a bundle's notes kept as its file. */
    private final KnownContent bundles = new KnownContent(new Site(config(), List.of(self,
            incident("outage").source("postmortems/c/outage/index.md").build()), List.of(), List.of(
            new SourceFile("README.md", SourceFile.Outcome.SKIPPED, "not a postmortem: repository file"),
            new SourceFile("postmortems/template.md", SourceFile.Outcome.SKIPPED, "template: not a postmortem"),
            new SourceFile("postmortems/2024-05-01-draft.md", SourceFile.Outcome.SKIPPED, SourceFile.DRAFT),
            new SourceFile("postmortems/c/outage/notes.md", SourceFile.Outcome.RESOURCE, "Markdown in the bundle"))));

    private List<Problem> bundleLinks(String html) {
        return LinkRule.check(self.source(), self.url(), html, SourceMap.none(), bundles);
    }

    @Test
    void aLinkToABundlesFolderLeadsToItsIncidentWithOrWithoutSlashOrIndex() {
        assertThat(bundleLinks("<a href=\"c/outage/\">a</a> <a href=\"c/outage\">b</a> <a href=\"c/outage/index.md\">c</a>"
                + " <a href=\"./c/Outage/#impact\">d</a> <a href=\"/postmortems/c/outage/\">e</a>")).isEmpty();
    }

    @Test
    void aLinkToMarkdownTheSiteDoesNotPublishSaysWhy() {
        assertThat(bundleLinks("<a href=\"../README.md\">readme</a>")).singleElement().satisfies(p -> {
            assertThat(p.rule()).isEqualTo("broken-link");
            assertThat(p.message()).isEqualTo("broken link `../README.md`: `README.md` is not published (not a "
                    + "postmortem: repository file); link to it with a full URL instead (on the git host, say)");
        });
        assertThat(bundleLinks("<a href=\"template.md\">t</a>")).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("`postmortems/template.md` is not published (template"));
    }

    @Test
    void aLinkOutOfTheContentFolderSaysSo() {
        assertThat(bundleLinks("<a href=\"../../README.md\">repo readme</a>")).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("leads outside the content folder"));
    }

    @Test
    void draftsAndABundlesOwnFilesAreNotReportedAgain() {
        assertThat(bundleLinks("<a href=\"2024-05-01-draft.md\">a</a> <a href=\"c/outage/notes.md\">b</a>")).isEmpty();
    }

    @Test
    void aFolderThatIsNoBundleIsReadAsASitePath() {
        assertThat(bundleLinks("<a href=\"../c/\">c</a>")).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("no incident has the slug `c`"));
    }

    @Test
    void escapedAmpersandsInHrefsAreDecoded() {
        assertThat(LinkRule.unescape("/a?b=1&amp;c=2&#x27;")).isEqualTo("/a?b=1&c=2'");
    }

    @Test
    void pagesAreCheckedRelativeToTheirOwnUrl() {
        List<Problem> ok = LinkRule.check("pages/start-here.md", "/start-here/",
                "<a href=\"../incidents/2023-11-02-orders-db-failover/\">x</a>", SourceMap.none(), known);
        List<Problem> bad = LinkRule.check("pages/start-here.md", "/start-here/",
                "<a href=\"../incidents/missing/\">x</a>", SourceMap.none(), known);
        assertThat(ok).isEmpty();
        assertThat(bad).singleElement().satisfies(p -> assertThat(p.path()).isEqualTo("pages/start-here.md"));
    }
}
