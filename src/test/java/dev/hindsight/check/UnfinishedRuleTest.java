package dev.hindsight.check;

import dev.hindsight.model.Problem;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.hindsight.check.Incidents.incident;
import static org.assertj.core.api.Assertions.assertThat;

class UnfinishedRuleTest {

    private static List<Problem> check(String text) {
        Document d = new Document(incident("a").build(), SourceMap.of(text));
        return UnfinishedRule.check(d, Prose.of(d, true));
    }

    @Test
    void todoPromptsInBodyAndFrontMatterAreWarnings() {
        String text = "---\ntitle: x\naction_items:\n  - title: Fix\n    owner: TODO\n---\n\n## Summary\n\nTODO: what happened. TBD\n";
        List<Problem> problems = check(text);
        assertThat(problems).extracting(Problem::rule).containsOnly("unfinished-text");
        assertThat(problems).extracting(Problem::line).containsExactly(5, 10);
        assertThat(problems.get(1).column()).isEqualTo(1);
        assertThat(problems.get(1).message()).contains("TODO: what happened");
    }

    @Test
    void aTodoThatIsAnActionItemsStatusIsNoGapButOneInItsTextIs() {
        String text = "## Action items\n\n| Action | Owner | Bug |\n|---|---|---|\n| Fix the pool | sre | Bug 12 **TODO** |\n"
                + "| Add an alert | sre | TODO |\n\n- Status: TODO\n- TODO: write the rest\n";
        Document d = new Document(incident("a").sections(java.util.List.of(new dev.hindsight.model.Section(
                dev.hindsight.model.SectionKind.ACTION_ITEMS, "Action items", "action-items", "", 1))).build(), SourceMap.of(text));
        List<Problem> problems = UnfinishedRule.check(d, Prose.of(d, true));
        assertThat(problems).extracting(Problem::line).containsExactly(9);
        // The same marks outside the action items are gaps.
        assertThat(check("## Summary\n\n| a | b |\n|---|---|\n| x | **TODO** |\n")).extracting(Problem::line).containsExactly(5);
    }

    @Test
    void finishedTextAndCodePass() {
        String text = "---\ntitle: x\n---\n\nThe todo list app and `TODO` in code are fine.\n\n```\n# TODO in a script\n```\n";
        assertThat(check(text)).isEmpty();
    }
}
