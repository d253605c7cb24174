package dev.hindsight.load;

import dev.hindsight.model.ActionItem;
import dev.hindsight.model.Postmortem;
import dev.hindsight.model.Problem;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every date the loader reads is kept within 1970-01-01 and a year after today ({@link TempContent#TODAY}, so
 * 2026-06-01): one outside is a {@code date-range} warning at its line, naming the value, the range and the fix,
 * and is left out, so an incident whose date is a typo is undated (and gets no second, {@code no-date} warning).
 */
class DateRangeLoadTest {
    private static final String RANGE = "(1970-01-01 to 2026-06-01)";

    @TempDir
    Path dir;

    private static String dated(String date) {
        return "---\ntitle: Typo\ndate: " + date + "\n---\n## Summary\n\nThe cache fell over.\n";
    }

    private List<Problem> rangeProblems(TempContent.Loaded l, String path) {
        return l.problems(path, Problem.Level.WARNING).stream().filter(p -> p.rule().equals("date-range")).toList();
    }

    @Test
    void theEdgesOfTheRangeAreKept() {
        TempContent.Loaded l = new TempContent(dir)
                .file("a.md", dated("1970-01-01"))
                .file("b.md", dated("2026-06-01"))
                .load();
        assertThat(l.site().postmortems()).extracting(Postmortem::date).containsExactlyInAnyOrder(
                java.util.Optional.of(LocalDate.of(1970, 1, 1)), java.util.Optional.of(LocalDate.of(2026, 6, 1)));
        assertThat(l.problems()).noneMatch(p -> p.rule().equals("date-range"));
    }

    @Test
    void aWrittenDateOutsideIsReportedAtItsLineAndTheIncidentIsUndated() {
        List<String> typos = List.of("1969-12-31", "2026-06-02", "0000-01-01", "0001-01-01", "-2023-01-01",
                "1023-05-01", "9999-12-31", "+10000-01-01");
        TempContent content = new TempContent(dir);
        for (int i = 0; i < typos.size(); i++) {
            content.file("t" + i + ".md", dated(typos.get(i)));
        }
        TempContent.Loaded l = content.load();
        assertThat(l.site().postmortems()).hasSize(typos.size()).allSatisfy(p -> assertThat(p.date()).isEmpty());
        for (int i = 0; i < typos.size(); i++) {
            String path = "t" + i + ".md";
            List<Problem> range = rangeProblems(l, path);
            assertThat(range).as(path).hasSize(1);
            assertThat(range.get(0).line()).isEqualTo(3);
            assertThat(range.get(0).message()).contains("`date` " + LocalDate.parse(typos.get(i)))
                    .contains(RANGE).contains("undated").contains("correct the year");
            assertThat(l.problems(path)).noneMatch(p -> p.contains("[no-date]"));
        }
    }

    @Test
    void aWrittenDateOutsideIsNotReplacedByOneInferredFromTheNameOrBody() {
        Postmortem p = new TempContent(dir).file("2023-05-01-cache.md", "---\ntitle: Cache\ndate: 0023-05-01\n---\n"
                + "On 2023-05-01 the cache fell over.\n").load().only();
        assertThat(p.date()).isEmpty();
        assertThat(p.inferred("date")).isFalse();
    }

    @Test
    void aDateWithATimeOutsideIsReportedOnce() {
        TempContent.Loaded l = new TempContent(dir).file("a.md", "---\ntitle: A\ndate: 0023-03-01 10:00:00\n---\nBody\n")
                .load();
        Postmortem p = l.only();
        assertThat(p.date()).isEmpty();
        assertThat(p.times().started()).isEmpty();
        assertThat(rangeProblems(l, "a.md")).hasSize(1);
    }

    @Test
    void aStartOutsideLeavesTheIncidentUndatedAndItsTimeOut() {
        TempContent.Loaded l = new TempContent(dir).file("a.md", "---\ntitle: A\ntimes:\n  started: 0023-03-01T10:00:00Z\n"
                + "---\nBody\n").load();
        Postmortem p = l.only();
        assertThat(p.date()).isEmpty();
        assertThat(p.times().started()).isEmpty();
        assertThat(rangeProblems(l, "a.md")).isNotEmpty().allSatisfy(w -> assertThat(w.line()).isEqualTo(4));
    }

    @Test
    void aTimesMomentOutsideIsLeftOutAndTheOthersKept() {
        TempContent.Loaded l = new TempContent(dir).file("a.md", "---\ntitle: A\ndate: 2024-03-01\ntimes:\n"
                + "  started: 2024-03-01T10:00:00Z\n  resolved: 9024-03-01T11:00:00Z\n---\nBody\n").load();
        Postmortem p = l.only();
        assertThat(p.date()).contains(LocalDate.of(2024, 3, 1));
        assertThat(p.times().started()).contains(Instant.parse("2024-03-01T10:00:00Z"));
        assertThat(p.times().resolved()).isEmpty();
        assertThat(rangeProblems(l, "a.md")).singleElement().satisfies(w -> {
            assertThat(w.line()).isEqualTo(6);
            assertThat(w.message()).contains("`times.resolved` 9024-03-01T11:00:00Z").contains(RANGE);
        });
    }

    @Test
    void actionItemDaysOutsideAreLeftEmpty() {
        TempContent.Loaded l = new TempContent(dir)
                .file("fm.md", "---\ntitle: A\ndate: 2024-03-01\naction_items:\n  - title: Add an alert\n"
                        + "    due: 0024-04-01\n    status: done\n    closed: 9024-04-02\n---\nBody\n")
                .file("body.md", "---\ntitle: B\ndate: 2024-03-01\n---\n## Action items\n\n"
                        + "- Add an alert (owner: sre, due: 2099-04-01)\n")
                .file("plan.md", "---\ntitle: C\ndate: 2024-03-01\naction_items:\n  - title: Move off the old cluster\n"
                        + "    due: 2029-06-30\n    status: open\n---\nBody\n")
                .load();
        Postmortem fm = l.site().postmortems().stream().filter(p -> p.source().equals("fm.md")).findFirst().orElseThrow();
        ActionItem item = fm.actionItems().get(0);
        assertThat(item.due()).isEmpty();
        assertThat(item.closed()).isEmpty();
        assertThat(rangeProblems(l, "fm.md")).extracting(Problem::line).containsExactlyInAnyOrder(6, 8);
        Postmortem body = l.site().postmortems().stream().filter(p -> p.source().equals("body.md")).findFirst().orElseThrow();
        assertThat(body.actionItems()).singleElement().satisfies(a -> assertThat(a.due())
                .as("a due day far ahead, up to the last day an item can be due, is a plan").contains(java.time.LocalDate.of(2099, 4, 1)));
        assertThat(rangeProblems(l, "body.md")).isEmpty();
        assertThat(rangeProblems(l, "fm.md")).filteredOn(w -> w.line() == 6).singleElement()
                .satisfies(w -> assertThat(w.message()).contains("`due` 0024-04-01").contains("2099-12-31"));
        Postmortem plan = l.site().postmortems().stream().filter(p -> p.source().equals("plan.md")).findFirst().orElseThrow();
        assertThat(plan.actionItems().get(0).due()).as("a plan years ahead is kept").contains(java.time.LocalDate.of(2029, 6, 30));
        assertThat(rangeProblems(l, "plan.md")).isEmpty();
    }

    @Test
    void anInferredDateOutsideIsReportedAndTheIncidentIsUndated() {
        TempContent.Loaded l = new TempContent(dir)
                .file("old.md", "# Old outage\n\nThe disk failed on 1905-05-01 in the night.\n")
                .file("ahead.md", "# Ahead\n\n## Timeline\n\n- 2099-05-01 10:00 UTC alert\n- 2099-05-01 11:00 UTC fixed\n")
                .load();
        assertThat(l.site().postmortems()).allSatisfy(p -> {
            assertThat(p.date()).isEmpty();
            assertThat(p.inferred("date")).isFalse();
            assertThat(p.times().started()).isEmpty();
            assertThat(p.times().resolved()).isEmpty();
        });
        assertThat(rangeProblems(l, "old.md")).singleElement().satisfies(w -> {
            assertThat(w.line()).isEqualTo(1);
            assertThat(w.message()).contains("the incident date 1905-05-01 (inferred from").contains(RANGE)
                    .contains("date: YYYY-MM-DD");
        });
        assertThat(rangeProblems(l, "ahead.md")).anySatisfy(w -> assertThat(w.message()).contains("2099-05-01"));
        assertThat(l.problems("old.md")).noneMatch(p -> p.contains("[no-date]"));
    }

    @Test
    void aCachedReadingIsUsedOnlyUnderARangeThatGivesTheSame() {
        Path content = new TempContent(dir.resolve("content")).file("soon.md", dated("2026-12-01"))
                .file("typo.md", dated("0023-05-01")).file("plain.md", dated("2024-05-01")).root();
        dev.hindsight.model.CacheFolder cache = dev.hindsight.model.CacheFolder.in(dir.resolve("cache"), "stamp");
        java.util.function.Function<LocalDate, dev.hindsight.model.Result<dev.hindsight.model.Site>> load = today ->
                new ContentLoader(cache).load(content,
                        new dev.hindsight.config.SiteConfigLoader().load(content, today).value(), false);
        // 2026-12-01 is within a year of 2026-01-15, not of 2025-06-01; the typo's warning names each range.
        for (LocalDate today : List.of(LocalDate.of(2026, 1, 15), LocalDate.of(2025, 6, 1), LocalDate.of(2026, 1, 15),
                LocalDate.of(2025, 6, 1))) {
            dev.hindsight.model.Result<dev.hindsight.model.Site> r = load.apply(today);
            java.util.Map<String, java.util.Optional<LocalDate>> dates = new java.util.TreeMap<>();
            r.value().postmortems().forEach(p -> dates.put(p.source(), p.date()));
            boolean kept = today.plusYears(1).isAfter(LocalDate.of(2026, 11, 30));
            assertThat(dates.get("soon.md")).as("today " + today).isEqualTo(kept
                    ? java.util.Optional.of(LocalDate.of(2026, 12, 1)) : java.util.Optional.empty());
            assertThat(dates.get("plain.md")).contains(LocalDate.of(2024, 5, 1));
            assertThat(r.problems()).filteredOn(p -> p.path().equals("typo.md") && p.rule().equals("date-range"))
                    .singleElement().satisfies(p -> assertThat(p.message()).contains("to " + today.plusYears(1) + ")"));
        }
    }
}
