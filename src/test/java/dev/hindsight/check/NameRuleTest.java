package dev.hindsight.check;

import dev.hindsight.model.Postmortem;
import dev.hindsight.model.Problem;
import dev.hindsight.model.Section;
import dev.hindsight.model.SectionKind;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.hindsight.check.Incidents.incident;
import static dev.hindsight.check.Incidents.site;
import static org.assertj.core.api.Assertions.assertThat;

class NameRuleTest {
    private static final String TEXT = """
            ---
            title: Checkout outage
            authors: [Jane Doe, payments-oncall]
            ---

            ## Summary

            %s

            ## Timeline

            - 09:02 Jane Doe paged the database team.
            - 09:10 John restarted PgBouncer.

            ## Resolution

            %s
            """;

    private static List<Problem> check(String summary, String resolution, String... authors) {
        Postmortem p = incident("a").authors(authors)
                .sections(new Section(SectionKind.SUMMARY, "Summary", "s", "", 6),
                        new Section(SectionKind.TIMELINE, "Timeline", "t", "", 10),
                        new Section(SectionKind.RESOLUTION, "Resolution", "r", "", 15)).build();
        Document d = new Document(p, SourceMap.of(TEXT.formatted(summary, resolution)));
        return new NameRule(site(p)).check(d, Prose.of(d, false));
    }

    @Test
    void aFirstNameFollowedByAVerbIsAWarning() {
        List<Problem> problems = check("The pool ran dry after John forgot to raise the limit.", "Fixed.", "payments-oncall");
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.rule()).isEqualTo("personal-name");
            assertThat(p.level()).isEqualTo(Problem.Level.WARNING);
            assertThat(p.message()).contains("John forgot").contains("on-call engineer");
            assertThat(p.line()).isEqualTo(8);
            assertThat(p.column()).isEqualTo("The pool ran dry after ".length() + 1);
        });
    }

    @Test
    void anActionItemsOwnerMayBeAPerson() {
        String text = "## Summary\n\nThe pool ran dry.\n\n## Action items\n\n| Action | Owner |\n|---|---|\n"
                + "| Raise the pool limit | Jane Doe |\n\n## Resolution\n\nJane rolled the release back.\n";
        Postmortem p = incident("a").authors("Jane Doe")
                .sections(new Section(SectionKind.SUMMARY, "Summary", "s", "", 1),
                        new Section(SectionKind.ACTION_ITEMS, "Action items", "a", "", 5),
                        new Section(SectionKind.RESOLUTION, "Resolution", "r", "", 11)).build();
        Document d = new Document(p, SourceMap.of(text));
        assertThat(new NameRule(site(p)).check(d, Prose.of(d, false))).extracting(Problem::line).containsExactly(13);
    }

    @Test
    void anAuthorsNameOutsideTheTimelineIsAWarning() {
        List<Problem> problems = check("The pool ran dry.", "Jane rolled the release back.", "Jane Doe", "payments-oncall");
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.message()).contains("\"Jane\"").contains("author");
            assertThat(p.line()).isEqualTo(17);
        });
    }

    @Test
    void namesInTheTimelineAndSystemsBeforeVerbsPass() {
        List<Problem> problems = check("Kubernetes restarted the pods and Terraform removed the rule. We reverted the change.",
                "The on-call engineer rolled back. Checkout failed for 20 minutes.", "Jane Doe", "payments-oncall");
        assertThat(problems).isEmpty();
    }

    @Test
    void theLabelledLinesOfAHeaderAboveTheFirstSectionMayNameTheAuthorsButTheProseBelowMayNot() {
        String text = """
                # Checkout latency spike

                **Date:** March 3, 2023
                - **Authors:** Jane Roe
                Incident commander: Jane Roe

                Jane Roe wrote this up for the payments team.

                ## Summary

                Jane forgot to warm the cache.
                """;
        Postmortem p = incident("a").authors("Jane Roe").sections(new Section(SectionKind.SUMMARY, "Summary", "s", "", 9)).build();
        Document d = new Document(p, SourceMap.of(text));
        List<Problem> problems = new NameRule(site(p)).check(d, Prose.of(d, false));
        assertThat(problems).extracting(Problem::line).as("the sentence above the summary is prose (its two names), and the summary")
                .containsExactly(7, 7, 11);
    }

    @Test
    void aWordTheDocumentAlsoWritesInLowerCaseIsNoName() {
        assertThat(check("Pgcat skipped the health check; pgcat is the pooler.", "Fixed.", "payments-oncall")).isEmpty();
        assertThat(check("Pgcat skipped the health check.", "Fixed.", "payments-oncall")).hasSize(1);
    }

    @Test
    void verbsThatSystemsDoAreNotEnough() {
        assertThat(check("Argo deployed the release and Redis restarted; Fastly failed over.", "Fixed.", "payments-oncall"))
                .isEmpty();
    }

    @Test
    void vocabularyWordsAreNoNames() {
        assertThat(check("Checkout skipped the retry at 09:00.", "Fixed.", "payments-oncall")).isEmpty();
    }

    @Test
    void aHandleAuthorIsFoundWithOrWithoutAt() {
        List<Problem> problems = check("As @jdoe noticed, the pool ran dry.", "Fixed.", "jdoe");
        assertThat(problems).singleElement().satisfies(p -> assertThat(p.message()).contains("@jdoe"));
    }
}
