package dev.hindsight.analyze;

import dev.hindsight.model.ActionItem;
import dev.hindsight.model.ActionStatus;
import dev.hindsight.model.ActionType;
import dev.hindsight.model.Impact;
import dev.hindsight.model.KeyAliases;
import dev.hindsight.model.Lessons;
import dev.hindsight.model.Postmortem;
import dev.hindsight.model.PostmortemFixture;
import dev.hindsight.model.Site;
import dev.hindsight.model.SiteConfig;
import dev.hindsight.model.Status;
import dev.hindsight.model.Times;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Cause chains, the fix facts and the action ledger. */
class RecurrenceFinderTest {
    static final LocalDate TODAY = LocalDate.of(2025, 12, 31);

    static Postmortem pm(String slug, List<String> causes, List<String> services, List<String> recurrenceOf, ActionItem... items) {
        return PostmortemFixture.of(slug).source(slug + ".md").title("T " + slug).services(services).causes(causes)
                .recurrenceOf(recurrenceOf).actionItems(items).build();
    }

    static ActionItem item(ActionStatus status, String closed) {
        return new ActionItem("Fix it", ActionType.PREVENT, Optional.empty(), Optional.empty(), status,
                Optional.ofNullable(closed).map(LocalDate::parse), Optional.empty(), 0);
    }

    static Site site(Postmortem... p) {
        return new Site(new SiteConfig("t", "", "/", "en", ZoneOffset.UTC, List.of(), List.of(), List.of(), List.of(), Map.of(),
                List.of(), List.of(), TODAY, List.of(), KeyAliases.BUILT_IN), List.of(p), List.of(), List.of());
    }

    @Test
    void anIncidentIsFixedOnlyWhenEveryItemClosedOnAKnownDayBefore() {
        LocalDate day = LocalDate.of(2025, 3, 1);
        assertThat(Fixes.fixedBefore(pm("2025-01-01-a", List.of(), List.of(), List.of(), item(ActionStatus.DONE, "2025-02-01"),
                item(ActionStatus.WONT_DO, "2025-02-03")), day)).contains(LocalDate.of(2025, 2, 3));
        // closed on the day itself: not before it
        assertThat(Fixes.fixedBefore(pm("2025-01-01-x", List.of(), List.of(), List.of(), item(ActionStatus.DONE, "2025-03-01")), day)).isEmpty();
        // done without a date: cannot prove the fix came first
        assertThat(Fixes.fixedBefore(pm("2025-01-01-y", List.of(), List.of(), List.of(), item(ActionStatus.DONE, null)), day)).isEmpty();
        // an item whose status nobody recorded is not known to be closed
        assertThat(Fixes.fixedBefore(pm("2025-01-01-u", List.of(), List.of(), List.of(), item(ActionStatus.UNKNOWN, null)), day)).isEmpty();
        // no action items at all: nothing was fixed
        assertThat(Fixes.fixedBefore(pm("2025-01-01-z", List.of(), List.of(), List.of()), day)).isEmpty();
    }

    @Test
    void recurrenceChainsAreOldestFirstWithEachIncidentOnce() {
        // a and c were caused in edge; b only names dns on api, with no causal service: it chains by cause alone.
        Site s = site(PostmortemFixture.of("2025-03-01-c").causes("dns", "dns").services("edge", "edge").causalService("edge")
                        .recurrenceOf("2025-01-01-a").build(),
                PostmortemFixture.of("2025-01-01-a").causes("dns").services("edge").causalService("edge").build(),
                pm("2025-02-01-b", List.of("db", "dns"), List.of("api"), List.of("2025-01-01-a", "missing-slug")));
        List<Recurrence> r = new RecurrenceFinder().find(s);
        assertThat(r).extracting(Recurrence::kind, Recurrence::cause, Recurrence::service, Recurrence::slugs).containsExactly(
                tuple(Recurrence.Kind.CAUSE_AND_SERVICE, "dns", "edge", List.of("2025-01-01-a", "2025-03-01-c")),
                tuple(Recurrence.Kind.CAUSE, "dns", "", List.of("2025-01-01-a", "2025-02-01-b", "2025-03-01-c")),
                tuple(Recurrence.Kind.DECLARED, "dns", "", List.of("2025-01-01-a", "2025-02-01-b", "2025-03-01-c")));
    }

    @Test
    void aBroadCategoryMakesNoChainOnItsOwnAndAnAffectedServiceIsNotACausalOne() {
        java.util.List<Postmortem> all = new java.util.ArrayList<>();
        for (int i = 1; i <= 9; i++) {
            all.add(PostmortemFixture.of("2025-0" + i + "-01-x" + i).causes(i <= 7 ? "config-change" : "dns")
                    .services("edge", "api").build());
        }
        List<Recurrence> r = new RecurrenceFinder().find(site(all.toArray(Postmortem[]::new)));
        assertThat(r).extracting(Recurrence::kind, Recurrence::cause)
                .containsExactly(tuple(Recurrence.Kind.CAUSE, "dns"));
    }

    @Test
    void aDeclaredChainWithoutASharedCauseHasNone() {
        Site s = site(pm("2025-01-01-a", List.of("dns"), List.of(), List.of()),
                pm("2025-02-01-b", List.of("db"), List.of(), List.of("2025-01-01-a")));
        assertThat(new RecurrenceFinder().find(s)).singleElement().extracting(Recurrence::cause).isEqualTo("");
    }

    @Test
    void theLedgerJudgesTheSloWithTheDefaultForPreventItems() {
        Site s = site(pm("2025-01-01-a", List.of(), List.of(), List.of(), item(ActionStatus.DONE, "2025-02-26"),
                item(ActionStatus.DONE, "2025-02-27"), item(ActionStatus.OPEN, null), item(ActionStatus.WONT_DO, "2025-01-02")));
        // 56 days after 2025-01-01 is 2025-02-26; today (2025-12-31) is long past it.
        assertThat(new ActionLedger().entries(s)).extracting(LedgerEntry::withinSlo)
                .containsExactly(Optional.of(true), Optional.of(false), Optional.of(false), Optional.empty());
    }
}
