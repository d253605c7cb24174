package dev.hindsight.analyze;

import dev.hindsight.model.ActionStatus;
import dev.hindsight.model.ActionType;
import dev.hindsight.model.IncidentDigests;
import dev.hindsight.model.KeyAliases;
import dev.hindsight.model.Postmortem;
import dev.hindsight.model.PostmortemFixture;
import dev.hindsight.model.Section;
import dev.hindsight.model.SectionKind;
import dev.hindsight.model.Site;
import dev.hindsight.model.SiteConfig;
import dev.hindsight.model.Term;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The preview's analysis memo: each unchanged incident's facts carried over by digest, and nothing stale. */
class FactMemoTest {

    private static Postmortem incident(String slug, String rootCause, String itemTitle) {
        return PostmortemFixture.of(slug).causes("dns").services("edge", "ledger-db")
                .times("2025-01-01T10:00:00Z", "2025-01-01T10:20:00Z", "2025-01-01T11:00:00Z")
                .sections(new Section(SectionKind.ROOT_CAUSE, "Root cause", "root-cause", rootCause, 5))
                .item(itemTitle, ActionType.PREVENT, "sre", "2025-02-01", ActionStatus.OPEN, null).build();
    }

    private static Site site(List<Term> services, Postmortem... incidents) {
        return new Site(new SiteConfig("t", "", "/", "en", ZoneOffset.UTC, List.of(), List.of(), services, List.of(), Map.of(),
                List.of(), List.of(), LocalDate.of(2025, 12, 31), List.of(), KeyAliases.BUILT_IN), List.of(incidents),
                List.of(), List.of());
    }

    private static Analysis analyzed(FactMemo memo, Site site) {
        return new Analyzer(memo, IncidentDigests.of(site.postmortems())).analyze(site);
    }

    @Test
    void aLaterAnalysisWithAMemoIsTheAnalysisWithout() {
        List<Term> services = List.of(new Term("edge", "Front proxy", "", Optional.empty()),
                new Term("ledger-db", "Ledger", "", Optional.empty()));
        Postmortem a = incident("2025-01-01-a", "The front proxy dropped requests.", "Add a canary");
        Postmortem b = incident("2025-02-01-b", "The ledger ran out of connections.", "Raise the pool");
        Postmortem c = incident("2025-03-01-c", "Nothing named here.", "Page earlier");
        FactMemo memo = FactMemo.create();
        assertThat(analyzed(memo, site(services, c, b, a))).isEqualTo(new Analyzer().analyze(site(services, c, b, a)));

        // b's cause moves to the edge proxy and its item is renamed; a and c are the same instances as before.
        Postmortem b2 = incident("2025-02-01-b", "The edge proxy ran out of connections.", "Raise the proxy pool");
        Analysis edited = analyzed(memo, site(services, c, b2, a));
        assertThat(edited).isEqualTo(new Analyzer().analyze(site(services, c, b2, a)));
        assertThat(edited.causal()).containsEntry("2025-02-01-b", Optional.of("edge"))
                .containsEntry("2025-01-01-a", Optional.of("edge")).containsEntry("2025-03-01-c", Optional.empty());
        assertThat(edited.ledger()).extracting(e -> e.item().title()).contains("Raise the proxy pool");

        // A service's label is what a's root cause names: relabelled, a's causal service is no longer known.
        List<Term> relabelled = List.of(new Term("edge", "Edge router", "", Optional.empty()),
                new Term("ledger-db", "Ledger", "", Optional.empty()));
        Analysis after = analyzed(memo, site(relabelled, c, b2, a));
        assertThat(after).isEqualTo(new Analyzer().analyze(site(relabelled, c, b2, a)));
        assertThat(after.causal()).containsEntry("2025-01-01-a", Optional.empty());
    }

    private static Site site(LocalDate today, Map<ActionType, Integer> slo, List<Term> teams, Postmortem... incidents) {
        return new Site(new SiteConfig("t", "", "/", "en", ZoneOffset.UTC, List.of(), List.of(), List.of(), teams, slo,
                List.of(), List.of(), today, List.of(), KeyAliases.BUILT_IN), List.of(incidents), List.of(), List.of());
    }

    /** The ledger rests on the day, the SLOs and the teams: a change to any gives the entries a build without a memo gives. */
    @Test
    void theLedgerFollowsTheDayTheSlosAndTheTeams() {
        Postmortem a = incident("2025-01-01-a", "The front proxy dropped requests.", "Add a canary");
        Postmortem b = incident("2025-02-01-b", "The ledger ran out of connections.", "Raise the pool");
        FactMemo memo = FactMemo.create();
        LocalDate early = LocalDate.of(2025, 1, 15);
        List<Term> none = List.of();
        Analysis first = analyzed(memo, site(early, Map.of(), none, b, a));
        assertThat(first.ledger()).noneMatch(LedgerEntry::overdue);

        // A later day: the items (due 2025-02-01) are overdue now.
        Site later = site(LocalDate.of(2025, 6, 1), Map.of(), none, b, a);
        Analysis overdue = analyzed(memo, later);
        assertThat(overdue).isEqualTo(new Analyzer().analyze(later));
        assertThat(overdue.ledger()).allMatch(LedgerEntry::overdue);

        // Another SLO for preventive items, and the owner named as a team with a label.
        Site slo = site(LocalDate.of(2025, 6, 1), Map.of(ActionType.PREVENT, 7), none, b, a);
        assertThat(analyzed(memo, slo)).isEqualTo(new Analyzer().analyze(slo));
        Site teams = site(LocalDate.of(2025, 6, 1), Map.of(ActionType.PREVENT, 7),
                List.of(new Term("sre", "Site reliability", "", Optional.empty())), b, a);
        Analysis labelled = analyzed(memo, teams);
        assertThat(labelled).isEqualTo(new Analyzer().analyze(teams));
        assertThat(labelled.ledger()).extracting(e -> e.ownerTeam().label()).containsOnly("Site reliability");
    }

    private static Postmortem filed(String slug, String date, String cause, String tag, String text, String... services) {
        return PostmortemFixture.of(slug).date(LocalDate.parse(date)).causes(cause).services(services).tags(tag)
                .sections(new Section(SectionKind.ROOT_CAUSE, "Root cause", "root-cause", text, 5)).build();
    }

    /**
     * The recurrence chains and the taxonomies are kept while every incident is filed as before: a new text keeps
     * them, a new cause, service, tag, date or causal service does not, and each result is the one an analysis
     * without a memo gives.
     */
    @Test
    void chainsAndTaxonomiesFollowEveryChangeOfFiling() {
        List<Term> services = List.of(new Term("edge", "Edge", "", Optional.empty()),
                new Term("ledger-db", "Ledger", "", Optional.empty()));
        Postmortem a = filed("2025-01-01-a", "2025-01-01", "dns", "network", "The edge failed.", "edge", "ledger-db");
        Postmortem b = filed("2025-02-01-b", "2025-02-01", "dns", "network", "The edge failed again.", "edge", "ledger-db");
        Postmortem c = filed("2025-03-01-c", "2025-03-01", "capacity", "storage", "The ledger-db filled up.", "ledger-db");
        FactMemo memo = FactMemo.create();
        Analysis first = analyzed(memo, site(services, c, b, a));
        assertThat(first.recurrences()).extracting(Recurrence::service).contains("edge");
        List<Postmortem> edits = List.of(
                filed("2025-02-01-b", "2025-02-01", "dns", "network", "Another text, the edge again.", "edge", "ledger-db"),
                filed("2025-02-01-b", "2025-02-01", "capacity", "network", "The edge failed again.", "edge", "ledger-db"),
                filed("2025-02-01-b", "2025-02-01", "dns", "network", "The edge failed again.", "edge"),
                filed("2025-02-01-b", "2025-02-01", "dns", "storage", "The edge failed again.", "edge", "ledger-db"),
                filed("2025-02-01-b", "2025-02-02", "dns", "network", "The edge failed again.", "edge", "ledger-db"),
                filed("2025-02-01-b", "2025-02-01", "dns", "network", "The ledger-db failed again.", "edge", "ledger-db"));
        for (Postmortem edited : edits) {
            Site s = site(services, c, edited, a);
            assertThat(analyzed(memo, s)).as("after %s", edited).isEqualTo(new Analyzer().analyze(s));
        }
    }

    @Test
    void anIncidentNotInTheAnalyzedSiteIsWorkedOutWhenAsked() {
        Site s = site(List.of(), incident("2025-01-01-a", "ledger-db ran dry", "Fix"));
        Analysis analysis = new Analyzer().analyze(s);
        Postmortem other = incident("2025-05-01-z", "edge failed", "Fix");
        assertThat(analysis.causalService(s.config()).apply(other)).contains("edge");
        assertThat(analysis.causalService(s.config()).apply(s.postmortems().get(0))).contains("ledger-db");
        List<String> slugs = new ArrayList<>(analysis.causal().keySet());
        assertThat(slugs).containsExactly("2025-01-01-a");
    }
}
