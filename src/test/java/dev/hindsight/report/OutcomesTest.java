package dev.hindsight.report;

import dev.hindsight.model.ActionOutcome.Verdict;
import dev.hindsight.model.ActionType;
import dev.hindsight.model.Postmortem;
import dev.hindsight.model.PostmortemFixture;
import dev.hindsight.model.Site;

import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.hindsight.model.ActionStatus.DONE;
import static dev.hindsight.model.ActionStatus.OPEN;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The follow-through section's outcomes: done items per recorded outcome, and the items said to have helped whose
 * incident recurred after the fix (the earlier incident's items were all closed before the later one started).
 */
class OutcomesTest {
    private static final String EARLIER = "2024-02-10-api-pool";
    private static final String LATER = "2025-01-15-api-pool-again";

    private static Site site() {
        Postmortem earlier = PostmortemFixture.of(EARLIER).causalService("api").title("API pool exhaustion").severity("SEV1")
                .services("api").teams("core").causes("capacity").detection("alert")
                .times("2024-02-10T10:00:00Z", "2024-02-10T10:10:00Z", "2024-02-10T11:00:00Z")
                .item("Raise the pool limit with a load test", ActionType.PREVENT, "core", "2024-03-01", DONE, "2024-03-01")
                .outcome("helped — no exhaustion at the spring sale")
                .item("Alert on pool saturation", ActionType.DETECT, "core", "2024-03-15", DONE, "2024-04-20")
                .outcome("did-not-help — it paged after customers did")
                .item("Write the runbook", ActionType.PROCESS, "core", "2024-03-15", DONE, "2024-03-10").build();
        Postmortem later = PostmortemFixture.of(LATER).causalService("api").title("API pool exhaustion again").severity("SEV1")
                .services("api").teams("core").causes("capacity").detection("customer").recurrenceOf(EARLIER)
                .times("2025-01-15T09:00:00Z", "2025-01-15T09:20:00Z", "2025-01-15T11:00:00Z")
                .item("Cap connections per pod", ActionType.PREVENT, "core", "2025-02-15", DONE, "2025-02-01").outcome("helped")
                .item("Shed load early", ActionType.MITIGATE, "core", "2025-03-01", OPEN, null).build();
        return new Site(ReportFixture.config(), List.of(later, earlier), List.of(), List.of());
    }

    @Test
    void countsOutcomesAndFindsTheItemsThatHelpedYetRecurred() {
        ReportFactory factory = ReportFixture.factory(site(), ReportFixture.noSimilarity());
        ReportFacts facts = factory.facts(ReportScope.all());
        Outcomes.Facts o = facts.followThrough().outcomes();
        assertThat(o.of(Verdict.HELPED)).isEqualTo(2);
        assertThat(o.of(Verdict.DID_NOT_HELP)).isEqualTo(1);
        assertThat(o.of(Verdict.UNKNOWN)).isZero();
        assertThat(o.unrecorded()).as("the runbook is done without an outcome; the open item is not done").isEqualTo(1);
        // Only the earlier incident recurred after its fix: its "helped" item disagrees; the later one's does not.
        assertThat(o.disagree()).extracting(d -> d.slug() + ": " + d.item().title())
                .containsExactly(EARLIER + ": Raise the pool limit with a load test");

        Section s = factory.report(facts).section("follow-through").orElseThrow();
        Table counts = s.tables().stream().filter(t -> t.id().equals("action-item-outcomes")).findFirst().orElseThrow();
        assertThat(counts.cells("outcome")).extracting(Cell::text).containsExactly("Helped", "Did not help", "Unknown",
                "No outcome recorded");
        assertThat(counts.cells("items")).extracting(c -> (long) c.number()).containsExactly(2L, 1L, 0L, 1L);
        Table disagree = s.tables().stream().filter(t -> t.id().equals("helped-yet-recurred")).findFirst().orElseThrow();
        assertThat(disagree.cells("note")).extracting(Cell::text).containsExactly("no exhaustion at the spring sale");
        assertThat(disagree.cells("recurredIn")).extracting(Cell::value).containsExactly(LATER);
        // From the last closing (2024-04-20) to the recurrence (2025-01-15).
        assertThat(disagree.cells("daysAfterFix")).extracting(c -> (long) c.number()).containsExactly(270L);
        assertThat(s.notes()).anySatisfy(n -> assertThat(n.text()).contains("2 helped, 1 did not help")
                .contains("1 item said to have helped belongs to an incident that recurred after the fix"));

        Table fixed = factory.report(facts).section("after-fix").orElseThrow().tables().stream()
                .filter(t -> t.id().equals("recurred-after-fix-items")).findFirst().orElseThrow();
        assertThat(fixed.cells("outcome")).extracting(Cell::text).containsExactly(
                "Helped \u2014 no exhaustion at the spring sale", "Did not help \u2014 it paged after customers did", "\u2014");
    }
}
