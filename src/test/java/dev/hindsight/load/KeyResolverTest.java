package dev.hindsight.load;

import dev.hindsight.model.Inference;
import dev.hindsight.model.Postmortem;
import dev.hindsight.model.Problem;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** Front-matter keys of other tools are read as ours, and also kept in extra as written. */
class KeyResolverTest {
    private static final String FILE = "reports/outage.md";

    @TempDir
    Path dir;

    private TempContent.Loaded load(String frontMatter) {
        return new TempContent(dir).file(FILE, "---\n" + frontMatter + "---\n\nThe queue stopped.\n").load();
    }

    private static String source(Postmortem p, String field) {
        return p.inferences().stream().filter(i -> i.field().equals(field)).map(Inference::source).findFirst().orElse("-");
    }

    @Test
    void statusPageTimesGiveTheStartTheEndAndTheDate() {
        TempContent.Loaded l = load("title: Queue stall\nstart_time: 2021-03-04 13:05:00\nend_time: 2021-03-04T15:20:00+01:00\n");
        Postmortem p = l.only();
        assertThat(p.times().started()).contains(Instant.parse("2021-03-04T13:05:00Z"));
        assertThat(p.times().resolved()).contains(Instant.parse("2021-03-04T14:20:00Z"));
        assertThat(p.date()).contains(LocalDate.of(2021, 3, 4));
        assertThat(source(p, "date")).isEqualTo("the day of `start_time` in the front matter");
        assertThat(p.extra()).containsEntry("start_time", "2021-03-04 13:05:00")
                .containsEntry("end_time", "2021-03-04T15:20:00+01:00");
        assertThat(l.problems(FILE)).isEmpty();
    }

    @Test
    void trackerKeysGiveTheResolutionTheDurationAndTheDate() {
        Postmortem when = load("incident_date: 2022-05-01\nstarted_at: 2022-05-01T08:00:00Z\nresolvedWhen: 2022-05-01T09:30:00Z\n").only();
        assertThat(when.date()).contains(LocalDate.of(2022, 5, 1));
        assertThat(when.times().resolved()).contains(Instant.parse("2022-05-01T09:30:00Z"));
        Postmortem lasted = load("date: 2022-05-01\nstarted_at: 2022-05-01T08:00:00Z\nduration: 2h 15m\n").only();
        assertThat(lasted.times().resolved()).contains(Instant.parse("2022-05-01T10:15:00Z"));
        assertThat(source(lasted, "times.resolved")).contains("duration");
        TempContent.Loaded bad = load("date: 2022-05-01\nend_time: soon\nduration: a while\n");
        assertThat(bad.problems(FILE)).anySatisfy(s -> assertThat(s).contains(":3:").contains("`end_time` (read as `times.resolved`)"))
                .anySatisfy(s -> assertThat(s).contains(":4:").contains("`duration` (read as `times.duration`)"));
    }

    @Test
    void listAndTextAliasesGiveServicesTagsSummarySeverityAndAuthors() {
        Postmortem p = load("""
                title: Broker disk
                date: 2022-05-01
                affected: [queue, api]
                keywords: [broker, disk]
                description: The broker ran out of disk.
                sev: SEV2
                author: Ana
                """).only();
        assertThat(p.services()).containsExactly("queue", "api");
        assertThat(p.tags()).containsExactly("broker", "disk");
        assertThat(p.summary()).contains("The broker ran out of disk.");
        assertThat(p.severity()).contains("SEV2");
        assertThat(p.authors()).containsExactly("Ana");
        assertThat(p.extra()).containsKeys("affected", "keywords", "description", "sev", "author");
        assertThat(p.inferences()).isEmpty();
    }

    @Test
    void freeTextImpactIsKeptAsExtraWithoutAnError() {
        TempContent.Loaded l = load("date: 2022-05-01\nimpact: Checkout was down for EU users\nusers_affected: 1200\n");
        Postmortem p = l.only();
        assertThat(p.extra()).containsEntry("impact", "Checkout was down for EU users");
        assertThat(p.impact().usersAffected()).hasValue(1200);
        assertThat(l.problems(FILE)).isEmpty();
    }

    @Test
    void ourKeyWinsOverItsAliasAndTheFirstOfTwoAliasesWins() {
        TempContent.Loaded l = load("""
                date: 2022-05-01
                sev: SEV3
                severity: SEV1
                times:
                  started: 2022-05-01T08:00:00Z
                start_time: 2022-05-01 07:00:00
                categories: [network]
                keywords: [dns]
                """);
        Postmortem p = l.only();
        assertThat(p.severity()).contains("SEV1");
        assertThat(p.times().started()).contains(Instant.parse("2022-05-01T08:00:00Z"));
        assertThat(p.tags()).containsExactly("network");
        assertThat(p.extra()).containsEntry("sev", "SEV3").containsEntry("start_time", "2022-05-01 07:00:00")
                .containsEntry("keywords", "[dns]");
        assertThat(l.problems(FILE, Problem.Level.INFO)).extracting(Problem::line).containsExactly(3, 7, 9);
        assertThat(l.problems(FILE)).anySatisfy(s -> assertThat(s).contains("`sev` is not read as `severity`"))
                .anySatisfy(s -> assertThat(s).contains("`keywords` is not read as `tags`: `categories` (line 8)"));
    }

    @Test
    void aTeamsImportKeysAreReadAndWinOverTheBuiltInOnes() {
        TempContent.Loaded l = new TempContent(dir)
                .file("site.yml", "import:\n  keys:\n    categories: causes\n    incident_lead: authors\n")
                .file(FILE, "---\ndate: 2022-05-01\ncategories: [capacity]\nincident_lead: Bo\n---\nText.\n").load();
        Postmortem p = l.only();
        assertThat(p.causes()).containsExactly("capacity");
        assertThat(p.tags()).isEmpty();
        assertThat(p.authors()).containsExactly("Bo");
        assertThat(p.extra()).containsKeys("categories", "incident_lead");
    }

    @Test
    void unmappedKeysLandInExtraWithANote() {
        TempContent.Loaded l = load("date: 2022-05-01\ncompany: Acme\nurl: https://status.example/incidents/42\n");
        Postmortem p = l.only();
        assertThat(p.extra()).containsEntry("company", "Acme").containsEntry("url", "https://status.example/incidents/42");
        assertThat(l.problems(FILE, Problem.Level.INFO)).extracting(Problem::rule).containsExactly("unknown-key", "unknown-key");
    }
}
