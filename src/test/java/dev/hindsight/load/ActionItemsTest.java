package dev.hindsight.load;

import dev.hindsight.model.ActionItem;
import dev.hindsight.model.ActionStatus;
import dev.hindsight.model.ActionType;
import dev.hindsight.model.Postmortem;
import dev.hindsight.model.Problem;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ActionItemsTest {
    private static final String FILE = "postmortems/2024-03-11-x.md";

    @TempDir
    Path dir;

    private TempContent.Loaded load(String text) {
        return new TempContent(dir).file(FILE, text).load();
    }

    @Test
    void fieldsWrittenAfterAnItemWithoutParenthesesAreRead() {
        TempContent.Loaded l = load("""
                # X

                ## Action items

                1. Lower the lag alert threshold to 1k \u2014 owner: billing, due 2024-03-01
                2. Fail the deploy without credentials | Owner: @platform | Status: done
                3. Check the status: page wording with support
                4. Rotate keys - due: 2024-04-02; type: prevent
                5. Set a disruption budget for search @search-team by 2023-06-01
                6. Alert on cluster health \u2014 @sre, 2023-05-20
                7. Notify @support
                8. Backfill the rows lost on 2023-05-20
                9. Drain before upgrades; Owner @infra, Due by 2023-07-01
                10. INC-2232 Remove calls to retired endpoints \u2014 Done
                11. Contract test between the two services \u2014 To Do
                12. Keep the firewall port open
                13. We have improved our rollout safety checks (Completed).
                """);
        java.util.List<ActionItem> items = l.only().actionItems();
        assertThat(items).extracting(ActionItem::title).containsExactly("Lower the lag alert threshold to 1k",
                "Fail the deploy without credentials", "Check the status: page wording with support", "Rotate keys",
                "Set a disruption budget for search", "Alert on cluster health", "Notify @support",
                "Backfill the rows lost on 2023-05-20", "Drain before upgrades", "INC-2232 Remove calls to retired endpoints",
                "Contract test between the two services", "Keep the firewall port open",
                "We have improved our rollout safety checks");
        assertThat(items.get(0).owner()).contains("billing");
        assertThat(items.get(0).due()).contains(LocalDate.of(2024, 3, 1));
        assertThat(items.get(1).owner()).contains("@platform");
        assertThat(items.get(1).status()).isEqualTo(ActionStatus.DONE);
        assertThat(items.get(2).status()).isEqualTo(ActionStatus.UNKNOWN);
        assertThat(items.get(3).due()).contains(LocalDate.of(2024, 4, 2));
        assertThat(items.get(3).type()).isEqualTo(ActionType.PREVENT);
        assertThat(items.get(4).owner()).contains("@search-team");
        assertThat(items.get(4).due()).contains(LocalDate.of(2023, 6, 1));
        assertThat(items.get(5).owner()).contains("@sre");
        assertThat(items.get(5).due()).contains(LocalDate.of(2023, 5, 20));
        assertThat(items.get(6).owner()).isEmpty();
        assertThat(items.get(7).due()).isEmpty();
        assertThat(items.get(8).owner()).contains("@infra");
        assertThat(items.get(8).due()).contains(LocalDate.of(2023, 7, 1));
        assertThat(items.subList(9, 13)).extracting(ActionItem::status)
                .containsExactly(ActionStatus.DONE, ActionStatus.OPEN, ActionStatus.UNKNOWN, ActionStatus.DONE);
    }

    @Test
    void anItemPerSubsectionTakesItsTitleFromTheHeadingAndItsFieldsFromTheListBelow() {
        TempContent.Loaded l = load("""
                # X

                ## Action items

                ### AI-1: Reload secrets without a restart

                - Owner: @mail-team
                - Due: 2024-10-01
                - Status: In progress

                ### AI-2: Alert on mailer send failures

                - Owner: @sre
                - Status: Done

                ### Later

                - Move the mailer to the new queue (owner: @mail-team)
                """);
        java.util.List<ActionItem> items = l.only().actionItems();
        assertThat(items).extracting(ActionItem::title).containsExactly("AI-1: Reload secrets without a restart",
                "AI-2: Alert on mailer send failures", "Move the mailer to the new queue");
        assertThat(items.get(0).owner()).contains("@mail-team");
        assertThat(items.get(0).due()).contains(LocalDate.of(2024, 10, 1));
        assertThat(items).extracting(ActionItem::status)
                .containsExactly(ActionStatus.IN_PROGRESS, ActionStatus.DONE, ActionStatus.UNKNOWN);
    }

    @Test
    void withoutAnActionItemsSectionATaskListIsReadAsItsItemsWhateverItsHeading() {
        TempContent.Loaded l = load("""
                # X

                - Started: 2024-03-11 07:10 UTC

                ## What happened

                - The cart service leaked memory and restarted in a loop.

                ## Remediation

                - [ ] Enable heap dumps on OOM (owner: @cart, due: 2024-07-01)
                - [x] Roll back to 3.7
                """);
        assertThat(l.only().actionItems()).extracting(ActionItem::title)
                .containsExactly("Enable heap dumps on OOM", "Roll back to 3.7");
        assertThat(l.only().actionItems()).extracting(ActionItem::status).containsExactly(ActionStatus.OPEN, ActionStatus.DONE);
        // A plain list under such a heading is what was done during the incident, not items.
        TempContent.Loaded plain = new TempContent(dir.resolve("plain")).file(FILE, """
                # X

                ## Remediation

                - Rolled back to 3.7
                """).load();
        assertThat(plain.only().actionItems()).isEmpty();
    }

    @Test
    void aTableWithoutAStatusColumnTakesAStatusMarkedInACell() {
        TempContent.Loaded l = load("""
                # X

                ## Action Items

                | Action Item | Type | Owner | Bug |
                |---|---|---|---|
                | Update the playbook | mitigate | jdoe | n/a **DONE** |
                | Balance load between clusters | prevent | asmith | Bug 5554823 **TODO** |
                | Add a NEW dashboard | detect | sre | Bug 77 |
                """);
        assertThat(l.only().actionItems()).extracting(ActionItem::status)
                .containsExactly(ActionStatus.DONE, ActionStatus.OPEN, ActionStatus.UNKNOWN);
    }

    @Test
    void readsATableByItsHeaders() {
        TempContent.Loaded l = load("""
                # X

                ## Action Items

                | Status | Action | Owner | Due date | Type | Ticket |
                |---|---|---|---|---|---|
                | done | Add a load test | release-eng | 2024-04-15 | prevent | [REL-88](https://tracker.example/REL-88) |
                | in progress | Page on pool use | sre | 2024-05-01 | detect | |
                | bogus | Fix the due date | sre | next week | whatever | |
                """);
        Postmortem p = l.only();
        assertThat(p.actionItems()).extracting(ActionItem::title).containsExactly("Add a load test", "Page on pool use",
                "Fix the due date");
        ActionItem first = p.actionItems().get(0);
        assertThat(first.status()).isEqualTo(ActionStatus.DONE);
        assertThat(first.type()).isEqualTo(ActionType.PREVENT);
        assertThat(first.owner()).contains("release-eng");
        assertThat(first.due()).contains(LocalDate.of(2024, 4, 15));
        assertThat(first.link()).contains("https://tracker.example/REL-88");
        assertThat(first.line()).isEqualTo(7);
        assertThat(p.actionItems().get(1).status()).isEqualTo(ActionStatus.IN_PROGRESS);
        ActionItem bad = p.actionItems().get(2);
        assertThat(bad.status()).isEqualTo(ActionStatus.OPEN);
        assertThat(bad.due()).isEmpty();
        assertThat(bad.type()).isEqualTo(ActionType.OTHER);
        assertThat(l.problems(FILE, Problem.Level.WARNING)).extracting(Problem::line).containsExactly(9, 9, 9);
        assertThat(l.problems(FILE, Problem.Level.WARNING)).extracting(Problem::message)
                .anySatisfy(m -> assertThat(m).contains("next week"))
                .anySatisfy(m -> assertThat(m).contains("bogus"));
    }

    @Test
    void readsOwnerDeadlineAndStatusSubBulletsAsFieldsOfTheirItem() {
        Postmortem p = load("""
                # X

                ## Action Items

                - **Add alerting on pool saturation**
                  - **Owner:** payments
                  - **Deadline:** 2023-11-15
                  - **Status:** Completed
                - Raise the pool limit
                  - Owner: platform
                  - Due date: 2023-12-01
                  - Status: In progress
                  - Context: the limit was set in 2021
                """).only();
        assertThat(p.actionItems()).hasSize(2);
        assertThat(p.actionItems()).extracting(ActionItem::title)
                .containsExactly("Add alerting on pool saturation", "Raise the pool limit");
        assertThat(p.actionItems()).extracting(a -> a.owner().orElse("")).containsExactly("payments", "platform");
        assertThat(p.actionItems()).extracting(a -> a.due().map(Object::toString).orElse(""))
                .containsExactly("2023-11-15", "2023-12-01");
        assertThat(p.actionItems()).extracting(ActionItem::status).containsExactly(ActionStatus.DONE, ActionStatus.IN_PROGRESS);
    }

    @Test
    void readsATaskListWithInlineDetails() {
        Postmortem p = load("""
                # X

                ## Follow-ups

                - [x] Rotate the key (owner: security, due: 2024-05-01)
                - [ ] Add an expiry alert (owner: sre)
                - [ ] Document the runbook. Owner: @alice
                """).only();
        assertThat(p.actionItems()).extracting(ActionItem::title).containsExactly("Rotate the key",
                "Add an expiry alert", "Document the runbook.");
        assertThat(p.actionItems()).extracting(ActionItem::status).containsExactly(ActionStatus.DONE,
                ActionStatus.OPEN, ActionStatus.OPEN);
        assertThat(p.actionItems()).extracting(ActionItem::owner).containsExactly(Optional.of("security"),
                Optional.of("sre"), Optional.of("@alice"));
        assertThat(p.actionItems().get(0).due()).contains(LocalDate.of(2024, 5, 1));
    }

    @Test
    void aRemarksFieldWrittenWithoutItsColonIsReadWhenItsValueShowsWhatItIs() {
        Postmortem p = load("""
                # X

                ## Follow-ups

                - [ ] Add canary analysis (owner: @bob, due 2024-05-01)
                - [ ] Cap retries (owner: sre, due by 2024-06-01)
                - [ ] Fix the crash (owner: sre, due to a bug)
                """).only();
        assertThat(p.actionItems()).extracting(ActionItem::due).containsExactly(Optional.of(LocalDate.of(2024, 5, 1)),
                Optional.of(LocalDate.of(2024, 6, 1)), Optional.empty());
        assertThat(p.actionItems()).extracting(ActionItem::owner).containsOnly(Optional.of("@bob"), Optional.of("sre"));
    }

    @Test
    void readsPlainListsWithHintsFromTheirHeadings() {
        Postmortem p = load("""
                # X

                ## Corrective actions

                ### Immediate actions (completed)

                - Rolled back the release
                - ✅ Cleared the queue

                ### Long-term improvements

                - Split the read and write pools, see [PR](https://github.com/example/pr/1)
                  - with a sub-point that is detail, not an item
                - ~

                ## Lessons learned

                - Not an action item
                """).only();
        assertThat(p.actionItems()).extracting(ActionItem::title).containsExactly("Rolled back the release",
                "Cleared the queue", "Split the read and write pools, see PR", "~");
        assertThat(p.actionItems()).extracting(ActionItem::status).containsExactly(ActionStatus.DONE,
                ActionStatus.DONE, ActionStatus.UNKNOWN, ActionStatus.UNKNOWN);
        assertThat(p.actionItems()).extracting(ActionItem::type).containsExactly(ActionType.MITIGATE,
                ActionType.MITIGATE, ActionType.PREVENT, ActionType.PREVENT);
        assertThat(p.actionItems().get(2).link()).contains("https://github.com/example/pr/1");
    }

    @Test
    void aPlainBulletWithNoStatusHasAnUnknownStatus() {
        Postmortem p = load("""
                # X

                ## Follow-up

                - Add alerting on replication lag
                - Rotate the keys (status: done)
                - ✅ Raise the pool limit
                - [ ] Write the runbook
                - [x] Roll back the change
                - Move the cron job off the primary
                  - **Owner:** data
                  - **Status:** Completed
                - Split the read and write pools
                  - Owner: platform
                  - Deadline: 2023-12-01

                **Action item:** review the paging policy
                """).only();
        assertThat(p.actionItems()).extracting(ActionItem::title).containsExactly("Add alerting on replication lag",
                "Rotate the keys", "Raise the pool limit", "Write the runbook", "Roll back the change",
                "Move the cron job off the primary", "Split the read and write pools", "review the paging policy");
        assertThat(p.actionItems()).extracting(ActionItem::status).containsExactly(ActionStatus.UNKNOWN,
                ActionStatus.DONE, ActionStatus.DONE, ActionStatus.OPEN, ActionStatus.DONE, ActionStatus.DONE,
                ActionStatus.UNKNOWN, ActionStatus.UNKNOWN);
        assertThat(p.actionItems().get(5).owner()).contains("data");
        assertThat(p.actionItems().get(6).owner()).contains("platform");
        assertThat(p.actionItems().get(6).isOverdue(LocalDate.of(2030, 1, 1))).isFalse();
    }

    @Test
    void aHeadingOrAStatusColumnIsStatusEvidence() {
        Postmortem p = load("""
                # X

                ## Action items

                ### Action items (open)

                - Add a canary stage

                ### Follow-ups (in progress)

                - Move sessions to a cluster

                ### Actions (tracked)

                | Action | Owner | Status |
                |---|---|---|
                | Alert on evictions | identity | |
                | Cap keys per visitor | identity | wontfix |

                | Action | Owner |
                |---|---|
                | Share the send calendar | storefront |
                """).only();
        assertThat(p.actionItems()).extracting(ActionItem::status).containsExactly(ActionStatus.OPEN,
                ActionStatus.IN_PROGRESS, ActionStatus.UNKNOWN, ActionStatus.WONT_DO, ActionStatus.UNKNOWN);
    }

    @Test
    void aFrontMatterItemWithoutStatusIsOpenAsDocumented() {
        Postmortem p = load("""
                ---
                action_items:
                  - title: Alert on evictions
                  - Share the send calendar
                ---
                # X
                """).only();
        assertThat(p.actionItems()).extracting(ActionItem::status).containsExactly(ActionStatus.OPEN, ActionStatus.OPEN);
    }

    @Test
    void frontMatterItemsWinOverTheBody() {
        Postmortem p = load("""
                ---
                action_items:
                  - title: From front matter
                    type: detect
                    status: wont-do
                    link: javascript:alert(1)
                  - owner: nobody
                ---
                # X

                ## Action items

                - From the body
                """).only();
        assertThat(p.actionItems()).extracting(ActionItem::title).containsExactly("From front matter");
        assertThat(p.actionItems().get(0).status()).isEqualTo(ActionStatus.WONT_DO);
        assertThat(p.actionItems().get(0).link()).isEmpty();
    }

    @Test
    void badFrontMatterItemsAreErrorsWithTheirLines() {
        TempContent.Loaded l = load("""
                ---
                action_items:
                  - title: Fine
                  - owner: no title
                  - [not, a, map]
                  - title: Bad status
                    status: later
                ---
                # X
                """);
        assertThat(l.only().actionItems()).extracting(ActionItem::title).containsExactly("Fine", "Bad status");
        assertThat(l.problems(FILE, Problem.Level.ERROR)).extracting(Problem::line).containsExactly(4, 5, 7);
    }
}
