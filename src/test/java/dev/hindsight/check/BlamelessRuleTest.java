package dev.hindsight.check;

import dev.hindsight.model.LintRule;
import dev.hindsight.model.Postmortem;
import dev.hindsight.model.Problem;
import dev.hindsight.model.Section;
import dev.hindsight.model.SectionKind;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.hindsight.check.Incidents.config;
import static dev.hindsight.check.Incidents.incident;
import static org.assertj.core.api.Assertions.assertThat;

class BlamelessRuleTest {
    private final BlamelessRule rule = new BlamelessRule(config().blameless());

    private List<Problem> check(String text) {
        Document d = new Document(incident("a").build(), SourceMap.of(text));
        return rule.check(d, Prose.of(d, false));
    }

    @Test
    void aPhraseFromSiteYmlIsAWarningWithItsSuggestionAndPlace() {
        String text = "---\ntitle: x\n---\n\n## Root cause\n\nThe outage was Human Error during the push.\n";
        assertThat(check(text)).singleElement().satisfies(p -> {
            assertThat(p.rule()).isEqualTo("blameless-language");
            assertThat(p.level()).isEqualTo(Problem.Level.WARNING);
            assertThat(p.message()).contains("\"Human Error\"").contains("Describe the conditions instead.");
            assertThat(p.line()).isEqualTo(7);
            assertThat(p.column()).isEqualTo("The outage was ".length() + 1);
        });
    }

    @Test
    void aFootnotesNoteIsProseButALinkReferenceDefinitionsTargetIsNot() {
        String text = "---\ntitle: x\n---\n\nThe push failed[^1].\n\n[^1]: Human error, said the first report.\n"
                + "[wiki]: /wiki/who-forgot\n";
        assertThat(check(text)).singleElement().satisfies(p -> {
            assertThat(p.message()).contains("\"Human error\"");
            assertThat(p.line()).isEqualTo(7);
            assertThat(p.column()).isEqualTo("[^1]: ".length() + 1);
        });
    }

    @Test
    void neutralTextPasses() {
        assertThat(check("---\ntitle: x\n---\n\nThe runbook did not include pausing the budget.\n")).isEmpty();
    }

    @Test
    void codeBlocksInlineCodeAndUrlsAreNotLinted() {
        String text = """
                ---
                title: x
                ---

                ```
                WARN job forgot lock
                ```
                Run `forgot --now` or see [the doc](https://example.org/forgot).
                """;
        assertThat(check(text)).isEmpty();
    }

    @Test
    void theTitleAndSummaryInFrontMatterAreLinted() {
        String text = "---\ntitle: Outage from human error\nseverity: SEV1\nsummary: >-\n  Someone forgot the flag.\n---\n";
        assertThat(check(text)).extracting(Problem::line).containsExactly(2, 5);
    }

    @Test
    void withoutSourceTextTheSectionTextIsLintedAtItsHeading() {
        Postmortem p = incident("a").sections(new Section(SectionKind.ROOT_CAUSE, "Root cause", "rc",
                "An engineer forgot the flag.", 12)).build();
        Document d = Document.of(p);
        assertThat(rule.check(d, Prose.of(d, false))).singleElement()
                .satisfies(x -> assertThat(x.line()).isEqualTo(12));
    }

    @Test
    void aBadPatternIsReportedNotThrown() {
        BlamelessRule bad = new BlamelessRule(List.of(new LintRule("(unclosed", "x")));
        assertThat(bad.setupProblems()).singleElement().satisfies(p -> assertThat(p.path()).isEqualTo("site.yml"));
    }

    @Test
    void theRequiredTextOfAPatternIsOnlyEverAShortcut() {
        assertThat(BlamelessRule.requiredText("human error")).isEqualTo("human error");
        assertThat(BlamelessRule.requiredText("\\bnegligen(t|ce)\\b")).isEqualTo("negligen");
        assertThat(BlamelessRule.requiredText("\\bobvious(ly)?\\b")).isEqualTo("obvious");
        assertThat(BlamelessRule.requiredText("Blamed?")).isEqualTo("blame");
        assertThat(BlamelessRule.requiredText("forgot|missed")).isEmpty();
        assertThat(BlamelessRule.requiredText("[Ff]ault")).isEmpty();
        BlamelessRule either = new BlamelessRule(List.of(new LintRule("careless|sloppy", "x")));
        Document d = new Document(incident("a").build(), SourceMap.of("---\ntitle: x\n---\n\nA SLOPPY change.\n"));
        assertThat(either.check(d, Prose.of(d, false))).hasSize(1);
    }
}
