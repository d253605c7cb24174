package dev.hindsight.analyze;

import dev.hindsight.model.ActionStatus;
import dev.hindsight.model.ActionType;
import dev.hindsight.model.KeyAliases;
import dev.hindsight.model.Postmortem;
import dev.hindsight.model.PostmortemFixture;
import dev.hindsight.model.Site;
import dev.hindsight.model.SiteConfig;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The "how is this going?" facts of one term, computed from the analysis of a small site. */
class TermStatusTest {
    private static final LocalDate TODAY = LocalDate.of(2025, 6, 1);

    private static TermStatus status(int lastYear, Postmortem... incidents) {
        Site site = new Site(new SiteConfig("t", "", "/", "en", ZoneOffset.UTC, List.of(), List.of(), List.of(), List.of(),
                Map.of(), List.of(), List.of(), TODAY, List.of(), KeyAliases.BUILT_IN), List.of(incidents), List.of(), List.of());
        Analysis a = new Analyzer().analyze(site);
        Map<String, List<LedgerEntry>> ledger = new HashMap<>();
        a.ledger().forEach(e -> ledger.computeIfAbsent(e.slug(), k -> new ArrayList<>()).add(e));
        return TermStatus.of(List.of(incidents), Postmortem::causes, ledger, a.timings(), lastYear);
    }

    @Test
    void countsEveryYearFromTheFirstToTheLastAskedForWithQuietYearsAsZeros() {
        TermStatus s = status(2025,
                PostmortemFixture.of("2021-03-01-a").build(),
                PostmortemFixture.of("2021-09-01-b").build(),
                PostmortemFixture.of("2023-02-01-c").build(),
                PostmortemFixture.of("no-date").undated().build());
        assertThat(s.perYear()).extracting(TermStatus.YearCount::year, TermStatus.YearCount::count).containsExactly(
                tuple(2021, 2), tuple(2022, 0), tuple(2023, 1), tuple(2024, 0), tuple(2025, 0));
        assertThat(s.undated()).isEqualTo(1);
        assertThat(s.incidents()).isEqualTo(4);
    }

    @Test
    void noDatedIncidentMeansNoYears() {
        TermStatus s = status(2025, PostmortemFixture.of("x").undated().build());
        assertThat(s.perYear()).isEmpty();
        assertThat(s.undated()).isEqualTo(1);
    }

    @Test
    void topTermsAreMostSharedFirstThenByIdAndCountEachIncidentOnce() {
        TermStatus s = status(2025,
                PostmortemFixture.of("2024-01-01-a").causes("dns", "capacity", "dns").build(),
                PostmortemFixture.of("2024-02-01-b").causes("capacity", "config").build(),
                PostmortemFixture.of("2024-03-01-c").causes("config", "alerting").build());
        assertThat(s.top()).extracting(TermStatus.TermCount::id, TermStatus.TermCount::count).containsExactly(
                tuple("capacity", 2), tuple("config", 2), tuple("alerting", 1), tuple("dns", 1));
    }

    @Test
    void openItemsAreListedWorstFirstAndOnlyOpenOnesCount() {
        Postmortem older = PostmortemFixture.of("2023-01-10-older")
                .item("Late since March", ActionType.PREVENT, "payments", "2025-03-01", ActionStatus.OPEN, null)
                .item("Done already", ActionType.PREVENT, "payments", "2024-01-01", ActionStatus.DONE, "2024-01-02")
                .item("Nobody wrote a status", ActionType.PREVENT, "payments", "2024-01-01", ActionStatus.UNKNOWN, null)
                .item("No due day", ActionType.DETECT, null, null, ActionStatus.OPEN, null).build();
        Postmortem newer = PostmortemFixture.of("2024-11-02-newer")
                .item("Late since January", ActionType.MITIGATE, "platform", "2025-01-15", ActionStatus.IN_PROGRESS, null)
                .item("Due next month", ActionType.PROCESS, "platform", "2025-07-01", ActionStatus.OPEN, null)
                .item("Dropped", ActionType.PROCESS, "platform", "2025-01-01", ActionStatus.WONT_DO, null).build();
        TermStatus s = status(2025, newer, older);
        assertThat(s.open()).extracting(e -> e.item().title()).containsExactly(
                "Late since January", "Late since March", "Due next month", "No due day");
        assertThat(s.overdue()).isEqualTo(2);
        assertThat(s.open().get(3).ageDays()).hasValue(java.time.temporal.ChronoUnit.DAYS.between(
                LocalDate.of(2023, 1, 10), TODAY));
    }

    @Test
    void theMedianTimeToResolveCountsOnlyIncidentsThatHaveOneAndTakesStatedDurations() {
        TermStatus s = status(2025,
                PostmortemFixture.of("2024-01-01-a").times("2024-01-01T10:00:00Z", null, "2024-01-01T11:00:00Z").build(),
                PostmortemFixture.of("2024-02-01-b").times("2024-02-01T10:00:00Z", null, "2024-02-01T14:00:00Z").build(),
                PostmortemFixture.of("2024-03-01-c").body("Time to recovery: 2 hours").build(),
                PostmortemFixture.of("2024-04-01-d").build());
        assertThat(s.resolveTimes()).hasSize(3);
        assertThat(s.medianToResolve()).contains(Duration.ofHours(2));
    }

    @Test
    void noKnownTimeToResolveGivesNoMedian() {
        TermStatus s = status(2025, PostmortemFixture.of("2024-01-01-a").build());
        assertThat(s.resolveTimes()).isEmpty();
        assertThat(s.medianToResolve()).isEmpty();
    }
}
