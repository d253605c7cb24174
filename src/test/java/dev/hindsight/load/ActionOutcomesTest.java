package dev.hindsight.load;

import dev.hindsight.model.ActionItem;
import dev.hindsight.model.ActionOutcome;
import dev.hindsight.model.ActionOutcome.Verdict;
import dev.hindsight.model.Problem;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** An action item's {@code outcome}, read from front matter (a line or a map), a table column and a task list. */
class ActionOutcomesTest {
    private static final String FILE = "postmortems/2024-03-11-x.md";

    @TempDir
    Path dir;

    private TempContent.Loaded load(String text) {
        return new TempContent(dir).file(FILE, text).load();
    }

    private static List<Optional<ActionOutcome>> outcomes(TempContent.Loaded l) {
        return l.only().actionItems().stream().map(ActionItem::outcome).toList();
    }

    @Test
    void readsALineOrAMapInFrontMatter() {
        TempContent.Loaded l = load("""
                ---
                title: X
                action_items:
                  - title: Put a pooler in front
                    status: done
                    outcome: helped — no pool exhaustion since, even at the sale
                  - title: Load test
                    status: done
                    outcome:
                      result: Did-Not-Help
                      note: The test never ran the export.
                  - title: Runbook
                    status: done
                    outcome: unknown
                  - title: Dashboard
                    status: done
                  - title: Alerts
                    status: done
                    outcome: it was great
                ---
                Body.
                """);
        assertThat(outcomes(l)).containsExactly(
                Optional.of(new ActionOutcome(Verdict.HELPED, Optional.of("no pool exhaustion since, even at the sale"))),
                Optional.of(new ActionOutcome(Verdict.DID_NOT_HELP, Optional.of("The test never ran the export."))),
                Optional.of(new ActionOutcome(Verdict.UNKNOWN, Optional.empty())), Optional.empty(), Optional.empty());
        assertThat(l.problems(FILE, Problem.Level.WARNING)).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("outcome").contains("helped, did-not-help or unknown"))
                .satisfies(p -> assertThat(p.line()).isEqualTo(19));
    }

    @Test
    void readsAnOutcomeColumnOfATable() {
        TempContent.Loaded l = load("""
                # X

                ## Action Items

                | Action | Status | Outcome |
                |---|---|---|
                | Failover provider | done | helped: the next outage failed over in 40 s |
                | Status feed | done | didn't help |
                | Receipts | done | |
                """);
        assertThat(outcomes(l)).containsExactly(
                Optional.of(new ActionOutcome(Verdict.HELPED, Optional.of("the next outage failed over in 40 s"))),
                Optional.of(new ActionOutcome(Verdict.DID_NOT_HELP, Optional.empty())), Optional.empty());
    }

    @Test
    void readsAnOutcomeInATaskListRemarkOrSubBullet() {
        TempContent.Loaded l = load("""
                # X

                ## Action Items

                - [x] Create sessions lazily (owner: identity, outcome: helped — keys fell by two thirds, memory at 41%)
                - [x] Switch eviction policy
                  - Owner: identity
                  - Outcome: did-not-help, evictions moved to other keys
                - [ ] Move to a cluster (owner: identity, due: 2022-09-30)
                """);
        assertThat(l.only().actionItems()).extracting(ActionItem::title)
                .containsExactly("Create sessions lazily", "Switch eviction policy", "Move to a cluster");
        assertThat(l.only().actionItems().get(0).owner()).contains("identity");
        assertThat(outcomes(l)).containsExactly(
                Optional.of(new ActionOutcome(Verdict.HELPED, Optional.of("keys fell by two thirds, memory at 41%"))),
                Optional.of(new ActionOutcome(Verdict.DID_NOT_HELP, Optional.of("evictions moved to other keys"))),
                Optional.empty());
        assertThat(l.only().actionItems().get(2).due()).isPresent();
    }

    @Test
    void theVerdictMustComeFirst() {
        assertThat(ActionOutcome.parse("helpedless")).isEmpty();
        assertThat(ActionOutcome.parse("maybe helped")).isEmpty();
        assertThat(ActionOutcome.parse("Helped")).contains(new ActionOutcome(Verdict.HELPED, Optional.empty()));
        assertThat(ActionOutcome.parse("did not help; too narrow").map(ActionOutcome::text)).contains("did-not-help \u2014 too narrow");
        assertThat(ActionOutcome.Verdict.parse("did_not_help")).contains(Verdict.DID_NOT_HELP);
        assertThat(ActionOutcome.Verdict.parse("helped a lot")).isEmpty();
    }
}
