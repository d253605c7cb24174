package dev.hindsight.publish;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MemorySiteTest {

    @Test
    void aCommitHandsOverTheWholeSiteAndNothingBefore() throws IOException {
        List<SiteFiles> published = new ArrayList<>();
        try (Target site = Publisher.memory(published::add).open(Path.of("ignored"))) {
            site.write("index.html", "<p>home</p>");
            site.write("incidents/a-b/index.html", "<p>a</p>");
            assertThat(published).as("nothing is served before the commit").isEmpty();
            assertThat(site.count()).isEqualTo(2);
            site.commit();
            assertThatThrownBy(() -> site.write("late.html", "x")).isInstanceOf(IOException.class);
        }
        SiteFiles files = published.get(0);
        assertThat(files.paths()).containsExactly("incidents/a-b/index.html", "index.html");
        assertThat(files.isFolder("incidents")).isTrue();
        assertThat(files.isFolder("incidents/a-b")).isTrue();
        assertThat(files.isFolder("incidents/a")).as("a prefix of a folder's name is not the folder").isFalse();
        assertThat(files.isFolder("index.html")).isFalse();
        assertThat(files.file("incidents/a-b/index.html")).hasValueSatisfying(b -> assertThat(new String(b)).isEqualTo("<p>a</p>"));
    }

    @Test
    void itRefusesWhatAStagingFolderRefuses() throws IOException {
        List<SiteFiles> published = new ArrayList<>();
        try (Target site = Publisher.memory(published::add).open(Path.of("ignored"))) {
            site.write("a.html", "1");
            assertThatThrownBy(() -> site.write("a.html", "2")).hasMessageContaining("same path");
            for (String bad : List.of("../x.html", "/etc/passwd", "a//b.html", "a/./b.html", "a\\..\\b.html", "")) {
                assertThatThrownBy(() -> site.write(bad, "x")).as(bad).isInstanceOf(IllegalArgumentException.class);
            }
        }
        assertThat(published).as("closed without a commit: nothing is served").isEmpty();
    }
}
