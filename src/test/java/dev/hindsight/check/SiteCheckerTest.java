package dev.hindsight.check;

import dev.hindsight.model.Postmortem;
import dev.hindsight.model.Problem;
import dev.hindsight.model.Site;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.hindsight.check.Incidents.config;
import static dev.hindsight.check.Incidents.openConfig;
import static dev.hindsight.check.Incidents.incident;
import static dev.hindsight.check.Incidents.page;
import static org.assertj.core.api.Assertions.assertThat;

class SiteCheckerTest {
    private static final String SOURCE = """
            ---
            title: Checkout outage
            severity: SEV2
            causes: [capacty]
            related: [b]
            ---

            ## Summary

            John forgot to raise the pool limit, a human error. See [b](/incidents/b/) and [c](/incidents/c/).
            """;

    @Test
    void runsEveryRuleAndPlacesProblemsInTheSource() {
        Postmortem a = incident("a").causes("capacty").related("b")
                .body("<p>See <a href=\"/incidents/b/\">b</a> and <a href=\"/incidents/c/\">c</a>.</p>", "").build();
        Postmortem b = incident("b").build();
        Site site = new Site(config(), List.of(a, b), List.of(page("about", "<a href=\"/incidents/zzz/\">x</a>")), List.of());
        List<Problem> problems = new SiteChecker(SourceLookup.of(Map.of(a.source(), SOURCE))).check(site);
        assertThat(problems).extracting(p -> p.path() + ":" + p.line() + ":" + p.column() + " " + p.rule()).containsExactly(
                "pages/about.md:0:0 broken-link",
                "postmortems/a.md:4:10 unknown-cause",
                "postmortems/a.md:10:1 personal-name",
                "postmortems/a.md:10:6 blameless-language",
                "postmortems/a.md:10:40 blameless-language",
                "postmortems/a.md:10:84 broken-link");
    }

    @Test
    void houseStyleRulesAreNotesForACollectionThatDeclaresNoVocabularies() {
        Postmortem bare = incident("a").summary(null).actionItems().causes().build();
        List<Problem> adopted = new SiteChecker().check(new Site(config(), List.of(bare), List.of(), List.of()));
        List<Problem> open = new SiteChecker().check(new Site(openConfig(), List.of(bare), List.of(), List.of()));
        java.util.function.Predicate<Problem> house = p -> java.util.Arrays.stream(CheckRule.values())
                .anyMatch(r -> r.houseStyle() && r.id().equals(p.rule()));
        List<Problem> warned = adopted.stream().filter(house).toList();
        assertThat(warned).isNotEmpty().allMatch(p -> p.level() == Problem.Level.WARNING)
                .anyMatch(p -> p.rule().equals("no-causes"));
        assertThat(open.stream().filter(house).toList()).hasSize(warned.size()).allMatch(p -> p.level() == Problem.Level.INFO);
    }

    @Test
    void errorsAPageCanShowAreWarningsForACollectionThatDeclaresNoVocabularies() {
        Postmortem linked = incident("a").body("<p><a href=\"missing.md\">see</a></p>", "see")
                .related("no-such-incident").date(Incidents.TODAY.plusDays(30)).build();
        List<Problem> adopted = new SiteChecker().check(new Site(config(), List.of(linked), List.of(), List.of()));
        List<Problem> open = new SiteChecker().check(new Site(openConfig(), List.of(linked), List.of(), List.of()));
        List<String> gaps = List.of("broken-link", "unknown-incident", "future-date");
        assertThat(adopted).filteredOn(p -> gaps.contains(p.rule())).extracting(Problem::rule)
                .containsExactlyInAnyOrderElementsOf(gaps);
        assertThat(adopted).filteredOn(p -> gaps.contains(p.rule())).allMatch(Problem::isError);
        assertThat(open).filteredOn(p -> gaps.contains(p.rule())).hasSize(3)
                .allMatch(p -> p.level() == Problem.Level.WARNING);
        assertThat(open).noneMatch(Problem::isError);
    }

    @Test
    void aCleanSitePasses() {
        Site site = new Site(config(), List.of(incident("a").related("b").build(), incident("b").build()),
                List.of(page("about", "<a href=\"/incidents/a/\">a</a>")), List.of());
        assertThat(new SiteChecker().check(site)).isEmpty();
    }

    @Test
    void everyRuleHasAStableKebabCaseId() {
        assertThat(CheckRule.values()).extracting(CheckRule::id).doesNotHaveDuplicates()
                .allMatch(id -> id.matches("[a-z]+(-[a-z]+)*"));
        assertThat(CheckRule.UNKNOWN_SEVERITY.id()).isEqualTo("unknown-severity");
    }
}
