package dev.hindsight.cli;

import dev.hindsight.render.FollowThroughSite;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.json.Json;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code hindsight actions}: its three formats, the filters and its exit codes. */
class ActionsCommandTest {
    @TempDir
    static Path dir;

    private record Run(int code, String out, String err) {
    }

    @BeforeAll
    static void write() throws IOException {
        FollowThroughSite.write(dir, false, false);
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> all = new ArrayList<>(List.of("actions", "--source", dir.toString(), "--today", FollowThroughSite.TODAY.toString()));
        all.addAll(List.of(args));
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), all.toArray(String[]::new));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void textListsEveryOpenItemByTeamOverdueFirstAndExitsZero() {
        Run r = run();
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out().lines().filter(l -> !l.startsWith(" ")).toList()).containsExactly("Data (1 open, 0 overdue)",
                "Payments (4 open, 3 overdue)", "Platform SRE (1 open, 0 overdue)", "No owner team (2 open, 1 overdue)");
        assertThat(r.out()).contains("""
                  - Write the saturation runbook
                    Open, overdue 120 days (due 2025-02-01); owner Dana Whitfield
                """);
        assertThat(r.out()).containsPattern("postmortems/2025-01-10-pool\\.md:\\d+ \\(Checkout pool saturation\\)");
        assertThat(r.err()).contains("8 open action items, 4 overdue, as of 2025-06-01");
    }

    @Test
    void overdueAndTeamFilterTheListAndStillExitZero() {
        Run r = run("--overdue", "--team", "PAYMENTS");
        assertThat(r.code()).isZero();
        assertThat(r.out()).startsWith("Payments (3 open, 3 overdue)\n").doesNotContain("Data").doesNotContain("2025-08-01");
        Run none = run("--overdue", "--team", "platform sre");
        assertThat(none.code()).as("nothing overdue is no failure").isZero();
        assertThat(none.out()).isEmpty();
        assertThat(run("--team", "no-owner-team").out()).startsWith("No owner team (2 open, 1 overdue)");
    }

    @Test
    void anUnknownTeamOrFormatIsAUsageErrorNamingTheKnownTeams() {
        Run r = run("--team", "billing");
        assertThat(r.code()).isEqualTo(Main.USAGE);
        assertThat(r.err()).contains("unknown team 'billing'").contains("data, no-owner-team, payments, platform");
        assertThat(r.out()).isEmpty();
        assertThat(run("--format", "yaml").code()).isEqualTo(Main.USAGE);
    }

    @Test
    void githubFormatAnnotatesEachItemAtItsFileAndLine() throws IOException {
        Run r = run("--format", "github");
        assertThat(r.code()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines).hasSize(8);
        assertThat(lines.stream().filter(l -> l.startsWith("::warning ")).count()).isEqualTo(4);
        String runbook = lines.stream().filter(l -> l.contains("saturation runbook")).findFirst().orElseThrow();
        assertThat(runbook).matches("::warning file=.*postmortems/2025-01-10-pool\\.md,line=(\\d+),title=Overdue action item::"
                + "Payments: Write the saturation runbook \\(due 2025-02-01, overdue 120 days\\)");
        int line = Integer.parseInt(runbook.replaceAll(".*,line=(\\d+),.*", "$1"));
        List<String> source = Files.readAllLines(dir.resolve("content/postmortems/2025-01-10-pool.md"));
        assertThat(source.get(line - 1)).contains("Write the saturation runbook");
        // A comma in an annotation's message is data, not a property separator: only % CR LF are escaped there.
        assertThat(r.out()).contains("::No owner team: Forecast disk growth, alert 7 days ahead (due 2025-05-20, overdue 12 days)");
        assertThat(lines).filteredOn(l -> l.contains("Cap replicas per pool")).singleElement()
                .satisfies(l -> assertThat(l).startsWith("::notice ").contains("title=Open action item::"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void jsonHasAStableShape() {
        Run r = run("--format", "json", "--team", "payments");
        assertThat(r.code()).isZero();
        assertThat(r.err()).isEmpty();
        Map<String, Object> doc = new Json().toType(r.out(), Json.MAP_TYPE);
        assertThat(doc).containsEntry("today", "2025-06-01").containsEntry("open", 4L).containsEntry("overdue", 3L);
        List<Map<String, Object>> teams = (List<Map<String, Object>>) doc.get("teams");
        assertThat(teams).singleElement().satisfies(t -> assertThat(t).containsEntry("team", "payments").containsEntry("label", "Payments"));
        List<Map<String, Object>> items = (List<Map<String, Object>>) teams.get(0).get("items");
        assertThat(items).extracting(i -> i.get("title")).containsExactly("Write the saturation runbook",
                "Alert on pool wait time", "Review pool sizes", "Review pool sizes");
        Map<String, Object> first = items.get(0);
        assertThat(first.keySet()).containsExactly("id", "title", "type", "status", "owner", "due", "overdue", "overdueDays",
                "ageDays", "link", "incident", "file", "line");
        assertThat(first).containsEntry("overdueDays", 120L).containsEntry("ageDays", 142L).containsEntry("status", "open")
                .containsEntry("link", null);
        assertThat((String) first.get("id")).matches("2025-01-10-pool/[0-9a-f]{10}");
        assertThat((Map<String, Object>) first.get("incident")).containsEntry("url", "https://kb.example/incidents/2025-01-10-pool/");
        assertThat(items.get(2).get("id")).isNotEqualTo(items.get(3).get("id"));
    }
}
