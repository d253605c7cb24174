package dev.hindsight.report;

import dev.hindsight.analyze.Timing;
import dev.hindsight.analyze.FixRecurrence;
import dev.hindsight.analyze.Recurrence;
import dev.hindsight.index.SearchIndex;
import dev.hindsight.index.Similar;
import dev.hindsight.model.ActionType;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

import static dev.hindsight.report.ReportFixture.A;
import static dev.hindsight.report.ReportFixture.B;
import static dev.hindsight.report.ReportFixture.D;
import static dev.hindsight.report.ReportFixture.E;
import static dev.hindsight.report.ReportFixture.F;
import static dev.hindsight.report.ReportFixture.G;
import static dev.hindsight.report.ReportFixture.H;
import static dev.hindsight.report.ReportFixture.I;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Checks every figure of every section of the 2025 report of {@link ReportFixture}, whose numbers are known by
 * construction (today is 2026-01-15; the comments give the arithmetic).
 */
class ReportNumbersTest {
    static ReportFacts facts;
    static Report report;

    @BeforeAll
    static void build() {
        ReportFactory factory = ReportFixture.factory(ReportFixture.withDrafts(), ReportFixture.noSimilarity());
        facts = factory.facts(ReportScope.of(2025));
        report = factory.report(facts);
    }

    static Figure figure(String section, String key) {
        return report.section(section).orElseThrow().figure(key).orElseThrow();
    }

    static Table table(String section, String id) {
        return report.section(section).orElseThrow().table(id).orElseThrow();
    }

    static Duration min(long m) {
        return Duration.ofMinutes(m);
    }

    @Nested
    class AtAGlanceSection {
        @Test
        void countsIncidentsBySeverityAgainstThePreviousYear() {
            AtAGlance.Facts f = facts.glance();
            // 2025: D, E, F, G, H, I; 2024: A, B, C.
            assertThat(f.incidents()).isEqualTo(6);
            assertThat(f.previousIncidents()).isEqualTo(OptionalInt.of(3));
            assertThat(f.severities()).extracting(AtAGlance.SeverityCount::id, AtAGlance.SeverityCount::count, s -> s.previous().getAsInt())
                    .containsExactly(tuple("SEV1", 2, 1), tuple("SEV2", 2, 1), tuple("SEV3", 2, 1));
            assertThat(f.nearMisses()).isEqualTo(1);
            assertThat(f.previousNearMisses()).isEqualTo(OptionalInt.of(1));
        }

        @Test
        void showsTheFiguresAndTheChange() {
            assertThat(figure("glance", "incidents").value()).isEqualTo("6");
            assertThat(figure("glance", "incidents").detail()).isEqualTo("2024: 3 (+3)");
            assertThat(figure("glance", "nearMisses").detail()).isEqualTo("2024: 1 (no change)");
            Table t = table("glance", "severity");
            assertThat(t.cells("change")).extracting(Cell::number).containsExactly(1.0, 1.0, 1.0);
            assertThat(t.cells("severity")).extracting(Cell::text).containsExactly("SEV1 \u00b7 Critical", "SEV2 \u00b7 Major", "SEV3 \u00b7 Minor");
        }
    }

    @Nested
    class CausesSection {
        @Test
        void countsCausesPerQuarterWithTheTrend() {
            CausesOverTime.Facts f = facts.causes();
            assertThat(f.periods()).containsExactly("Q1", "Q2", "Q3", "Q4");
            // D (Q1) capacity; E (Q1) dns; F (Q2) deploy-bug; G (Q3) capacity + config-change; H (Q4) none; I (Q4) config-change.
            assertThat(f.rows()).extracting(CausesOverTime.CauseRow::id, CausesOverTime.CauseRow::perPeriod,
                            CausesOverTime.CauseRow::total, r -> r.previous().getAsInt())
                    .containsExactly(
                            tuple("capacity", List.of(1, 0, 1, 0), 2, 1),
                            tuple("config-change", List.of(0, 0, 1, 1), 2, 1),
                            tuple("dns", List.of(1, 0, 0, 0), 1, 1),
                            tuple("deploy-bug", List.of(0, 1, 0, 0), 1, 0),
                            tuple("expired-credential", List.of(0, 0, 0, 0), 0, 1),
                            tuple("", List.of(0, 0, 0, 1), 1, 0));
            assertThat(f.fromCategories()).isZero();
        }

        @Test
        void listsTheTopCausesWithShareAndTrend() {
            Table t = table("causes", "top-causes");
            assertThat(t.cells("category")).extracting(Cell::value).containsExactly("capacity", "config-change", "dns", "deploy-bug");
            assertThat(t.cells("share")).extracting(Cell::text).containsExactly("33%", "33%", "17%", "17%");
            assertThat(t.cells("trend")).extracting(Cell::text).containsExactly("up 1", "up 1", "same", "new");
            assertThat(table("causes", "causes-by-quarter").cells("change")).extracting(c -> (long) c.number())
                    .containsExactly(1L, 1L, 0L, 1L, -1L, 1L);
        }

        @Test
        void drawsAHeatmapWithACountInEveryCell() {
            // Six incidents are too few for a chart: the report states the counts, and the heatmap is drawn only from 20.
            Chart stated = report.section("causes").orElseThrow().charts().get(0);
            assertThat(stated.svg()).isEmpty();
            assertThat(stated.sentence()).startsWith("Fewer than 20 incidents, too few for a chart: ").contains("Capacity: 2");
            Chart c = new Chart("causes-heatmap", "Heatmap", Heatmap.svg("causes-heatmap", facts.causes(), "2025", "quarter"));
            assertThat(c.svg()).contains("<title id=\"causes-heatmap-title\">", "<desc id=\"causes-heatmap-desc\">",
                    "role=\"img\"", "Capacity, Q3: 1 incident", "Config change, total: 2 incidents");
            // 6 rows x (4 quarters + total) = 30 cells, each with a count.
            assertThat(c.svg().split("<rect ", -1)).hasSize(31);
        }
    }

    @Nested
    class RecurringSection {
        @Test
        void findsCauseChainsUpToTheEndOfTheYear() {
            RecurringCauses.Facts f = facts.recurring();
            // J (2026, capacity on api) must not appear: chains stop at the end of 2025.
            assertThat(f.causeChains()).extracting(RecurringCauses.Chain::cause, RecurringCauses.Chain::slugs, RecurringCauses.Chain::inScope)
                    .containsExactly(tuple("capacity", List.of(A, D, G), 2), tuple("config-change", List.of(B, G, I), 2),
                            tuple("dns", List.of(B, E), 1));
            // Chains by the service the cause was in: A and G also affected db, but their cause was in api.
            assertThat(f.causeServiceChains()).extracting(RecurringCauses.Chain::cause, RecurringCauses.Chain::service, RecurringCauses.Chain::slugs)
                    .containsExactly(tuple("capacity", "api", List.of(A, D, G)),
                            tuple("config-change", "edge", List.of(B, I)), tuple("dns", "edge", List.of(B, E)));
        }

        @Test
        void findsDeclaredChainsWithTheirSharedCause() {
            assertThat(facts.recurring().declared()).extracting(RecurringCauses.Chain::kind, RecurringCauses.Chain::cause, RecurringCauses.Chain::slugs)
                    .containsExactly(tuple(Recurrence.Kind.DECLARED, "capacity", List.of(A, D)), tuple(Recurrence.Kind.DECLARED, "dns", List.of(B, E)));
        }

        @Test
        void clustersByCauseAndServiceWithoutSimilarity() {
            RecurringCauses.Facts f = facts.recurring();
            assertThat(f.fromSimilarity()).isFalse();
            assertThat(f.clusters()).extracting(SimilarClusters.Cluster::slugs, SimilarClusters.Cluster::causes, SimilarClusters.Cluster::services)
                    .containsExactly(tuple(List.of(A, D, G), List.of("capacity"), List.of("api", "db")),
                            // I shares edge with B and E but no cause with E: every member must be linked to every other.
                            tuple(List.of(B, E), List.of("dns"), List.of("edge")));
        }

        @Test
        void clustersMutualNeighboursWhenTheIndexHasThem() {
            SearchIndex index = new SearchIndex(Map.of(
                    D, List.of(new Similar(A, 2, List.of("capacity"), List.of("api"), List.of("pool"))),
                    A, List.of(new Similar(D, 2, List.of("capacity"), List.of("api"), List.of("pool"))),
                    G, List.of(new Similar(D, 1, List.of("capacity"), List.of("api"), List.of("capacity"))),
                    E, List.of(new Similar(B, 1, List.of("dns"), List.of("edge"), List.of("resolver"))),
                    B, List.of(new Similar(E, 1, List.of("dns"), List.of("edge"), List.of("resolver")))), "");
            RecurringCauses.Facts f = ReportFixture.factory(ReportFixture.withDrafts(), index).facts(ReportScope.of(2025)).recurring();
            assertThat(f.fromSimilarity()).isTrue();
            // G lists D but D does not list G: not joined.
            assertThat(f.clusters()).extracting(SimilarClusters.Cluster::slugs, SimilarClusters.Cluster::terms)
                    .containsExactly(tuple(List.of(A, D), List.of("pool")), tuple(List.of(B, E), List.of("resolver")));
        }

        @Test
        void linksEveryIncidentOfAChainAndMarksThoseOfTheYear() {
            Cell chain = table("recurring", "recurring-causes").rows().get(0).get(4);
            assertThat(chain.chain()).isTrue();
            assertThat(chain.items()).extracting(Cell::value, Cell::href, Cell::strong).containsExactly(
                    tuple(A, "incidents/" + A + "/index.html", false), tuple(D, "incidents/" + D + "/index.html", true),
                    tuple(G, "incidents/" + G + "/index.html", true));
            assertThat(figure("recurring", "causeChains").value()).isEqualTo("3");
            assertThat(figure("recurring", "causeServiceChains").value()).isEqualTo("3");
            assertThat(figure("recurring", "declaredChains").value()).isEqualTo("2");
            assertThat(figure("recurring", "clusters").value()).isEqualTo("2");
        }
    }

    @Nested
    class AfterFixSection {
        @Test
        void findsRecurrencesAfterAllItemsWereClosed() {
            RecurredAfterFix.Facts f = facts.afterFix();
            // D declares A (recurrence_of) and came after A's items closed (last 2024-04-20). G shares capacity and
            // api with D, but nothing says the cause was in api (no causal_service, no root cause naming it) and the
            // fixture has no similar incidents: by the recurrence rule it is not the same thing coming back. E
            // declares B, whose item is still open: a repeat, not after a fix.
            assertThat(f.cases()).extracting(FixRecurrence::later, FixRecurrence::earlier, FixRecurrence::causes,
                            FixRecurrence::services, FixRecurrence::lastClosed, FixRecurrence::declared)
                    .containsExactly(tuple(D, A, List.of("capacity"), List.of(), LocalDate.of(2024, 4, 20), true));
            assertThat(f.repeats()).isEqualTo(2);
            assertThat(f.afterFix()).isEqualTo(1);
        }

        @Test
        void showsTheDaysFromFixToRecurrenceAndTheItemsConcerned() {
            Table t = table("after-fix", "recurred-after-fix");
            assertThat(t.cells("daysAfterFix")).extracting(c -> (long) c.number()).containsExactly(270L);
            assertThat(t.cells("match")).extracting(Cell::value).containsExactly("declared");
            assertThat(t.cells("match")).extracting(Cell::text).containsExactly("declared: recurrence_of " + A);
            Table items = table("after-fix", "recurred-after-fix-items");
            // A's two items, which came back in D.
            assertThat(items.cells("item")).extracting(Cell::text).containsExactly("Raise the pool limit with a load test",
                    "Alert on pool saturation");
            assertThat(items.cells("earlier")).extracting(Cell::value).containsExactly(A, A);
            assertThat(items.cells("recurredIn")).extracting(c -> c.items().stream().map(Cell::value).toList())
                    .containsExactly(List.of(D), List.of(D));
            assertThat(figure("after-fix", "afterFix").value()).isEqualTo("1");
            assertThat(figure("after-fix", "afterFix").detail()).isEqualTo("of 2 repeated incidents");
        }
    }

    @Nested
    class FollowThroughSection {
        @Test
        void countsCompletion() {
            FollowThrough.Facts f = facts.followThrough();
            // D 2, E 1, F 3, G 2, I 1 = 9 items; done: D 2, F 2; won't do: F 1; open: E, G 2, I.
            assertThat(f.total()).isEqualTo(9);
            assertThat(f.done()).isEqualTo(4);
            assertThat(f.wontDo()).isEqualTo(1);
            assertThat(f.open()).isEqualTo(4);
            assertThat(f.overdue()).isEqualTo(2);
            assertThat(figure("follow-through", "completion").value()).isEqualTo("44%");
        }

        @Test
        void measuresTheSloWithDefaultsForPreventAndMitigate() {
            FollowThrough.Facts f = facts.followThrough();
            // mitigate (default 56): D done late (04-30 > 03-12), G open past 10-17, F done on an unknown day.
            // prevent (default 56): D within, G open past, I due 2026-01-15 = today so still within, F dropped.
            // detect (site.yml 30): E open past 2025-04-02. process has no SLO.
            assertThat(f.slo()).extracting(FollowThrough.SloRow::type, FollowThrough.SloRow::days, FollowThrough.SloRow::items,
                            FollowThrough.SloRow::within, FollowThrough.SloRow::late, FollowThrough.SloRow::openPast,
                            FollowThrough.SloRow::pending, FollowThrough.SloRow::undated, FollowThrough.SloRow::dropped)
                    .containsExactly(tuple(ActionType.MITIGATE, 56, 3, 0, 1, 1, 0, 1, 0),
                            tuple(ActionType.PREVENT, 56, 4, 1, 0, 1, 1, 0, 1),
                            tuple(ActionType.DETECT, 30, 1, 0, 0, 1, 0, 0, 0));
            assertThat(f.sloMet()).isEqualTo(1);
            assertThat(f.sloDecided()).isEqualTo(5);
            assertThat(f.noSlo()).containsExactly(new FollowThrough.TypeCount(ActionType.PROCESS, 1));
            // The table has every action type, so its last row counts every action item: 3 + 4 + 1 with an SLO, 1 without.
            Table t = table("follow-through", "action-items-slo");
            assertThat(t.cells("type")).extracting(Cell::text).containsExactly("mitigate", "prevent", "detect", "process", "all");
            assertThat(t.cells("items")).extracting(Cell::text).containsExactly("3", "4", "1", "1", "9");
            assertThat(t.cells("share")).extracting(Cell::text).containsExactly("0%", "50%", "0%", "\u2014", "20%");
            assertThat(figure("follow-through", "withinSlo").value()).isEqualTo("20%");
            assertThat(figure("follow-through", "withinSlo").label()).isEqualTo("Closed on time");
        }

        @Test
        void listsOpenItemsWithAgeByOwnerAndTeam() {
            FollowThrough.Facts f = facts.followThrough();
            assertThat(f.openItems()).extracting(FollowThrough.OpenItem::slug, o -> o.item().title(), FollowThrough.OpenItem::teams,
                            FollowThrough.OpenItem::ageDays, FollowThrough.OpenItem::overdueDays)
                    .containsExactly(tuple(E, "Alert on resolver latency", List.of("platform"), OptionalLong.of(318), OptionalLong.of(301)),
                            tuple(G, "Validate capacity settings in CI", List.of("core"), OptionalLong.of(146), OptionalLong.of(122)),
                            tuple(G, "Autoscale the API on pool usage", List.of("platform"), OptionalLong.of(146), OptionalLong.empty()),
                            tuple(I, "Review edge config changes in pairs", List.of("platform"), OptionalLong.of(56), OptionalLong.empty()));
            assertThat(f.byOwner()).extracting(FollowThrough.OpenGroup::id, FollowThrough.OpenGroup::open, FollowThrough.OpenGroup::overdue,
                    FollowThrough.OpenGroup::oldestDays).containsExactly(tuple("alice", 2, 1, 318L), tuple("core", 1, 1, 146L),
                    tuple("platform", 1, 0, 146L));
            assertThat(f.byTeam()).extracting(FollowThrough.OpenGroup::id, FollowThrough.OpenGroup::open, FollowThrough.OpenGroup::overdue,
                    FollowThrough.OpenGroup::oldestDays).containsExactly(tuple("platform", 3, 1, 318L), tuple("core", 1, 1, 146L));
        }

        @Test
        void countsOpenItemsAtEachMonthEnd() {
            FollowThrough.Facts f = facts.followThrough();
            assertThat(f.openByMonth()).extracting(FollowThrough.MonthCount::month).first().isEqualTo(YearMonth.of(2025, 1));
            assertThat(f.openByMonth()).extracting(FollowThrough.MonthCount::month).last().isEqualTo(YearMonth.of(2026, 1));
            assertThat(f.openByMonth()).extracting(FollowThrough.MonthCount::open)
                    .containsExactly(2, 1, 2, 1, 1, 1, 1, 3, 3, 3, 4, 4, 4);
            assertThat(f.undatedClosures()).isEqualTo(1);
            // 13 months are too few for a chart: the report states them.
            assertThat(report.section("follow-through").orElseThrow().charts()).singleElement()
                    .satisfies(c -> assertThat(c.sentence()).startsWith("Fewer than 20 months").contains("2025-08: 3, 2025-09: 3"));
        }
    }

    @Nested
    class DetectionSection {
        @Test
        void countsMethodsAndTheCustomerSharePerQuarter() {
            Detection.Facts f = facts.detection();
            // F says "monitoring", counted as alert; H records nothing.
            assertThat(f.methods()).extracting(Detection.MethodCount::method, Detection.MethodCount::count)
                    .containsExactly(tuple("alert", 2), tuple("customer", 2), tuple("internal", 1), tuple("unknown", 1));
            assertThat(f.known()).isEqualTo(5);
            assertThat(f.customer()).isEqualTo(2);
            assertThat(f.byPeriod()).extracting(Detection.PeriodCount::period, Detection.PeriodCount::incidents,
                            Detection.PeriodCount::known, Detection.PeriodCount::customer)
                    .containsExactly(tuple("Q1", 2, 2, 1), tuple("Q2", 1, 1, 0), tuple("Q3", 1, 1, 1), tuple("Q4", 2, 1, 0));
            assertThat(table("detection", "detection-by-quarter").cells("customerShare")).extracting(Cell::text)
                    .containsExactly("50%", "0%", "100%", "0%");
            assertThat(figure("detection", "customerShare").value()).isEqualTo("40%");
        }
    }

    @Nested
    class DurationsSection {
        @Test
        void takesMediansAndNearestRankP90BySeverity() {
            IncidentDurations.Facts f = facts.durations();
            assertThat(f.bySeverity()).extracting(IncidentDurations.Group::id, IncidentDurations.Group::ttdMedian,
                            IncidentDurations.Group::ttdP90, IncidentDurations.Group::ttrMedian, IncidentDurations.Group::ttrP90)
                    .containsExactly(
                            // SEV1: D (20, 120), G (60, 300)
                            tuple("SEV1", Optional.of(min(40)), Optional.of(min(60)), Optional.of(min(210)), Optional.of(min(300))),
                            // SEV2: E (5, 30), F stated (15, 90)
                            tuple("SEV2", Optional.of(min(10)), Optional.of(min(15)), Optional.of(min(60)), Optional.of(min(90))),
                            // SEV3: H nothing, I TTD 30 only
                            tuple("SEV3", Optional.of(min(30)), Optional.of(min(30)), Optional.empty(), Optional.empty()),
                            // all: TTD 5,15,20,30,60; TTR 30,90,120,300 (median of an even count is the midpoint)
                            tuple("all", Optional.of(min(20)), Optional.of(min(60)), Optional.of(min(105)), Optional.of(min(300))));
            assertThat(figure("durations", "ttdMedian").value()).isEqualTo("20 min");
            assertThat(figure("durations", "ttrMedian").value()).isEqualTo("1 h 45 min");
        }

        @Test
        void countsAndListsMissingTimestampsWithoutGuessing() {
            IncidentDurations.Facts f = facts.durations();
            assertThat(f.incomplete()).extracting(Timing::slug, Timing::missing)
                    .containsExactly(tuple(H, List.of("started", "detected", "resolved")), tuple(I, List.of("resolved")));
            assertThat(f.timings()).filteredOn(t -> t.slug().equals(F)).singleElement()
                    .extracting(Timing::ttdSource, Timing::ttrSource).containsExactly(Timing.STATED, Timing.STATED);
            assertThat(figure("durations", "missingTimestamps").value()).isEqualTo("2");
        }

        @Test
        void histogramsCountEveryKnownDuration() {
            Table t = table("durations", "duration-histogram");
            List<Cell> ttdAll = t.rows().stream().filter(r -> r.get(0).text().equals("TTD") && r.get(1).value().equals("all")).findFirst().orElseThrow();
            List<Cell> ttrAll = t.rows().stream().filter(r -> r.get(0).text().equals("TTR") && r.get(1).value().equals("all")).findFirst().orElseThrow();
            assertThat(ttdAll.subList(2, 11)).extracting(c -> (int) c.number()).containsExactly(1, 2, 1, 1, 0, 0, 0, 0, 0);
            assertThat(ttrAll.subList(2, 11)).extracting(c -> (int) c.number()).containsExactly(0, 0, 1, 1, 1, 1, 0, 0, 0);
            // Five and four known durations are too few for a chart: all severities are stated in a sentence each, and a
            // severity gets no chart of its own (its buckets are in the table).
            assertThat(report.section("durations").orElseThrow().charts()).extracting(Chart::id, Chart::svg, Chart::sentence)
                    .containsExactly(tuple("hist-ttd-all", "", "Fewer than 20 durations, too few for a chart: <15m: 1, 15\u201330m: 2, "
                                    + "30m\u20131h: 1, 1\u20132h: 1."),
                            tuple("hist-ttr-all", "", "Fewer than 20 durations, too few for a chart: 30m\u20131h: 1, 1\u20132h: 1, "
                                    + "2\u20134h: 1, 4\u20138h: 1."));
        }

        @Test
        void citesTheVoidReportAndTheSreMetricsPaper() {
            Section s = report.section("durations").orElseThrow();
            assertThat(s.notes()).anySatisfy(n -> {
                assertThat(n.text()).contains("VOID Report", "Incident Metrics in SRE");
                assertThat(n.sources()).extracting(Link::href).allMatch(h -> h.startsWith("https://"));
            });
        }
    }

    @Nested
    class LessonsSection {
        @Test
        void collectsLuckAndWhatWentWellWithTheNearMisses() {
            LessonsCollected.Facts f = facts.lessons();
            assertThat(f.lucky()).extracting(LessonsCollected.Lesson::slug, LessonsCollected.Lesson::text)
                    .containsExactly(tuple(F, "The canary caught half of the traffic."), tuple(G, "It happened on a Sunday."));
            assertThat(f.wentWell()).extracting(LessonsCollected.Lesson::slug).containsExactly(D, I);
            assertThat(f.nearMisses()).containsExactly(H);
            assertThat(table("lessons", "where-we-got-lucky").cells("incident")).extracting(Cell::href)
                    .containsExactly("incidents/" + F + "/index.html", "incidents/" + G + "/index.html");
        }
    }

    @Nested
    class DebtSection {
        @Test
        void listsWriteUpsWithGapsAndStaleDrafts() {
            PostmortemDebt.Facts f = facts.debt();
            assertThat(f.entries()).extracting(PostmortemDebt.Entry::slug, PostmortemDebt.Entry::missing)
                    .containsExactly(tuple(E, List.of("lessons")), tuple(H, List.of("causes", "times", "action items", "lessons")),
                            tuple(I, List.of("times")));
            assertThat(f.missing("causes")).isEqualTo(1);
            assertThat(f.missing("times")).isEqualTo(2);
            assertThat(f.missing("action items")).isEqualTo(1);
            assertThat(f.missing("lessons")).isEqualTo(2);
            assertThat(f.draftsInBuild()).isTrue();
            assertThat(f.staleDrafts()).extracting(PostmortemDebt.Draft::slug, PostmortemDebt.Draft::ageDays, PostmortemDebt.Draft::inBuild)
                    .containsExactly(tuple(I, Optional.of(56L), true));
            assertThat(figure("debt", "withGaps").value()).isEqualTo("3");
            assertThat(figure("debt", "noActionItems").value()).isEqualTo("1");
        }

        @Test
        void findsSkippedDraftsWhenBuiltWithoutThem() {
            PostmortemDebt.Facts f = ReportFixture.factory(ReportFixture.withoutDrafts(), ReportFixture.noSimilarity())
                    .facts(ReportScope.of(2025)).debt();
            assertThat(f.draftsInBuild()).isFalse();
            assertThat(f.skippedDrafts()).isEqualTo(1);
            assertThat(f.staleDrafts()).extracting(PostmortemDebt.Draft::path, PostmortemDebt.Draft::date, PostmortemDebt.Draft::ageDays,
                    PostmortemDebt.Draft::inBuild).containsExactly(tuple("postmortems/" + I + ".md", Optional.of(LocalDate.of(2025, 11, 20)),
                    Optional.of(56L), false));
            assertThat(f.incidents()).isEqualTo(5);
        }
    }
}
