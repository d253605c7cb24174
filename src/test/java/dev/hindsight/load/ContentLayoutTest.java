package dev.hindsight.load;

import dev.hindsight.config.SiteConfigLoader;
import dev.hindsight.model.Page;
import dev.hindsight.model.Postmortem;
import dev.hindsight.model.Problem;
import dev.hindsight.model.Result;
import dev.hindsight.model.Site;
import dev.hindsight.model.SiteConfig;
import dev.hindsight.model.SourceFile;
import dev.hindsight.model.SourceFile.Outcome;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/** The two content layouts, on the loader-mixed fixture and on an "any folder of Markdown" folder. */
class ContentLayoutTest {
    private static final Path FIXTURE = Path.of(System.getProperty("hindsight.project.dir", "."))
            .resolve("src/test/resources/sites/loader-mixed");

    private static Result<Site> loadFixture(boolean drafts) {
        Result<SiteConfig> config = new SiteConfigLoader().load(FIXTURE, LocalDate.of(2025, 6, 1));
        assertThat(config.problems()).isEmpty();
        return new ContentLoader().load(FIXTURE, config.value(), drafts);
    }

    private static Map<String, String> outcomes(Site site) {
        Map<String, String> out = new TreeMap<>();
        for (SourceFile f : site.files()) {
            out.put(f.path(), f.outcome() + (f.reason().isEmpty() ? "" : ": " + f.reason()));
        }
        return out;
    }

    @Test
    void theStructuredLayoutAccountsForEveryFile() {
        Result<Site> r = loadFixture(false);
        assertThat(outcomes(r.value())).containsExactlyEntriesOf(new TreeMap<>(Map.ofEntries(
                Map.entry("img/logo.png", "RESOURCE"),
                Map.entry("notes/ideas.md", "SKIPPED: Markdown outside postmortems/ and pages/ is not loaded"),
                Map.entry("pages/about.md", "RENDERED"),
                Map.entry("pages/search.md", "FAILED: page slug 'search' is reserved for the site's own pages: rename the file or set `slug:`"),
                Map.entry("pages/start-here.md", "RENDERED"),
                Map.entry("postmortems/2022-01-05-plain.md", "RENDERED"),
                Map.entry("postmortems/2023-05-01-jbake.md", "RENDERED"),
                Map.entry("postmortems/2024-03-11-yaml.md", "RENDERED"),
                Map.entry("postmortems/2024-07-01-bundle/data/metrics.csv", "RESOURCE"),
                Map.entry("postmortems/2024-07-01-bundle/diagram.svg", "RESOURCE"),
                Map.entry("postmortems/2024-07-01-bundle/index.md", "RENDERED"),
                Map.entry("postmortems/2025-03-01-draft.md", "SKIPPED: draft: build with --drafts"),
                Map.entry("postmortems/README.md", "SKIPPED: not a postmortem: repository file"),
                Map.entry("postmortems/notes.rst", "SKIPPED: not Markdown: .rst files are not read; convert it to Markdown to publish it"),
                Map.entry("postmortems/template.md", "SKIPPED: template: not a postmortem (its name says template)"),
                Map.entry("site.yml", "SKIPPED: site settings: read as configuration"))));
        assertThat(r.problems()).filteredOn(Problem::isError).singleElement()
                .satisfies(p -> assertThat(p.path()).isEqualTo("pages/search.md"));
    }

    @Test
    void incidentsAreSortedNewestFirstWithTheirBundleResources() {
        Site site = loadFixture(false).value();
        assertThat(site.postmortems()).extracting(Postmortem::slug).containsExactly("2024-07-01-bundle",
                "2024-03-11-yaml", "2023-05-01-jbake", "2022-01-05-plain");
        Postmortem bundle = site.postmortems().get(0);
        assertThat(bundle.source()).isEqualTo("postmortems/2024-07-01-bundle/index.md");
        assertThat(bundle.date()).contains(LocalDate.of(2024, 7, 1));
        assertThat(bundle.resources()).containsExactly("data/metrics.csv", "diagram.svg");
        assertThat(bundle.bodyHtml()).contains("src=\"diagram.svg\"");
        Postmortem yaml = site.postmortem("2024-03-11-yaml").orElseThrow();
        assertThat(yaml.severity()).contains("SEV1");
        assertThat(yaml.timeline()).first().satisfies(e ->
                assertThat(e.at()).contains(java.time.Instant.parse("2024-03-11T11:02:00Z")));
    }

    @Test
    void pagesAreSortedByWeightThenTitle() {
        Site site = loadFixture(false).value();
        assertThat(site.pages()).extracting(Page::slug).containsExactly("start-here", "about");
        assertThat(site.pages()).extracting(Page::title).containsExactly("Start here", "About this site");
        assertThat(site.pages().get(1).bodyHtml()).doesNotContain("<h1");
    }

    @Test
    void draftsAreLoadedWhenAskedFor() {
        Site site = loadFixture(true).value();
        assertThat(site.postmortems()).extracting(Postmortem::slug).contains("2025-03-01-draft");
    }

    @Test
    void twoLoadsGiveEqualSites() {
        assertThat(loadFixture(false)).isEqualTo(loadFixture(false));
    }

    @Test
    void anyFolderOfMarkdownIsIncidentsWithRepositoryFilesAndTemplatesSkipped(@TempDir Path dir) {
        TempContent.Loaded l = new TempContent(dir)
                .file("PM2021-001 - Logs not shipped.md", "# Logs not shipped\n\n## Timeline\n\n| Time | Event |\n|---|---|\n| 2021-01-05 10:25 | x |\n")
                .file("PM2022-009 - No extension", "# Bad AMI\n\n## Summary\n\nOn 2022-10-31 nodes failed.\n")
                .file("PMyyyy-nnn - Postmortem template.md", "# Incident Title\n")
                .file("investigations/template.md", "# Incident title - DD/MM/YYYY\n")
                .file("investigations/2024-02-28-decide is down.md", "Flags went down.\n")
                .file("LICENSE", "MIT License\n\nPermission is hereby granted")
                .file("CHANGELOG", "# Changes\n")
                .file("PROVENANCE.md", "Copied from somewhere.\n")
                .file("index.md", "---\ntitle: Incident Log\n---\n\n# Incident Log\n")
                .file("index.rst", "Postmortems\n===========\n")
                .file("images/graph.png", "png")
                .file("notes", "plain words without any structure")
                .file("deploy", "#!/bin/sh\n# Deploy the site\n# Usage: deploy ENV\nset -e\n- not a list\n- either\n")
                .load();
        assertThat(l.site().postmortems()).extracting(Postmortem::title).containsExactly("Decide is down", "Bad AMI",
                "Logs not shipped");
        assertThat(l.file("PM2022-009 - No extension").outcome()).isEqualTo(Outcome.RENDERED);
        assertThat(l.problems("PM2022-009 - No extension")).singleElement().satisfies(p -> assertThat(p).contains("no .md extension"));
        assertThat(l.file("PMyyyy-nnn - Postmortem template.md").reason()).startsWith("template");
        assertThat(l.file("investigations/template.md").reason()).startsWith("template");
        assertThat(l.file("LICENSE").reason()).isEqualTo("not a postmortem: repository file");
        assertThat(l.file("CHANGELOG").reason()).isEqualTo("not a postmortem: repository file");
        assertThat(l.file("PROVENANCE.md").reason()).isEqualTo("not a postmortem: repository file");
        assertThat(l.file("index.md").reason()).isEqualTo("not a postmortem: folder index page");
        assertThat(l.file("index.rst").reason()).startsWith("not Markdown");
        assertThat(l.file("images/graph.png").outcome()).isEqualTo(Outcome.RESOURCE);
        assertThat(l.file("notes").reason()).isEqualTo("no file extension and no Markdown structure");
        assertThat(l.file("deploy").reason()).as("a script's # comments are not headings")
                .isEqualTo("no file extension and starts with #! (a script)");
        assertThat(l.site().files()).hasSize(13);
        assertThat(l.problems()).noneMatch(Problem::isError);
    }

    @Test
    void aSettingsFileTheSiteDoesNotReadIsSkippedWithAWarningNotCopied(@TempDir Path dir) {
        TempContent.Loaded l = new TempContent(dir)
                .file("site.yml", "title: Top settings\n")
                .file("sub/site.yml", "title: [never closed\n")
                .file("sub/2023-04-04-db.md", "# DB outage\n\nThe primary failed.\n")
                .file("2023-05-01-bundle/index.md", "# Bundle outage\n")
                .file("2023-05-01-bundle/Site.YML", "title: In a bundle\n")
                .file("site.yaml", "title: Other spelling\n")
                .load();
        assertThat(l.site().config().title()).isEqualTo("Top settings");
        assertThat(l.file("site.yml").outcome()).isEqualTo(Outcome.SKIPPED);
        assertThat(l.problems("site.yml")).isEmpty();
        for (String path : List.of("sub/site.yml", "2023-05-01-bundle/Site.YML", "site.yaml")) {
            assertThat(l.file(path).outcome()).as(path).isEqualTo(Outcome.SKIPPED);
            assertThat(l.file(path).reason()).as(path).contains("read only from site.yml at the top of the content folder",
                    "not read and not published");
            assertThat(l.problems(path)).as(path).singleElement().asString().startsWith(path + ":1: warning: ")
                    .endsWith("[site-settings]");
        }
        assertThat(l.file("sub/site.yml").reason()).endsWith("move its settings there, or delete it");
        assertThat(l.file("site.yaml").reason()).endsWith("rename it to site.yml");
        assertThat(l.site().postmortem("2023-05-01-bundle")).hasValueSatisfying(p -> assertThat(p.resources()).isEmpty());
        assertThat(l.problems()).noneMatch(Problem::isError);
    }

    @Test
    void aMissingContentFolderIsAnError(@TempDir Path dir) {
        Result<SiteConfig> config = new SiteConfigLoader().load(dir.resolve("nope"), LocalDate.of(2025, 6, 1));
        Result<Site> r = new ContentLoader().load(dir.resolve("nope"), config.value(), false);
        assertThat(r.value().files()).isEmpty();
        assertThat(r.problems()).singleElement().satisfies(p -> assertThat(p.isError()).isTrue());
    }
}
