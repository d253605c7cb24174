package dev.hindsight.config;

import dev.hindsight.model.Problem;
import dev.hindsight.model.Result;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class YamlReaderTest {
    private final YamlReader reader = new YamlReader();

    private Result<Optional<YamlNode>> read(String yaml) {
        return reader.read(yaml, "f.md", 2);
    }

    @Test
    void readsMapsListsAndScalarsWithFileLines() {
        Result<Optional<YamlNode>> r = read("title: x\ntags:\n  - a\n  - b\n");
        assertThat(r.problems()).isEmpty();
        YamlNode.Mapping m = (YamlNode.Mapping) r.value().orElseThrow();
        assertThat(m.entry("title").orElseThrow().line()).isEqualTo(2);
        YamlNode.Sequence tags = (YamlNode.Sequence) m.get("tags").orElseThrow();
        assertThat(tags.items()).extracting(YamlNode::text).containsExactly("a", "b");
        assertThat(tags.items().get(1).line()).isEqualTo(5);
    }

    @Test
    void datesStayTextInYaml12() {
        YamlNode.Mapping m = (YamlNode.Mapping) read("date: 2024-03-11\nstarted: 09:02\n").value().orElseThrow();
        assertThat(m.get("date").orElseThrow()).isEqualTo(new YamlNode.Scalar("2024-03-11", true, 2));
        assertThat(m.get("started").orElseThrow().text()).isEqualTo("09:02");
    }

    @Test
    void syntaxErrorsPointAtTheFileLine() {
        Result<Optional<YamlNode>> r = read("title: x\nsummary: \"unclosed\n");
        assertThat(r.value()).isEmpty();
        assertThat(r.problems()).singleElement().satisfies(p -> {
            assertThat(p.rule()).isEqualTo("yaml-syntax");
            assertThat(p.line()).isBetween(3, 4);
        });
    }

    @Test
    void anAliasBombIsRefused() {
        StringBuilder yaml = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        char prev = 'a';
        for (char c = 'b'; c <= 'j'; c++) {
            yaml.append(c).append(": &").append(c).append(" [");
            for (int i = 0; i < 9; i++) {
                yaml.append(i == 0 ? "" : ",").append('*').append(prev);
            }
            yaml.append("]\n");
            prev = c;
        }
        Result<Optional<YamlNode>> r = read(yaml.toString());
        assertThat(r.value()).isEmpty();
        assertThat(r.problems()).singleElement().satisfies(p -> {
            assertThat(p.rule()).isEqualTo("yaml-limit");
            assertThat(p.isError()).isTrue();
        });
    }

    @Test
    void aFewAliasesAreFine() {
        Result<Optional<YamlNode>> r = read("base: &b [x, y]\ncopy: *b\n");
        assertThat(r.problems()).isEmpty();
        assertThat(((YamlNode.Mapping) r.value().orElseThrow()).get("copy").orElseThrow().text()).isEqualTo("[x, y]");
    }

    @Test
    void aTenThousandItemListIsRead() {
        StringBuilder yaml = new StringBuilder("tags:\n");
        for (int i = 0; i < 10_000; i++) {
            yaml.append("  - t").append(i).append('\n');
        }
        Result<Optional<YamlNode>> r = read(yaml.toString());
        assertThat(r.problems()).isEmpty();
        YamlNode.Sequence tags = (YamlNode.Sequence) ((YamlNode.Mapping) r.value().orElseThrow()).get("tags").orElseThrow();
        assertThat(tags.items()).hasSize(10_000);
    }

    @Test
    void deepNestingIsRefusedWithoutAStackOverflow() {
        String yaml = "x: " + "[".repeat(10_000) + "]".repeat(10_000) + "\n";
        Result<Optional<YamlNode>> r = read(yaml);
        assertThat(r.value()).isEmpty();
        assertThat(r.problems()).extracting(Problem::rule).contains("yaml-limit");
    }

    @Test
    void duplicateAndNonTextKeysAreErrors() {
        Result<Optional<YamlNode>> r = read("a: 1\na: 2\n[x]: 3\n");
        YamlNode.Mapping m = (YamlNode.Mapping) r.value().orElseThrow();
        assertThat(m.get("a").orElseThrow().text()).isEqualTo("1");
        assertThat(r.problems()).extracting(Problem::line).containsExactly(3, 4);
    }

    @Test
    void onlyTheFirstDocumentIsRead() {
        Result<Optional<YamlNode>> r = read("a: 1\n---\nb: 2\n");
        assertThat(((YamlNode.Mapping) r.value().orElseThrow()).entries()).hasSize(1);
        assertThat(r.problems()).singleElement().satisfies(p -> assertThat(p.level()).isEqualTo(Problem.Level.WARNING));
    }

    @Test
    void anEmptyDocumentIsEmpty() {
        assertThat(read("").value()).isEmpty();
        assertThat(read("# only a comment\n").problems()).isEmpty();
    }
}
