package dev.hindsight.check;

import dev.hindsight.model.Postmortem;
import dev.hindsight.model.Problem;
import dev.hindsight.model.Site;
import dev.hindsight.model.SourceFile;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static dev.hindsight.check.Incidents.config;
import static dev.hindsight.check.Incidents.file;
import static dev.hindsight.check.Incidents.incident;
import static dev.hindsight.check.Incidents.site;
import static org.assertj.core.api.Assertions.assertThat;

class ReferenceRuleTest {
    private final Postmortem earlier = incident("2023-11-02-orders-db-failover").date(LocalDate.of(2023, 11, 2)).build();

    @Test
    void relatedNamingAMissingIncidentIsAnErrorWithTheNearestSlug() {
        String text = "---\ntitle: x\nrelated: [2023-11-02-orders-db-failovr]\n---\n";
        Postmortem p = incident("a").related("2023-11-02-orders-db-failovr").build();
        Document d = new Document(p, SourceMap.of(text));
        List<Problem> problems = ReferenceRule.check(d, new KnownContent(site(p, earlier)));
        assertThat(problems).singleElement().satisfies(x -> {
            assertThat(x.rule()).isEqualTo("unknown-incident");
            assertThat(x.isError()).isTrue();
            assertThat(x.message()).contains("did you mean `2023-11-02-orders-db-failover`");
            assertThat(x.line()).isEqualTo(3);
            assertThat(x.column()).isEqualTo(11);
        });
    }

    @Test
    void existingReferencesInAnyFormPass() {
        Postmortem p = incident("a").related("2023-11-02-orders-db-failover", "/incidents/2023-11-02-orders-db-failover/")
                .recurrenceOf("2023-11-02-orders-db-failover.md").build();
        assertThat(ReferenceRule.check(Document.of(p), new KnownContent(site(p, earlier)))).isEmpty();
    }

    @Test
    void recurrenceOfAMissingIncidentIsAnError() {
        Postmortem p = incident("a").recurrenceOf("1999-01-01-nothing").build();
        assertThat(ReferenceRule.check(Document.of(p), new KnownContent(site(p))))
                .extracting(Problem::rule).containsExactly("unknown-incident");
    }

    @Test
    void aDraftLeftOutOfTheBuildOrAFailedFileStillCounts() {
        Postmortem p = incident("a").related("2024-05-01-draft", "2024-05-02-broken").build();
        Site s = new Site(config(), List.of(p), List.of(), List.of(
                file("postmortems/2024-05-01-draft.md", SourceFile.Outcome.SKIPPED),
                file("postmortems/2024-05-02-broken/index.md", SourceFile.Outcome.FAILED)));
        assertThat(ReferenceRule.check(Document.of(p), new KnownContent(s))).isEmpty();
    }

    @Test
    void listingItselfIsAWarning() {
        Postmortem p = incident("a").related("a").build();
        assertThat(ReferenceRule.check(Document.of(p), new KnownContent(site(p))))
                .singleElement().satisfies(x -> {
                    assertThat(x.rule()).isEqualTo("self-reference");
                    assertThat(x.level()).isEqualTo(Problem.Level.WARNING);
                });
    }

    @Test
    void recurrenceOfALaterIncidentIsAWarning() {
        Postmortem later = incident("b").date(LocalDate.of(2024, 5, 1)).build();
        Postmortem p = incident("a").recurrenceOf("b").build();
        assertThat(ReferenceRule.check(Document.of(p), new KnownContent(site(p, later))))
                .extracting(Problem::rule).containsExactly("recurrence-order");
        Postmortem fine = incident("c").date(LocalDate.of(2024, 6, 1)).recurrenceOf("b").build();
        assertThat(ReferenceRule.check(Document.of(fine), new KnownContent(site(fine, later)))).isEmpty();
    }

    @Test
    void duplicateSlugsAreReportedOnEveryFileThatHasThem() {
        Postmortem one = incident("same").source("postmortems/2024-01-01-same.md").build();
        Postmortem two = incident("same").source("postmortems/2024/2024-01-01-same.md").build();
        Postmortem other = incident("other").build();
        List<Problem> problems = ReferenceRule.duplicates(List.of(one, two, other), Document::of);
        assertThat(problems).hasSize(2).allSatisfy(p -> {
            assertThat(p.rule()).isEqualTo("duplicate-slug");
            assertThat(p.isError()).isTrue();
        });
        assertThat(problems).extracting(Problem::path)
                .containsExactly("postmortems/2024-01-01-same.md", "postmortems/2024/2024-01-01-same.md");
        assertThat(problems.get(0).message()).contains("postmortems/2024/2024-01-01-same.md");
    }

    @Test
    void uniqueSlugsPass() {
        assertThat(ReferenceRule.duplicates(List.of(earlier, incident("b").build()), Document::of)).isEmpty();
    }
}
