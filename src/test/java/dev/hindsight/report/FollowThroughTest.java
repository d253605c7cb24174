package dev.hindsight.report;

import dev.hindsight.model.ActionType;
import dev.hindsight.model.Postmortem;
import dev.hindsight.model.PostmortemFixture;
import dev.hindsight.model.Site;

import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.hindsight.model.ActionStatus.DONE;
import static dev.hindsight.model.ActionStatus.OPEN;
import static dev.hindsight.model.ActionStatus.UNKNOWN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Action items whose status nobody recorded are neither open nor closed in the follow-through section. */
class FollowThroughTest {
    /** One 2025 incident with one done, one open and overdue, and two items of unknown status (one long past due). */
    private static Site site() {
        Postmortem p = PostmortemFixture.of("2025-02-01-api-pool").title("API pool exhaustion").severity("SEV2")
                .services("api").teams("core").causes("capacity").detection("alert")
                .times("2025-02-01T10:00:00Z", "2025-02-01T11:00:00Z", null)
                .item("Cap connections per pod", ActionType.PREVENT, "core", "2025-03-01", DONE, "2025-03-01")
                .item("Alert on pool saturation", ActionType.DETECT, "core", "2025-03-01", OPEN, null)
                .item("Move the cron job off the primary", ActionType.PREVENT, null, "2025-02-15", UNKNOWN, null)
                .item("Document the pool sizing", ActionType.MITIGATE, null, null, UNKNOWN, null).build();
        return new Site(ReportFixture.config(), List.of(p), List.of(), List.of());
    }

    @Test
    void itemsOfUnknownStatusAreCountedApartAndNeverOpenOrOverdue() {
        ReportFactory factory = ReportFixture.factory(site(), ReportFixture.noSimilarity());
        ReportFacts facts = factory.facts(ReportScope.of(2025));
        FollowThrough.Facts f = facts.followThrough();
        assertThat(f.total()).isEqualTo(4);
        assertThat(f.unrecorded()).isEqualTo(2);
        assertThat(f.done()).isEqualTo(1);
        assertThat(f.open()).isEqualTo(1);
        assertThat(f.overdue()).isEqualTo(1);
        assertThat(f.openItems()).extracting(o -> o.item().title()).containsExactly("Alert on pool saturation");
        assertThat(f.byOwner()).extracting(FollowThrough.OpenGroup::id).containsExactly("core");
        // prevent: one done within its 56 days, one unrecorded; mitigate: one unrecorded; detect (30 days): open past it.
        assertThat(f.slo()).extracting(FollowThrough.SloRow::type, FollowThrough.SloRow::items, FollowThrough.SloRow::within,
                        FollowThrough.SloRow::openPast, FollowThrough.SloRow::unrecorded)
                .containsExactly(tuple(ActionType.MITIGATE, 1, 0, 0, 1), tuple(ActionType.PREVENT, 2, 1, 0, 1),
                        tuple(ActionType.DETECT, 1, 0, 1, 0));
        assertThat(f.sloDecided()).isEqualTo(2);
        // January 2025 is before the incident; at the end of February the done item (closed 1 March) is still open.
        assertThat(f.openByMonth()).extracting(FollowThrough.MonthCount::open)
                .containsExactly(0, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1);
        assertThat(f.undatedClosures()).isZero();

        Section s = factory.report(facts).section("follow-through").orElseThrow();
        // Completion is of every action item, the one count the report uses: 1 of 4.
        assertThat(s.figure("actionItems").orElseThrow().value()).isEqualTo("4");
        assertThat(s.figure("completion").orElseThrow().value()).isEqualTo("25%");
        assertThat(s.figure("open").orElseThrow().detail()).contains("2 status not recorded");
        assertThat(s.notes()).anySatisfy(n -> assertThat(n.text()).startsWith("2 action items have no recorded status"));
    }
}
