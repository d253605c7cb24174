package dev.hindsight.render;

import dev.hindsight.model.Problem;
import dev.hindsight.render.SampleSite.MemoryWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The names under which the files a page shows or links (images, attachments) are copied next to it. */
class PageResourcesTest {
    private static final String PAGE = "incidents/two-graphs/";

    @TempDir
    Path content;

    private void file(String path, String text) throws IOException {
        Path p = content.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    private PageResources resources(MemoryWriter out) throws IOException {
        file("pm/two-graphs.md", "# Two graphs\n\n![before](../a/graph.png)\n\n![after](../b/graph.png)\n");
        return new PageResources(content, "pm/two-graphs.md", List.of(), PAGE, out);
    }

    private static String hash(String source) {
        return Fingerprint.of(source.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void twoFilesWithOneNameGetTwoNamesTheFirstKeepingIts() throws IOException {
        file("a/graph.png", "before");
        file("b/graph.png", "after");
        MemoryWriter out = new MemoryWriter();
        PageResources res = resources(out);

        assertThat(res.file("a/graph.png", "../a/graph.png")).contains("files/graph.png");
        assertThat(res.file("b/graph.png", "../b/graph.png")).contains("files/graph-" + hash("b/graph.png") + ".png");
        assertThat(res.problems()).isEmpty();
        assertThat(out.text(PAGE + "files/graph.png")).isEqualTo("before");
        assertThat(out.text(PAGE + "files/graph-" + hash("b/graph.png") + ".png")).isEqualTo("after");
        assertThat(out.files).hasSize(2);
    }

    @Test
    void theNamesAreTheSameOnEveryBuild() throws IOException {
        file("a/graph.png", "before");
        file("b/graph.png", "after");
        List<Optional<String>> first = answers(new MemoryWriter());
        assertThat(answers(new MemoryWriter())).isEqualTo(first).doesNotHaveDuplicates();
    }

    private List<Optional<String>> answers(MemoryWriter out) throws IOException {
        PageResources res = resources(out);
        return List.of(res.file("a/graph.png", "../a/graph.png"), res.file("b/graph.png", "../b/graph.png"));
    }

    @Test
    void oneFileReferencedTwiceIsCopiedOnceAndBothReferencesPointToIt() throws IOException {
        file("a/graph.png", "before");
        MemoryWriter out = new MemoryWriter();
        PageResources res = resources(out);

        assertThat(res.file("a/graph.png", "../a/graph.png")).contains("files/graph.png");
        assertThat(res.file("a/graph.png", "../a/./graph.png")).contains("files/graph.png");
        assertThat(res.file("a/graph.png", "/a/graph.png")).contains("files/graph.png");
        assertThat(res.problems()).isEmpty();
        assertThat(out.files.keySet()).containsExactly(PAGE + "files/graph.png");
    }

    @Test
    void namesThatDifferOnlyInCaseDoNotMeet() throws IOException {
        file("a/graph.png", "lower");
        file("c/Graph.png", "upper");
        MemoryWriter out = new MemoryWriter();
        PageResources res = resources(out);

        assertThat(res.file("a/graph.png", "../a/graph.png")).contains("files/graph.png");
        assertThat(res.file("c/Graph.png", "../c/Graph.png")).contains("files/Graph-" + hash("c/Graph.png") + ".png");
        assertThat(out.text(PAGE + "files/Graph-" + hash("c/Graph.png") + ".png")).isEqualTo("upper");
        assertThat(out.files.keySet().stream().map(k -> k.toLowerCase(java.util.Locale.ROOT)).distinct()).hasSize(2);
    }

    @Test
    void anImageBesideTheSourceThatWouldLandOnATakenNameGetsItsOwn() throws IOException {
        file("a/graph.png", "root");
        file("pm/files/graph.png", "beside");
        MemoryWriter out = new MemoryWriter();
        PageResources res = resources(out);

        assertThat(res.file("a/graph.png", "/a/graph.png")).contains("files/graph.png");
        assertThat(res.file("pm/files/graph.png", "files/graph.png")).contains("files/graph-" + hash("pm/files/graph.png") + ".png");
        assertThat(res.file("pm/files/graph.png", "files/graph.png?v=2")).contains("files/graph-" + hash("pm/files/graph.png") + ".png");
        assertThat(out.text(PAGE + "files/graph-" + hash("pm/files/graph.png") + ".png")).isEqualTo("beside");
    }

    @Test
    void aSuffixGoesBeforeTheExtension() {
        assertThat(PageResources.suffixed("files/graph.png", "1a2b3c4d")).isEqualTo("files/graph-1a2b3c4d.png");
        assertThat(PageResources.suffixed("files/v1.2/graph", "x")).isEqualTo("files/v1.2/graph-x");
        assertThat(PageResources.suffixed("files/.png", "x")).isEqualTo("files/.png-x");
    }

    @Test
    void aCopyThatFailsIsAnErrorAtTheLineOfTheImage() throws IOException {
        file("a/graph.png", "before");
        file("pm/two-graphs.md", "# Two graphs\n\n![before](../a/graph.png)\n");
        PageResources res = new PageResources(content, "pm/two-graphs.md", List.of(), PAGE, (path, bytes) -> {
            throw new IOException("disk full");
        });

        assertThat(res.file("a/graph.png", "../a/graph.png")).isEmpty();
        assertThat(res.problems()).singleElement().satisfies(p -> {
            assertThat(p.isError()).isTrue();
            assertThat(p.path()).isEqualTo("pm/two-graphs.md");
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.message()).contains("a/graph.png").contains("disk full");
        });
        assertThat(res.problems()).extracting(Problem::rule).containsExactly("resource");
    }
}
