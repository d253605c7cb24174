package dev.hindsight.model;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ContentLinksTest {
    private static final SiteConfig CONFIG = new SiteConfig("Test", "", "/", "en", ZoneOffset.UTC, List.of(), List.of(),
            List.of(), List.of(), Map.of(), List.of(), List.of(), LocalDate.of(2026, 1, 15), List.of(), KeyAliases.BUILT_IN);

    private final ContentLinks links = new ContentLinks(new Site(CONFIG,
            List.of(PostmortemFixture.of("2023-01-02-db").source("2023/2023-01-02-db.md").build(),
                    PostmortemFixture.of("a-b").source("2023/a b.md").build(),
                    PostmortemFixture.of("outage").source("c/outage/index.md").build(),
                    PostmortemFixture.of("gateway").source("teams/x/gateway.md").build(),
                    PostmortemFixture.of("gateway-2").source("teams/y/gateway.md").build()),
            List.of(new Page("about", "pages/about.md", "About", 0, "", "")),
            List.of(new SourceFile("README.md", SourceFile.Outcome.SKIPPED, "not a postmortem: repository file"),
                    new SourceFile("teams/index.md", SourceFile.Outcome.SKIPPED, "not a postmortem: folder index page"),
                    new SourceFile("2024/2024-05-01-draft.md", SourceFile.Outcome.SKIPPED, SourceFile.DRAFT),
                    new SourceFile("2024/2024-05-02-broken.md", SourceFile.Outcome.FAILED, "binary file"),
                    new SourceFile("c/outage/chat.md", SourceFile.Outcome.RESOURCE, "Markdown in the bundle"),
                    new SourceFile("c/outage/graph.png", SourceFile.Outcome.RESOURCE, ""))));

    private ContentLinks.Target from(String source, String link) {
        return links.resolve(source, link);
    }

    @Test
    void markdownLinksLeadToPagesByPathFromTheFileOrTheContentFolderOrByAName() {
        assertThat(from("2023/2023-01-02-db.md", "a b.md").page()).contains("incidents/a-b/");
        assertThat(from("2023/2023-01-02-db.md", "a%20b.md").page()).contains("incidents/a-b/");
        assertThat(from("c/outage/index.md", "../2023/2023-01-02-DB.md").page()).contains("incidents/2023-01-02-db/");
        assertThat(from("c/outage/index.md", "/pages/about.md").page()).contains("about/");
        assertThat(from("teams/x/gateway.md", "../../2023-01-02-db.md").page()).as("a path off by a folder: by its name")
                .contains("incidents/2023-01-02-db/");
        assertThat(from("2023/2023-01-02-db.md", "outage.md").page()).as("a bundle by its folder's name")
                .contains("incidents/outage/");
    }

    @Test
    void aBundlesFolderLeadsToItsIncident() {
        for (String link : List.of("../c/outage/", "../c/outage", "../c/outage/index.md", "/c/outage/", "../C/Outage")) {
            assertThat(from("2023/2023-01-02-db.md", link).page()).as(link).contains("incidents/outage/");
        }
        assertThat(from("2023/2023-01-02-db.md", "../c/").kind()).as("a folder that is no bundle")
                .isEqualTo(ContentLinks.Kind.NOT_CONTENT);
        assertThat(from("2023/2023-01-02-db.md", "../../incidents/x/").kind()).isEqualTo(ContentLinks.Kind.NOT_CONTENT);
    }

    @Test
    void aLinkToAnotherFileOfTheContentFolderLeadsToThatFileAndAMissingOneSaysWhere() {
        assertThat(from("c/outage/index.md", "graph.png").file()).contains("c/outage/graph.png");
        assertThat(from("2023/2023-01-02-db.md", "../c/outage/Graph.png").file()).as("from another folder, in any case")
                .contains("c/outage/graph.png");
        assertThat(from("2023/2023-01-02-db.md", "/c/outage/graph.png").file()).as("from the content folder")
                .contains("c/outage/graph.png");
        ContentLinks.Target gone = from("2023/2023-01-02-db.md", "../logs/gone.log");
        assertThat(gone.kind()).isEqualTo(ContentLinks.Kind.NO_FILE);
        assertThat(gone.detail()).isEqualTo("logs/gone.log");
        assertThat(gone.file()).isEmpty();
        assertThat(gone.sitePath()).as("not in a bundle's folder").isEmpty();
        assertThat(from("2023/2023-01-02-db.md", "../c/outage/gone.pdf").sitePath()).as("in the outage bundle's folder")
                .isEqualTo("incidents/outage/");
        assertThat(from("2023/2023-01-02-db.md", "../c/outage/chat.md").kind()).as("Markdown kept in a bundle is not a file to copy")
                .isNotEqualTo(ContentLinks.Kind.FILE);
        assertThat(from("2023/2023-01-02-db.md", "x/index.html").kind()).as("a page of the built site, not a file")
                .isEqualTo(ContentLinks.Kind.NOT_CONTENT);
        assertThat(from("2023/2023-01-02-db.md", "../../feed.xml").kind()).as("above the content folder")
                .isEqualTo(ContentLinks.Kind.NOT_CONTENT);
    }

    @Test
    void markdownTheSiteDoesNotPublishSaysWhichFileAndWhy() {
        ContentLinks.Target readme = from("2023/2023-01-02-db.md", "../README.md");
        assertThat(readme.kind()).isEqualTo(ContentLinks.Kind.UNPUBLISHED);
        assertThat(readme.detail()).isEqualTo("README.md");
        assertThat(readme.reason()).isEqualTo("not a postmortem: repository file");
        assertThat(from("teams/x/gateway.md", "..").kind()).as("a folder whose index is a landing page")
                .isEqualTo(ContentLinks.Kind.UNPUBLISHED);
        assertThat(from("2023/2023-01-02-db.md", "../../README.md").kind()).isEqualTo(ContentLinks.Kind.OUTSIDE);
        assertThat(from("README.md", "../CHANGELOG.md").kind()).isEqualTo(ContentLinks.Kind.OUTSIDE);
    }

    @Test
    void draftsFailedFilesAndABundlesFilesAreNotReportedAgain() {
        assertThat(from("2023/2023-01-02-db.md", "../2024/2024-05-01-draft.md").kind()).isEqualTo(ContentLinks.Kind.QUIET);
        assertThat(from("2023/2023-01-02-db.md", "2024-05-01-draft.md").kind()).as("by name")
                .isEqualTo(ContentLinks.Kind.QUIET);
        assertThat(from("2023/2023-01-02-db.md", "../2024/2024-05-02-broken.md").kind()).isEqualTo(ContentLinks.Kind.QUIET);
        assertThat(from("c/outage/index.md", "chat.md").kind()).isEqualTo(ContentLinks.Kind.QUIET);
    }

    @Test
    void aNameSeveralPagesHaveOrNoneHasLeadsNowhere() {
        ContentLinks.Target gateway = from("2023/2023-01-02-db.md", "gateway.md");
        assertThat(gateway.kind()).isEqualTo(ContentLinks.Kind.AMBIGUOUS);
        assertThat(gateway.detail()).isEqualTo("2");
        assertThat(from("teams/x/gateway.md", "gateway.md").page()).as("by path first").contains("incidents/gateway/");
        assertThat(from("2023/2023-01-02-db.md", "nothing.md").kind()).isEqualTo(ContentLinks.Kind.MISSING);
    }

    @Test
    void percentEscapesAreDecodedAsUtf8() {
        assertThat(ContentLinks.decode("a%20b%C3%A9.md")).isEqualTo("a b\u00e9.md");
        assertThat(ContentLinks.decode("100%")).isEqualTo("100%");
        assertThat(ContentLinks.decode("\uD83D\uDD25.md")).isEqualTo("\uD83D\uDD25.md");
    }

    @Test
    void aFileIsKnownByItsNameOrItsBundlesFolder() {
        assertThat(ContentLinks.stem("2023/x.md")).isEqualTo("x");
        assertThat(ContentLinks.stem("c/outage/index.md")).isEqualTo("outage");
        assertThat(ContentLinks.stem("c/outage/_index.markdown")).isEqualTo("outage");
        assertThat(ContentLinks.stem("index.md")).isEqualTo("index");
        assertThat(ContentLinks.stem("2023/Outage.MD")).isEqualTo("Outage");
        assertThat(ContentLinks.stem("c\\outage\\INDEX.Markdown")).isEqualTo("outage");
        assertThat(ContentLinks.stem("notes.mdx")).isEqualTo("notes.mdx");
        assertThat(ContentLinks.stem("a.md.txt")).isEqualTo("a.md.txt");
    }
}
