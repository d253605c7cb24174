package dev.hindsight.render;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RelativeLinksTest {

    @Test
    void rootClimbsOneLevelPerFolder() {
        assertThat(RelativeLinks.root("index.html")).isEmpty();
        assertThat(RelativeLinks.root("feed.xml")).isEmpty();
        assertThat(RelativeLinks.root("incidents/index.html")).isEqualTo("../");
        assertThat(RelativeLinks.root("incidents/2024-x/index.html")).isEqualTo("../../");
        assertThat(RelativeLinks.root("reports/2025/q1/index.html")).isEqualTo("../../../");
    }

    @Test
    void pagePathIsTheFolderOfAnIndexFile() {
        assertThat(RelativeLinks.pagePath("index.html")).isEmpty();
        assertThat(RelativeLinks.pagePath("incidents/x/index.html")).isEqualTo("incidents/x/");
        assertThat(RelativeLinks.pagePath("404.html")).isEqualTo("404.html");
    }

    @Test
    void hrefAddsIndexHtmlToFoldersAndKeepsFragments() {
        assertThat(RelativeLinks.href("../../", "incidents/x/")).isEqualTo("../../incidents/x/index.html");
        assertThat(RelativeLinks.href("", "")).isEqualTo("index.html");
        assertThat(RelativeLinks.href("../", "/causes/")).isEqualTo("../causes/index.html");
        assertThat(RelativeLinks.href("../", "incidents/x/#timeline")).isEqualTo("../incidents/x/index.html#timeline");
        assertThat(RelativeLinks.href("../", "feed.xml")).isEqualTo("../feed.xml");
        assertThat(RelativeLinks.href("../", "search/?q=dns")).isEqualTo("../search/index.html?q=dns");
    }

    @Test
    void absoluteUrlsJoinTheBaseWithOneSlash() {
        assertThat(RelativeLinks.absolute("https://x.org/kb/", "incidents/a/")).isEqualTo("https://x.org/kb/incidents/a/");
        assertThat(RelativeLinks.absolute("https://x.org/kb", "/feed.xml")).isEqualTo("https://x.org/kb/feed.xml");
        assertThat(RelativeLinks.absolute("/", "feed.xml")).isEqualTo("/feed.xml");
    }

    @Test
    void basePathIsThePathPartOfTheBaseUrl() {
        assertThat(RelativeLinks.isAbsolute("https://x.org/kb/")).isTrue();
        assertThat(RelativeLinks.isAbsolute("/kb/")).isFalse();
        assertThat(RelativeLinks.basePath("https://x.org/kb")).isEqualTo("/kb/");
        assertThat(RelativeLinks.basePath("https://x.org")).isEqualTo("/");
        assertThat(RelativeLinks.basePath("/")).isEqualTo("/");
        assertThat(RelativeLinks.basePath("docs")).isEqualTo("/docs/");
    }
}
