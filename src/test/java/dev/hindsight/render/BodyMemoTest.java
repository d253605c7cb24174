package dev.hindsight.render;

import dev.hindsight.model.CacheFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class BodyMemoTest {
    private static final String HTML = "<h2>Root cause</h2><p>Like <a href=\"2024-01-01-pool.md\">the pool outage</a>."
            + " <img src=\"graph.png\" alt=\"graph\"></p><table><tr><td>x</td></tr></table>"
            + "<p>The <a href=\"../logs/pool.log\">pool log</a>.</p>";

    /** What the body is made from, as the renderer gives its incident's whole digest. */
    private static final String BASIS = "digest-of-the-incident";

    @TempDir
    Path dir;

    /** A context whose answers a test sets, and which counts the questions. */
    private static final class Answers implements BodyRewriter.Context {
        final Map<String, String> links;
        final Map<String, String> files;
        final List<String> asked = new ArrayList<>();

        Answers(Map<String, String> links) {
            this(links, Map.of("../logs/pool.log", "files/pool.log"));
        }

        Answers(Map<String, String> links, Map<String, String> files) {
            this.links = links;
            this.files = files;
        }

        @Override
        public String root() {
            return "../../";
        }

        @Override
        public String source() {
            return "postmortems/2025-01-01-x.md";
        }

        @Override
        public Optional<String> linkTarget(String linkPath) {
            asked.add(linkPath);
            return Optional.ofNullable(links.get(linkPath));
        }

        @Override
        public Optional<String> image(String src) {
            asked.add(src);
            return Optional.of("files/" + src);
        }

        @Override
        public Optional<String> attachment(String linkPath) {
            asked.add("file " + linkPath);
            return Optional.ofNullable(files.get(linkPath));
        }
    }

    @Test
    void aKeptBodyIsUsedOnlyWhileItsQuestionsGetTheSameAnswers() {
        Answers first = new Answers(Map.of("2024-01-01-pool.md", "incidents/2024-01-01-pool/index.html"));
        RenderedBody made = new BodyMemo(CacheFolder.in(dir, "s")).rewrite(BASIS, HTML, "T", List.of(), first);
        assertThat(made).isEqualTo(BodyRewriter.rewrite(HTML, "T", List.of(), first));

        CacheFolder again = CacheFolder.in(dir, "s");
        Answers same = new Answers(first.links);
        assertThat(new BodyMemo(again).rewrite(BASIS, HTML, "T", List.of(), same)).isEqualTo(made);
        assertThat(again.hits()).as("kept").isEqualTo(1);
        assertThat(same.asked).as("every question asked again, the image and the linked file too")
                .containsExactly("2024-01-01-pool.md", "../logs/pool.log", "file ../logs/pool.log", "graph.png");
        assertThat(made.html()).contains("href=\"files/pool.log\"");

        CacheFolder gone = CacheFolder.in(dir, "s");
        Answers deleted = new Answers(first.links, Map.of());
        RenderedBody without = new BodyMemo(gone).rewrite(BASIS, HTML, "T", List.of(), deleted);
        assertThat(without.html()).as("the deleted file's link is left as written").contains("href=\"../logs/pool.log\"");
        assertThat(without).isEqualTo(BodyRewriter.rewrite(HTML, "T", List.of(), deleted));

        CacheFolder renamed = CacheFolder.in(dir, "s");
        Answers moved = new Answers(Map.of("2024-01-01-pool.md", "incidents/2024-01-01-pool-renamed/index.html"));
        RenderedBody now = new BodyMemo(renamed).rewrite(BASIS, HTML, "T", List.of(), moved);
        assertThat(now.html()).contains("incidents/2024-01-01-pool-renamed/index.html").doesNotContain("2024-01-01-pool/index.html");
        assertThat(now).isEqualTo(BodyRewriter.rewrite(HTML, "T", List.of(), moved));
    }

    @Test
    void aDamagedEntryIsMadeAgain() throws Exception {
        Answers answers = new Answers(Map.of());
        RenderedBody made = new BodyMemo(CacheFolder.in(dir, "s")).rewrite(BASIS, HTML, "T", List.of(), answers);
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().startsWith(".")).toList()) {
                byte[] b = Files.readAllBytes(f);
                if (b.length > 16) {
                    Files.write(f, java.util.Arrays.copyOf(b, b.length / 2));
                }
            }
        }
        assertThat(new BodyMemo(CacheFolder.in(dir, "s")).rewrite(BASIS, HTML, "T", List.of(), answers)).isEqualTo(made);
    }

    /** An entry is found under its basis alone: another basis (another incident, or this one edited) is rewritten. */
    @Test
    void anotherBasisIsAnotherEntry() {
        Answers answers = new Answers(Map.of());
        new BodyMemo(CacheFolder.in(dir, "s")).rewrite(BASIS, HTML, "T", List.of(), answers);
        CacheFolder again = CacheFolder.in(dir, "s");
        String edited = HTML.replace("Like", "Unlike");
        RenderedBody now = new BodyMemo(again).rewrite("digest-after-the-edit", edited, "T", List.of(), answers);
        assertThat(again.hits()).isZero();
        assertThat(now).isEqualTo(BodyRewriter.rewrite(edited, "T", List.of(), answers));
    }

    /** A body kept by a build that did not read it (its page came whole from the page cache) outlives the sweep. */
    @Test
    void aKeptEntryOutlivesTheSweep() throws Exception {
        Answers answers = new Answers(Map.of());
        CacheFolder made = CacheFolder.in(dir, "s");
        new BodyMemo(made).rewrite(BASIS, HTML, "T", List.of(), answers);
        made.collect();
        assertThat(entries()).hasSize(1);

        CacheFolder kept = CacheFolder.in(dir, "s");
        new BodyMemo(kept).keep(BASIS, answers.root(), answers.source());
        kept.collect();
        assertThat(entries()).as("kept without being read").hasSize(1);

        CacheFolder unused = CacheFolder.in(dir, "s");
        unused.collect();
        assertThat(entries()).as("swept by a build that neither read nor kept it").isEmpty();
    }

    private List<Path> entries() throws Exception {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().equals("STAMP"))
                    .filter(f -> !f.getFileName().toString().startsWith(".")).toList();
        }
    }
}
