package dev.hindsight.check;

import dev.hindsight.model.Problem;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.hindsight.check.Incidents.config;
import static dev.hindsight.check.Incidents.incident;
import static org.assertj.core.api.Assertions.assertThat;

class VocabularyRuleTest {

    @Test
    void unknownSeverityIsAnErrorWithDidYouMean() {
        String text = "---\ntitle: x\nseverity: SEV01\n---\n";
        Document d = new Document(incident("a").severity("SEV01").build(), SourceMap.of(text));
        List<Problem> problems = VocabularyRule.check(d, config());
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.rule()).isEqualTo("unknown-severity");
            assertThat(p.level()).isEqualTo(Problem.Level.ERROR);
            assertThat(p.message()).contains("`SEV01`").contains("did you mean `SEV1`");
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.column()).isEqualTo(11);
        });
    }

    @Test
    void knownIdsPass() {
        assertThat(VocabularyRule.check(Document.of(incident("a").build()), config())).isEmpty();
    }

    @Test
    void unknownCausePointsAtTheValueInAFlowList() {
        String text = "---\ntitle: x\ncauses: [capacity, confg-change]\n---\n";
        Document d = new Document(incident("a").causes("capacity", "confg-change").build(), SourceMap.of(text));
        assertThat(VocabularyRule.check(d, config())).singleElement().satisfies(p -> {
            assertThat(p.rule()).isEqualTo("unknown-cause");
            assertThat(p.message()).contains("did you mean `config-change`");
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.column()).isEqualTo("causes: [capacity, ".length() + 1);
        });
    }

    @Test
    void unknownServiceInABlockListAndUnknownTeam() {
        String text = "---\nservices:\n  - checkout-api\n  - checkout\nteams: [payment]\n---\n";
        Document d = new Document(incident("a").services("checkout-api", "checkout").teams("payment").build(),
                SourceMap.of(text));
        List<Problem> problems = VocabularyRule.check(d, config());
        assertThat(problems).extracting(Problem::rule).containsExactly("unknown-service", "unknown-team");
        assertThat(problems.get(0).message()).contains("did you mean `checkout-api`");
        assertThat(problems.get(0).line()).isEqualTo(4);
        assertThat(problems.get(1).message()).contains("did you mean `payments`");
        assertThat(problems.get(1).line()).isEqualTo(5);
    }

    @Test
    void anUnrelatedIdListsTheVocabularyInstead() {
        Document d = Document.of(incident("a").causes("cosmic-rays").build());
        assertThat(VocabularyRule.check(d, config())).singleElement().satisfies(p ->
                assertThat(p.message()).doesNotContain("did you mean").contains("capacity, config-change, dns"));
    }

    @Test
    void anEmptyVocabularyAcceptsAnything() {
        Document d = Document.of(incident("a").severity("P0").causes("anything").services("x").teams("y").build());
        assertThat(VocabularyRule.check(d, Incidents.openConfig())).isEmpty();
    }
}
