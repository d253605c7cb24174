package dev.hindsight.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class CheckCommandTest {
    /** A GitHub workflow command: {@code ::level file=…,line=…,col=…,title=…::message} with escaped values. */
    private static final Pattern ANNOTATION = Pattern.compile(
            "::(error|warning|notice)(?: (?:file=[^,:\\r\\n]+,(?:line=[1-9]\\d*,(?:col=[1-9]\\d*,)?)?)?title=[^,:\\r\\n]*)?::[^\\r\\n]+");

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

    private void site(String incident) throws Exception {
        Path dir = Files.createDirectories(project.resolve("content/postmortems"));
        Files.writeString(project.resolve("content/site.yml"), """
                title: Check test
                severities: [SEV1, SEV2]
                causes: [capacity, config-change]
                blameless:
                  - pattern: "human error"
                    suggestion: "Describe the conditions instead."
                """);
        Files.writeString(dir.resolve("2024-03-11-pool.md"), incident);
    }

    private static final String CLEAN = """
            ---
            title: Pool exhausted
            date: 2024-03-11
            severity: SEV2
            causes: [capacity]
            action_items:
              - title: Alert on pool use
                owner: payments
                due: 2024-04-01
            ---

            ## Summary

            The pool ran dry.

            ## Impact

            Checkout failed.

            ## Timeline

            - 09:00 Pool at 100%.

            ## Root cause

            Too few connections.

            ## Resolution

            Raised the limit.

            ## Lessons learned

            - Watch the pool.
            """;

    @Test
    void aCleanSiteExitsZero() throws Exception {
        site(CLEAN);
        Run r = run("check", "--source", project.toString(), "--today", "2024-06-01");
        assertThat(r.code()).as(r.out() + r.err()).isZero();
        assertThat(r.err()).contains("0 errors, 0 warnings");
    }

    @Test
    void errorsExitTwoAndPrintFileLineColumn() throws Exception {
        site(CLEAN.replace("causes: [capacity]", "causes: [capacty]"));
        Run r = run("check", "--source", project.toString(), "--today", "2024-06-01");
        assertThat(r.code()).isEqualTo(Main.ERRORS);
        assertThat(r.out()).containsPattern("content/postmortems/2024-03-11-pool\\.md:5:10: error: unknown cause `capacty`; "
                + "did you mean `capacity`\\? \\[unknown-cause\\]");
    }

    @Test
    void tomlFrontMatterKeysArePointedAtTheirLinesAsYamlOnesAre() throws Exception {
        String yaml = CLEAN.substring(CLEAN.indexOf("\n## Summary"));
        site("""
                +++
                title = "Pool exhausted"
                date = 2024-03-11
                severity = "SEV9"
                causes = ["capacity", "capacty"]

                [times]
                started = 2024-03-11T09:00:00Z
                resolved = 2024-03-11T08:00:00Z
                +++
                """ + yaml);
        Run r = run("check", "--source", project.toString(), "--today", "2024-06-01");
        String file = "content/postmortems/2024-03-11-pool.md";
        assertThat(r.out()).contains(file + ":4:13: error: unknown severity `SEV9`")
                .contains(file + ":5:24: error: unknown cause `capacty`")
                .contains(file + ":9:1: error: ");
    }

    @Test
    void warningsExitOneOnlyWithStrict() throws Exception {
        site(CLEAN.replace("Too few connections.", "Human error."));
        Run lax = run("check", "--source", project.toString(), "--today", "2024-06-01");
        Run strict = run("check", "--source", project.toString(), "--today", "2024-06-01", "--strict");
        assertThat(lax.code()).isZero();
        assertThat(strict.code()).isEqualTo(Main.WARNINGS);
        assertThat(strict.out()).contains("[blameless-language]").contains("Describe the conditions instead.");
    }

    @Test
    void githubFormatPrintsOnlyWorkflowCommands() throws Exception {
        site(CLEAN.replace("causes: [capacity]", "causes: [capacity%x]").replace("Too few connections.", "Human error."));
        Run r = run("check", "--source", project.toString(), "--today", "2024-06-01", "--format", "github");
        assertThat(r.code()).isEqualTo(Main.ERRORS);
        assertThat(r.out().lines().toList()).hasSizeGreaterThanOrEqualTo(2).allSatisfy(l -> assertThat(l).matches(ANNOTATION));
        assertThat(r.out()).contains("::error file=").contains("title=hindsight unknown-cause::")
                .contains("::warning file=").contains("`capacity%25x`");
    }

    @Test
    void jsonFormatIsAnArray() throws Exception {
        site(CLEAN.replace("severity: SEV2", "severity: SEV9"));
        Run r = run("check", "--source", project.toString(), "--today", "2024-06-01", "--format", "json");
        assertThat(r.out()).startsWith("[\n  {\"file\": ").contains("\"rule\": \"unknown-severity\"").endsWith("]\n");
    }

    @Test
    void fileArgumentsLimitTheReport() throws Exception {
        site(CLEAN.replace("causes: [capacity]", "causes: [capacty]"));
        Run other = run("check", "--source", project.toString(), "--today", "2024-06-01",
                project.resolve("content/pages").toString());
        assertThat(other.code()).isZero();
        assertThat(other.out()).isEmpty();
    }

    @Test
    void loaderErrorsAreReportedAndHideWarningsAboutTheSameFile() throws Exception {
        site(CLEAN);
        Files.writeString(project.resolve("content/postmortems/2024-05-01-broken.md"),
                "---\ntitle: [unclosed\ndate: 2024-05-01\n---\n\nBody\n");
        Run r = run("check", "--source", project.toString(), "--today", "2024-06-01");
        assertThat(r.code()).isEqualTo(Main.ERRORS);
        assertThat(r.out().lines().filter(l -> l.contains("2024-05-01-broken.md")).toList())
                .isNotEmpty().allSatisfy(l -> assertThat(l).contains(": error: "));
    }

    @Test
    void badFormatIsAUsageError() throws Exception {
        site(CLEAN);
        assertThat(run("check", "--source", project.toString(), "--format", "xml").code()).isEqualTo(Main.USAGE);
    }
}
