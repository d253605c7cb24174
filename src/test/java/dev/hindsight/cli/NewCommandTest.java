package dev.hindsight.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class NewCommandTest {
    @TempDir
    Path project;

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString(), err.toString());
    }

    private void siteYml() throws Exception {
        Files.createDirectories(project.resolve("content"));
        Files.writeString(project.resolve("content/site.yml"), """
                title: New test
                severities: [SEV1, SEV2, SEV3]
                causes: [capacity, config-change]
                services:
                  - id: checkout-api
                    team: payments
                teams: [payments, platform]
                """);
    }

    @Test
    void createsADraftFromTheArchetypeWithTodaysDate() throws Exception {
        siteYml();
        Run r = run("new", "Checkout outage from pool exhaustion", "--source", project.toString(),
                "--severity", "SEV2", "--service", "checkout-api");
        assertThat(r.code()).as(r.err()).isZero();
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        Path file = project.resolve("content/postmortems/" + today + "-checkout-outage-from-pool-exhaustion.md");
        assertThat(r.out()).contains("created");
        String text = Files.readString(file);
        assertThat(text).startsWith("---\ntitle: \"Checkout outage from pool exhaustion\"\ndate: " + today + "\n")
                .contains("severity: SEV2\n").contains("status: draft").contains("services: [checkout-api]")
                .contains("teams: [payments]").contains("action_items:").contains("owner: TODO")
                .contains("## Summary", "## Impact", "## Timeline", "## Root cause", "## Trigger", "## Detection",
                        "## Resolution", "## Five whys", "## Lessons learned", "### Where we got lucky", "## Action items")
                .doesNotContain("<#").doesNotContain("${");
    }

    @Test
    void newThenCheckGivesNoErrorsOnlyThePromptsAsWarnings() throws Exception {
        siteYml();
        Run created = run("new", "DNS: \"timeouts\" after a Corefile push", "--source", project.toString(),
                "--date", "2024-03-11", "--service", "checkout-api");
        assertThat(created.code()).as(created.err()).isZero();
        Run check = run("check", "--source", project.toString(), "--today", "2024-06-01");
        assertThat(check.code()).as(check.out() + check.err()).isZero();
        List<String> lines = check.out().lines().toList();
        assertThat(lines).isNotEmpty().allSatisfy(l -> assertThat(l)
                .contains("content/postmortems/2024-03-11-dns-timeouts-after-a-corefile-push.md:")
                .contains(": warning: unfinished: \"TODO").endsWith("[unfinished-text]"));
        assertThat(lines).anyMatch(l -> l.contains("TODO: set the severity"))
                .anyMatch(l -> l.contains("TODO: In two or three sentences"))
                .anyMatch(l -> l.contains("TODO: what could have made it worse"));
        Run strict = run("check", "--source", project.toString(), "--today", "2024-06-01", "--strict");
        assertThat(strict.code()).isEqualTo(Main.WARNINGS);
        Run build = run("build", "--source", project.toString(), "--today", "2024-06-01", "--drafts",
                "--cache-dir", project.resolve("cache").toString());
        assertThat(build.code()).as(build.out() + build.err()).isZero();
        assertThat(project.resolve("public/incidents/2024-03-11-dns-timeouts-after-a-corefile-push/index.html")).exists();
    }

    @Test
    void refusesToOverwrite() throws Exception {
        siteYml();
        assertThat(run("new", "Same title", "--source", project.toString(), "--date", "2024-01-02").code()).isZero();
        Path file = project.resolve("content/postmortems/2024-01-02-same-title.md");
        Files.writeString(file, "my edits");
        Run again = run("new", "Same title", "--source", project.toString(), "--date", "2024-01-02");
        assertThat(again.code()).isEqualTo(Main.ERRORS);
        assertThat(again.err()).contains("refusing to overwrite").contains("2024-01-02-same-title.md");
        assertThat(Files.readString(file)).isEqualTo("my edits");
    }

    @Test
    void unknownVocabularyIdsAreRefusedWithASuggestion() throws Exception {
        siteYml();
        Run r = run("new", "x", "--source", project.toString(), "--severity", "sev1", "--service", "checkout");
        assertThat(r.code()).isEqualTo(Main.USAGE);
        assertThat(r.err()).contains("did you mean `SEV1`").contains("did you mean `checkout-api`");
        assertThat(Files.exists(project.resolve("content/postmortems"))).isFalse();
    }

    @Test
    void aProjectArchetypeOverridesTheBuiltInOne() throws Exception {
        siteYml();
        Files.createDirectories(project.resolve("themes/default/archetypes"));
        Files.writeString(project.resolve("themes/default/archetypes/postmortem.md"),
                "---\ntitle: ${titleYaml}\ndate: ${date}\n---\n\nThe theme's template.\n");
        Run theme = run("new", "Theirs", "--source", project.toString(), "--date", "2024-01-02");
        assertThat(theme.code()).as(theme.err()).isZero();
        assertThat(Files.readString(project.resolve("content/postmortems/2024-01-02-theirs.md"))).contains("The theme's template.");
        Files.createDirectories(project.resolve("archetypes"));
        Files.writeString(project.resolve("archetypes/postmortem.md"),
                "---\ntitle: ${titleYaml}\ndate: ${date}\nstatus: draft\n---\n\nOur own template for ${title}.\n");
        Run r = run("new", "Ours", "--source", project.toString(), "--date", "2024-01-02");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("archetypes/postmortem.md");
        assertThat(Files.readString(project.resolve("content/postmortems/2024-01-02-ours.md")))
                .isEqualTo("---\ntitle: \"Ours\"\ndate: 2024-01-02\nstatus: draft\n---\n\nOur own template for Ours.\n");
    }

    @Test
    void aBrokenArchetypeIsReportedWithItsLine() throws Exception {
        siteYml();
        Files.createDirectories(project.resolve("archetypes"));
        Files.writeString(project.resolve("archetypes/postmortem.md"), "---\ntitle: ${titleYaml\n---\n");
        Run r = run("new", "x", "--source", project.toString());
        assertThat(r.code()).isEqualTo(Main.ERRORS);
        assertThat(r.err()).containsPattern("archetypes/postmortem\\.md:[23]: error: template syntax");
    }

    @Test
    void aDateOutsideTheRealRangeIsABadUsageAndWritesNothing() throws Exception {
        siteYml();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        for (String date : List.of("0001-01-01", "0000-01-01", "1969-12-31", "9999-12-31",
                today.plusYears(1).plusDays(1).toString())) {
            Run r = run("new", "Typo", "--source", project.toString(), "--date", date);
            assertThat(r.code()).as(date + ": " + r.err()).isEqualTo(Main.USAGE);
            assertThat(r.err()).contains("--date " + date).contains("1970-01-01 to " + today.plusYears(1))
                    .contains("check the year");
        }
        assertThat(project.resolve("content/postmortems")).doesNotExist();
        for (String date : List.of("1970-01-01", today.plusYears(1).toString())) {
            Run r = run("new", "Edge " + date, "--source", project.toString(), "--date", date);
            assertThat(r.code()).as(date + ": " + r.err()).isZero();
        }
    }
}
