package dev.hindsight.check;

import dev.hindsight.model.ActionStatus;
import dev.hindsight.model.Problem;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static dev.hindsight.check.Incidents.incident;
import static dev.hindsight.check.Incidents.item;
import static org.assertj.core.api.Assertions.assertThat;

class ActionItemRuleTest {
    private static final LocalDate DUE = LocalDate.of(2024, 4, 1);

    @Test
    void anItemWithoutOwnerIsAWarningOnItsLine() {
        Document d = Document.of(incident("a").actionItems(item("Add a load-test gate", null, DUE, ActionStatus.OPEN, 31))
                .build());
        assertThat(ActionItemRule.check(d)).singleElement().satisfies(p -> {
            assertThat(p.rule()).isEqualTo("action-item-owner");
            assertThat(p.level()).isEqualTo(Problem.Level.WARNING);
            assertThat(p.line()).isEqualTo(31);
            assertThat(p.message()).contains("Add a load-test gate");
        });
    }

    @Test
    void anOpenItemWithoutDueDateIsAWarning() {
        Document d = Document.of(incident("a").actionItems(item("Alert on pool usage", "payments", null,
                ActionStatus.IN_PROGRESS, 0)).build());
        assertThat(ActionItemRule.check(d)).extracting(Problem::rule).containsExactly("action-item-due");
    }

    @Test
    void completeItemsPass() {
        Document d = Document.of(incident("a").actionItems(
                item("Alert on pool usage", "payments", DUE, ActionStatus.OPEN, 0),
                item("Done without due date", "payments", null, ActionStatus.DONE, 0),
                item("Dropped", null, null, ActionStatus.WONT_DO, 0)).build());
        assertThat(ActionItemRule.check(d)).isEmpty();
    }

    @Test
    void anItemOfUnknownStatusNeedsAnOwnerButIsNotAskedForADueDate() {
        Document d = Document.of(incident("a").actionItems(
                item("Historical follow-up", null, null, ActionStatus.UNKNOWN, 12),
                item("Owned historical follow-up", "payments", null, ActionStatus.UNKNOWN, 13)).build());
        assertThat(ActionItemRule.check(d)).extracting(Problem::rule, Problem::line)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("action-item-owner", 12));
    }

    @Test
    void anOutcomeOnAnItemThatIsNotDoneIsAWarningOnItsLine() {
        dev.hindsight.model.ActionOutcome helped = dev.hindsight.model.ActionOutcome.parse("helped — fewer pages").orElseThrow();
        Document d = Document.of(incident("a").actionItems(
                item("Still open", "payments", DUE, ActionStatus.OPEN, 20).withOutcome(java.util.Optional.of(helped)),
                item("Dropped", "payments", null, ActionStatus.WONT_DO, 21).withOutcome(java.util.Optional.of(helped)),
                item("Done", "payments", null, ActionStatus.DONE, 22).withOutcome(java.util.Optional.of(helped))).build());
        assertThat(ActionItemRule.check(d)).extracting(Problem::rule, Problem::line, Problem::level).containsExactly(
                org.assertj.core.groups.Tuple.tuple("outcome-not-done", 20, Problem.Level.WARNING),
                org.assertj.core.groups.Tuple.tuple("outcome-not-done", 21, Problem.Level.WARNING));
        assertThat(ActionItemRule.check(d).get(1).message()).contains("\"Dropped\"").contains("wont-do");
    }
}
