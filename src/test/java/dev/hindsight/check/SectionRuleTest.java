package dev.hindsight.check;

import dev.hindsight.model.ActionStatus;
import dev.hindsight.model.Problem;
import dev.hindsight.model.Section;
import dev.hindsight.model.SectionKind;
import dev.hindsight.model.Status;
import dev.hindsight.model.TimelineEvent;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static dev.hindsight.check.Incidents.config;
import static dev.hindsight.check.Incidents.incident;
import static dev.hindsight.check.Incidents.item;
import static org.assertj.core.api.Assertions.assertThat;

class SectionRuleTest {

    @Test
    void missingSectionsAreOneWarningNamingThemAll() {
        Document d = Document.of(incident("a").summary(null).actionItems()
                .sections(new Section(SectionKind.IMPACT, "Impact", "impact", "", 5)).build());
        assertThat(SectionRule.check(d, config())).singleElement().satisfies(p -> {
            assertThat(p.rule()).isEqualTo("missing-section");
            assertThat(p.level()).isEqualTo(Problem.Level.WARNING);
            assertThat(p.message()).contains("Summary", "Timeline", "Root cause", "Resolution", "Action items",
                    "Lessons learned").doesNotContain("Impact");
        });
    }

    @Test
    void aCompleteIncidentPasses() {
        assertThat(SectionRule.check(Document.of(incident("a").build()), config())).isEmpty();
    }

    @Test
    void frontMatterStandsInForSections() {
        Document d = Document.of(incident("a")
                .sections(new Section(SectionKind.IMPACT, "Impact", "impact", "", 5),
                        new Section(SectionKind.ROOT_CAUSE, "Contributing factors", "c", "", 9),
                        new Section(SectionKind.RESOLUTION, "Recovery", "r", "", 12),
                        new Section(SectionKind.LESSONS, "Lessons", "l", "", 15))
                .timeline(new TimelineEvent("09:00", Optional.empty(), "x", "x", 7))
                .actionItems(item("Fix it", "payments", null, ActionStatus.DONE, 3)).build());
        assertThat(SectionRule.check(d, config())).isEmpty();
    }

    @Test
    void aPublishedIncidentWithoutCausesIsAWarning() {
        String text = "---\ntitle: x\nstatus: published\ncauses: []\n---\n";
        Document d = new Document(incident("a").causes().build(), SourceMap.of(text));
        assertThat(SectionRule.check(d, config())).singleElement().satisfies(p -> {
            assertThat(p.rule()).isEqualTo("no-causes");
            assertThat(p.line()).isEqualTo(4);
            assertThat(p.message()).contains("capacity");
        });
    }

    @Test
    void aDraftWithoutCausesPasses() {
        assertThat(SectionRule.check(Document.of(incident("a").causes().status(Status.DRAFT).build()), config())).isEmpty();
    }
}
