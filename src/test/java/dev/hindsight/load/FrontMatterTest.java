package dev.hindsight.load;

import dev.hindsight.config.YamlNode;
import dev.hindsight.model.Problem;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FrontMatterTest {

    @Test
    void readsYamlBetweenWholeDashLines() {
        FrontMatter fm = FrontMatter.split("---\ntitle: X\ndate: 2024-03-11\n---\n# Body\n", "f.md");
        assertThat(fm.form()).isEqualTo(FrontMatter.Form.YAML);
        assertThat(fm.keys().orElseThrow().get("title").orElseThrow().text()).isEqualTo("X");
        assertThat(fm.keys().orElseThrow().entry("date").orElseThrow().line()).isEqualTo(3);
        assertThat(fm.body()).isEqualTo("# Body\n");
        assertThat(fm.bodyLine()).isEqualTo(5);
        assertThat(fm.problems()).isEmpty();
    }

    @Test
    void readsAJsonObjectAtTheTopAsHugoDoesAndAnythingElseStartingWithABraceIsBody() {
        FrontMatter fm = FrontMatter.split("{\n  \"title\": \"Queue backlog\",\n  \"tags\": [\"kafka\"]\n}\n\n## What happened\n",
                "f.md");
        assertThat(fm.form()).isEqualTo(FrontMatter.Form.JSON);
        assertThat(fm.keys().orElseThrow().get("title").orElseThrow().text()).isEqualTo("Queue backlog");
        assertThat(fm.keys().orElseThrow().get("tags").orElseThrow().line()).as("keys keep their file lines").isEqualTo(3);
        assertThat(fm.body()).isEqualTo("\n## What happened\n");
        assertThat(fm.bodyLine()).isEqualTo(5);
        assertThat(fm.problems()).isEmpty();
        for (String body : new String[] {"{{< note >}}\nA shortcode.\n}\n", "{\n[1, 2]\n}\nx\n", "{ not: closed\nbody\n"}) {
            FrontMatter none = FrontMatter.split(body, "f.md");
            assertThat(none.form()).as(body).isEqualTo(FrontMatter.Form.NONE);
            assertThat(none.body()).isEqualTo(body);
            assertThat(none.problems()).isEmpty();
        }
    }

    @Test
    void dashesInsideALineDoNotCloseTheFrontMatter() {
        FrontMatter fm = FrontMatter.split("---\ntitle: a --- b\nsummary: x---\n...\nbody\n", "f.md");
        assertThat(fm.keys().orElseThrow().get("title").orElseThrow().text()).isEqualTo("a --- b");
        assertThat(fm.body()).isEqualTo("body\n");
    }

    @Test
    void anUnclosedFrontMatterIsAnErrorAndTheWholeFileIsBody() {
        String text = "---\ntitle: X\n\n# Heading\n";
        FrontMatter fm = FrontMatter.split(text, "f.md");
        assertThat(fm.form()).isEqualTo(FrontMatter.Form.NONE);
        assertThat(fm.body()).isEqualTo(text);
        assertThat(fm.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(1);
            assertThat(p.isError()).isTrue();
            assertThat(p.message()).contains("never closed");
        });
    }

    @Test
    void aListOrScalarFrontMatterIsAnError() {
        FrontMatter list = FrontMatter.split("---\n- a\n- b\n---\nbody\n", "f.md");
        assertThat(list.keys()).isEmpty();
        assertThat(list.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(2);
            assertThat(p.message()).contains("a list");
        });
        FrontMatter scalar = FrontMatter.split("---\njust words\n---\nbody\n", "f.md");
        assertThat(scalar.problems()).singleElement().satisfies(p -> assertThat(p.message()).contains("text"));
        assertThat(scalar.body()).isEqualTo("body\n");
    }

    @Test
    void yamlErrorsPointAtTheFileLine() {
        FrontMatter fm = FrontMatter.split("---\ntitle: ok\ntags: [a, b\ndate: 2024-01-01\n---\nbody\n", "f.md");
        assertThat(fm.problems()).singleElement().satisfies(p -> {
            assertThat(p.rule()).isEqualTo("yaml-syntax");
            assertThat(p.line()).isBetween(3, 5);
        });
    }

    @Test
    void readsJBakeHeaders() {
        FrontMatter fm = FrontMatter.split("title=Checkout outage\ndate=2024-03-11\ntype=post\ntags=db, pool\n"
                + "status=published\n~~~~~~\n\n## Summary\n", "f.md");
        assertThat(fm.form()).isEqualTo(FrontMatter.Form.JBAKE);
        YamlNode.Mapping keys = fm.keys().orElseThrow();
        assertThat(keys.get("title").orElseThrow().text()).isEqualTo("Checkout outage");
        assertThat(keys.entry("tags").orElseThrow().line()).isEqualTo(4);
        assertThat(fm.body()).isEqualTo("\n## Summary\n");
        assertThat(fm.bodyLine()).isEqualTo(7);
    }

    @Test
    void tildesAfterProseAreNotAHeader() {
        FrontMatter fm = FrontMatter.split("Some prose = with equals\nmore prose\n~~~~~~\ncode\n~~~~~~\n", "f.md");
        assertThat(fm.form()).isEqualTo(FrontMatter.Form.NONE);
        assertThat(fm.bodyLine()).isEqualTo(1);
    }

    @Test
    void noHeaderMeansAllBody() {
        FrontMatter fm = FrontMatter.split("# Title\n\ntext\n", "f.md");
        assertThat(fm.form()).isEqualTo(FrontMatter.Form.NONE);
        assertThat(fm.keys()).isEmpty();
        assertThat(fm.problems()).isEmpty();
    }

    @Test
    void anEmptyFrontMatterHasNoKeys() {
        FrontMatter fm = FrontMatter.split("---\n---\nbody\n", "f.md");
        assertThat(fm.form()).isEqualTo(FrontMatter.Form.YAML);
        assertThat(fm.keys()).isEmpty();
        assertThat(fm.problems()).extracting(Problem::message).isEmpty();
        assertThat(fm.bodyLine()).isEqualTo(3);
    }
}
