package dev.hindsight.load;

import dev.hindsight.model.Postmortem;
import dev.hindsight.model.Problem;
import dev.hindsight.model.TimelineEvent;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class TimelineTest {
    private static final String FILE = "postmortems/2024-03-11-x.md";

    @TempDir
    Path dir;

    private TempContent.Loaded load(String body) {
        return new TempContent(dir).file(FILE, "---\ntitle: X\n---\n" + body).load();
    }

    private static Optional<Instant> at(String iso) {
        return Optional.of(Instant.parse(iso));
    }

    @Test
    void readsAStatusPagesUpdatesNewestFirstAsATimelineOldestFirst() {
        TempContent.Loaded l = new TempContent(dir).file("postmortems/api-errors.md", """
                # Elevated API error rates

                **Resolved** - This incident has been resolved.
                Posted Mar 03, 2023 - 15:41 UTC

                **Monitoring** - A fix has been implemented and we are monitoring the results.
                Posted Mar 03, 2023 - 15:02 UTC

                **Identified** - The rate limiter was misconfigured.
                Posted Mar 03, 2023 - 14:37 UTC

                **Investigating** - We are investigating elevated error rates.
                Posted Mar 03, 2023 - 14:05 UTC
                """).load();
        Postmortem p = l.only();
        assertThat(p.timeline()).extracting(TimelineEvent::at).containsExactly(at("2023-03-03T14:05:00Z"),
                at("2023-03-03T14:37:00Z"), at("2023-03-03T15:02:00Z"), at("2023-03-03T15:41:00Z"));
        assertThat(p.timeline().get(0).text()).startsWith("Investigating - We are investigating");
        assertThat(p.times().started()).isEqualTo(at("2023-03-03T14:05:00Z"));
        assertThat(p.times().resolved()).isEqualTo(at("2023-03-03T15:41:00Z"));
        assertThat(p.date()).contains(java.time.LocalDate.of(2023, 3, 3));
        // A body of updates only: the summary is the first update's words, not the last one's.
        assertThat(p.summary()).contains("We are investigating elevated error rates.");
    }

    @Test
    void readsATimelinePastedIntoAFencedBlockOrWrittenAsAnHtmlTable() {
        Postmortem fenced = load("""
                ## Timeline

                ```
                2024-03-11 08:14 UTC  Provider starts returning 500 on webhook acks
                2024-03-11 08:31 UTC  Queue depth alert pages on-call
                2024-03-11 09:30 UTC  Incident resolved
                ```
                """).only();
        assertThat(fenced.timeline()).extracting(TimelineEvent::at).containsExactly(at("2024-03-11T08:14:00Z"),
                at("2024-03-11T08:31:00Z"), at("2024-03-11T09:30:00Z"));
        assertThat(fenced.timeline().get(1).text()).isEqualTo("Queue depth alert pages on-call");
        Postmortem html = new TempContent(dir.resolve("html")).file("postmortems/2024-01-09-cert.md", """
                ## Timeline

                <table>
                <tr><th>Time (UTC)</th><th>Event</th></tr>
                <tr><td>06:00</td><td>Certificate expires</td></tr>
                <tr><td>07:45</td><td>First customer complaint</td></tr>
                </table>
                """).load().only();
        assertThat(html.timeline()).extracting(TimelineEvent::text).containsExactly("Certificate expires",
                "First customer complaint");
        assertThat(html.times().started()).isEqualTo(at("2024-01-09T06:00:00Z"));
    }

    @Test
    void aTableWithTheDayAndTheTimeInTwoColumnsReadsThemTogether() {
        Postmortem p = load("""
                ## Timeline

                | Date | Time (UTC) | Event |
                |---|---|---|
                | 2024-03-11 | 22:50 | Export job starts |
                | 2024-03-12 | 01:05 | Export complete |
                """).only();
        assertThat(p.timeline()).extracting(TimelineEvent::at).containsExactly(at("2024-03-11T22:50:00Z"),
                at("2024-03-12T01:05:00Z"));
        assertThat(p.timeline()).extracting(TimelineEvent::text).containsExactly("Export job starts", "Export complete");
    }

    @Test
    void aLogExcerptBesideTimelineEntriesAddsNoEvents() {
        Postmortem p = load("""
                ## Timeline

                - 08:14 UTC errors start
                - 09:30 UTC resolved

                ```
                2024-03-11T08:14:03Z ERROR pool exhausted
                2024-03-11T08:14:04Z ERROR pool exhausted
                ```
                """).only();
        assertThat(p.timeline()).hasSize(2);
    }

    @Test
    void entriesThatOpenWithAPrepositionBeforeTheirTimeAreRead() {
        Postmortem p = load("""
                ## Timeline

                - At 14:02 UTC, a config push reduced the gateway worker count.
                - At 14:09 UTC, the error-rate alert paged the storage on-call.
                - At 14:31 UTC, the push was rolled back.
                - By 14:45 UTC, error rates were back to normal.
                """).only();
        assertThat(p.timeline()).extracting(TimelineEvent::text).containsExactly(
                "a config push reduced the gateway worker count.", "the error-rate alert paged the storage on-call.",
                "the push was rolled back.", "error rates were back to normal.");
        assertThat(p.timeline()).extracting(TimelineEvent::label).containsOnly("14:02 UTC", "14:09 UTC", "14:31 UTC",
                "14:45 UTC");
        assertThat(p.times().detected()).isEqualTo(at("2024-03-11T14:09:00Z"));
        assertThat(p.times().mitigated()).isEqualTo(at("2024-03-11T14:31:00Z"));
    }

    @Test
    void aTimelineSectionWrittenNewestFirstIsReadOldestFirst() {
        Postmortem p = load("""
                ## Timeline

                - 2024-03-11 10:40 UTC: Error rate back to normal
                - 2024-03-11 10:05 UTC: Rollback started
                - 2024-03-11 09:12 UTC: Alert fired for checkout errors
                """).only();
        assertThat(p.timeline()).extracting(TimelineEvent::at).containsExactly(at("2024-03-11T09:12:00Z"),
                at("2024-03-11T10:05:00Z"), at("2024-03-11T10:40:00Z"));
        assertThat(p.times().started()).isEqualTo(at("2024-03-11T09:12:00Z"));
    }

    @Test
    void readsATableWithTheZoneInItsHeader() {
        TempContent.Loaded l = load("""
                ## Timeline

                | Time (CET) | Event | Who |
                |---|---|---|
                | 2024-03-11 09:02 | Deploy **starts** | ci |
                | 09:17 | Alert [fires](https://alerts.example/1) | |
                | 2024-03-11T10:00Z | Rolled back | sre |
                """);
        Postmortem p = l.only();
        assertThat(p.timeline()).extracting(TimelineEvent::label).containsExactly("2024-03-11 09:02", "09:17", "2024-03-11T10:00Z");
        assertThat(p.timeline()).extracting(TimelineEvent::at).containsExactly(at("2024-03-11T08:02:00Z"),
                at("2024-03-11T08:17:00Z"), at("2024-03-11T10:00:00Z"));
        assertThat(p.timeline().get(0).text()).isEqualTo("Deploy starts \u2014 ci");
        assertThat(p.timeline().get(0).html()).isEqualTo("Deploy <strong>starts</strong> \u2014 ci");
        assertThat(p.timeline().get(1).html()).isEqualTo("Alert <a href=\"https://alerts.example/1\">fires</a>");
        assertThat(p.timeline()).extracting(TimelineEvent::line).containsExactly(8, 9, 10);
    }

    @Test
    void readsAHeadingPerEntryWithTheBlocksBelowAsItsText() {
        TempContent.Loaded l = load("""
                ## Timeline

                All times in CET

                ### Mar 11 2024 08:59

                A user reports failed builds.

                ### 14:00

                Test builds succeed, but launches time out.

                - nginx returns 504

                ### What we learned

                Not an entry.
                """);
        Postmortem p = l.only();
        assertThat(p.timeline()).extracting(TimelineEvent::label).containsExactly("Mar 11 2024 08:59", "14:00");
        assertThat(p.timeline()).extracting(TimelineEvent::at).containsExactly(at("2024-03-11T07:59:00Z"), at("2024-03-11T13:00:00Z"));
        assertThat(p.timeline().get(0).text()).isEqualTo("A user reports failed builds.");
        assertThat(p.timeline().get(1).text()).startsWith("Test builds succeed, but launches time out.").contains("nginx returns 504");
    }

    @Test
    void readsParagraphsAndLinesThatStartWithATime() {
        TempContent.Loaded l = load("""
                ## Timeline

                **09:02** Deploy begins.

                09:10 - Errors climb.\\
                09:12 - Pager fires.
                09:20 - Rolled back.

                Follow-up discussion happened the next day.
                """);
        Postmortem p = l.only();
        assertThat(p.timeline()).extracting(TimelineEvent::label).containsExactly("09:02", "09:10", "09:12", "09:20");
        assertThat(p.timeline()).extracting(TimelineEvent::text).containsExactly("Deploy begins.", "Errors climb.",
                "Pager fires.", "Rolled back. Follow-up discussion happened the next day.");
        assertThat(p.times().started()).isEqualTo(at("2024-03-11T09:02:00Z"));
    }

    @Test
    void aFrontMatterDateWithATimeIsTheStart() {
        Postmortem p = new TempContent(dir).file(FILE, "---\ntitle: X\ndate: 2024-03-11 13:00:00\n---\nThe mirror was down.\n")
                .load().only();
        assertThat(p.isoDate()).isEqualTo("2024-03-11");
        assertThat(p.times().started()).isEqualTo(at("2024-03-11T13:00:00Z"));
        Postmortem declared = new TempContent(dir.resolve("b")).file(FILE, "---\ntitle: X\ndate: 2024-03-11 13:00:00\n"
                + "times:\n  started: 2024-03-11T12:40:00Z\n---\nText.\n").load().only();
        assertThat(declared.times().started()).as("times.started wins").isEqualTo(at("2024-03-11T12:40:00Z"));
    }

    @Test
    void readsListsInManyFormats() {
        TempContent.Loaded l = load("""
                ## Incident timeline

                All times in UTC.

                - **09:02** - Deploy begins
                - 09:05: [config](https://example.com/pr) pushed
                - [09:07] Alert fires
                - 9:12 AM - Paged
                - 2024-03-11 09:30 UTC: Mitigated
                - 2024-03-11T09:45+01:00 Note from Paris
                """);
        Postmortem p = l.only();
        assertThat(p.timeline()).extracting(TimelineEvent::text).containsExactly("Deploy begins", "config pushed",
                "Alert fires", "Paged", "Mitigated", "Note from Paris");
        assertThat(p.timeline()).extracting(TimelineEvent::at).containsExactly(at("2024-03-11T09:02:00Z"),
                at("2024-03-11T09:05:00Z"), at("2024-03-11T09:07:00Z"), at("2024-03-11T09:12:00Z"),
                at("2024-03-11T09:30:00Z"), at("2024-03-11T08:45:00Z"));
        assertThat(p.timeline().get(0).label()).isEqualTo("09:02");
        assertThat(p.timeline().get(1).html()).isEqualTo("<a href=\"https://example.com/pr\">config</a> pushed");
        assertThat(l.problems(FILE)).isEmpty();
    }

    @Test
    void clockTimesAreReadInTheOffsetTheFrontMatterWroteItsMomentsInUnlessTheTextNamesAZone() {
        TempContent.Loaded jekyll = new TempContent(dir).file(FILE, """
                ---
                title: DNS outage
                date: 2024-03-11 14:02:00 +0200
                ---
                ### Timeline

                14:02 - first SERVFAIL alerts
                14:27 - traffic shifted, resolved
                """).load();
        assertThat(jekyll.only().timeline()).extracting(TimelineEvent::at).containsExactly(at("2024-03-11T12:02:00Z"),
                at("2024-03-11T12:27:00Z"));
        TempContent.Loaded named = new TempContent(dir).file(FILE, """
                ---
                title: DNS outage
                times: {started: "2024-03-11T09:02:00-07:00"}
                ---
                ## Timeline (UTC)

                - 16:02 first SERVFAIL alerts
                - 16:27 traffic shifted, resolved
                """).load();
        assertThat(named.only().timeline()).extracting(TimelineEvent::at).containsExactly(at("2024-03-11T16:02:00Z"),
                at("2024-03-11T16:27:00Z"));
    }

    @Test
    void aZoneStatedAtTheTopAndDateLinesApply() {
        TempContent.Loaded l = load("""
                All times PST.

                ## Timeline

                2024-03-10

                - 11:00 PM: bad config merged

                2024-03-11

                - 4:49 AM: first user report
                """);
        assertThat(l.only().timeline()).extracting(TimelineEvent::at).containsExactly(at("2024-03-11T07:00:00Z"),
                at("2024-03-11T12:49:00Z"));
    }

    @Test
    void headingsWithDatesSetTheDayForTheirEntries() {
        TempContent.Loaded l = load("""
                ## Timeline

                ### March 12, 2024 - second outage

                - **19:12 UTC** - rollout
                """);
        assertThat(l.only().timeline()).extracting(TimelineEvent::at).containsExactly(at("2024-03-12T19:12:00Z"));
    }

    @Test
    void aTimeEarlierThanTheOneBeforeWithoutADateIsTheNextDayWhenThatIsWithinTwelveHours() {
        TempContent.Loaded l = load("""
                ## Timeline

                - 23:55 migration completes
                - 07:00 merging is back to normal
                - 07:30 all clear
                """);
        Postmortem p = l.only();
        assertThat(p.timeline()).extracting(TimelineEvent::at).containsExactly(at("2024-03-11T23:55:00Z"),
                at("2024-03-12T07:00:00Z"), at("2024-03-12T07:30:00Z"));
        assertThat(l.problems(FILE, Problem.Level.INFO)).singleElement().satisfies(n -> {
            assertThat(n.line()).isEqualTo(7);
            assertThat(n.message()).contains("read as the next day, 2024-03-12");
        });
    }

    @Test
    void aTimeFarEarlierThanTheOneBeforeWithoutADateIsNotGuessed() {
        TempContent.Loaded l = load("""
                ## Timeline

                - 19:55 migration completes
                - 09:00 merging is back to normal
                - 09:30 all clear
                """);
        Postmortem p = l.only();
        assertThat(p.timeline()).extracting(TimelineEvent::at).containsExactly(at("2024-03-11T19:55:00Z"),
                Optional.empty(), Optional.empty());
        assertThat(p.timeline().get(1).label()).isEqualTo("09:00");
        assertThat(l.problems(FILE, Problem.Level.INFO)).extracting(Problem::line).containsExactly(7, 8);
    }

    @Test
    void ambiguousZonesAndYearlessDatesAreReportedNotGuessed() {
        TempContent.Loaded l = load("""
                ## Timeline

                - [12-05 16:21] bug introduced
                - [03-10 16:46] spec updated
                - 10:00 CST call with vendor
                """);
        Postmortem p = l.only();
        assertThat(p.timeline()).extracting(TimelineEvent::at).containsExactly(Optional.empty(),
                at("2024-03-10T16:46:00Z"), Optional.empty());
        assertThat(l.problems(FILE, Problem.Level.INFO)).extracting(Problem::message)
                .anySatisfy(m -> assertThat(m).contains("no year"))
                .anySatisfy(m -> assertThat(m).contains("'CST'"));
    }

    @Test
    void entriesWithoutATimeAreKeptAndReported() {
        TempContent.Loaded l = load("""
                ## Timeline

                | Time | Event |
                |---|---|
                | 2024-03-11 HH:mm | exact time unknown |
                | sometime in May | vague |
                | 09:00 | known |
                """);
        Postmortem p = l.only();
        assertThat(p.timeline()).extracting(TimelineEvent::label).containsExactly("2024-03-11 HH:mm", "sometime in May", "09:00");
        assertThat(p.timeline()).extracting(e -> e.at().isPresent()).containsExactly(false, false, true);
        assertThat(l.problems(FILE, Problem.Level.INFO)).singleElement()
                .satisfies(pr -> assertThat(pr.message()).contains("sometime in May"));
    }

    @Test
    void keyEventsWithTheTimeAtTheEndNameTheKeyMoments() {
        TempContent.Loaded l = load("""
                - **Key events**
                  - Fault occurs 2024-03-11 11:45
                  - First detected: 2024-03-11 11:51
                  - Repaired 2024-03-11 12:07
                  - Resolved 2024-03-11 12:30
                - **Time to repair**: 0h 16m
                """);
        Postmortem p = l.only();
        assertThat(p.timeline()).extracting(TimelineEvent::text).containsExactly("Fault occurs", "First detected",
                "Repaired", "Resolved");
        assertThat(p.times().started()).isEqualTo(at("2024-03-11T11:45:00Z"));
        assertThat(p.times().detected()).isEqualTo(at("2024-03-11T11:51:00Z"));
        assertThat(p.times().mitigated()).isEqualTo(at("2024-03-11T12:07:00Z"));
        assertThat(p.times().resolved()).isEqualTo(at("2024-03-11T12:30:00Z"));
        assertThat(p.inferences()).filteredOn(i -> i.field().startsWith("times.")).hasSize(4)
                .allSatisfy(i -> assertThat(i.source()).startsWith("timeline entry"));
    }

    @Test
    void eventHtmlDropsUnsafeLinksAndMarkup() {
        TempContent.Loaded l = load("""
                ## Timeline

                - 09:00 click [here](javascript:alert(1)) or <img src=x onerror=alert(1)> `code <b>` ![alt](data:x)
                """);
        String html = l.only().timeline().get(0).html();
        assertThat(html).doesNotContain("javascript", "onerror", "<img", "data:");
        assertThat(html).contains("<a>here</a>").contains("<code>code &lt;b&gt;</code>").contains("alt");
    }

    @Test
    void aDateOnlyEventBeforeTheIncidentIsBackgroundAndTheTimesAfterItStayOnTheIncidentDate() {
        TempContent.Loaded l = load("""
                ## Timeline

                | Time (UTC) | Event |
                |---|---|
                | 2024-03-04 | The export job moves to 16:30. |
                | 16:30 | Export starts. |
                | 16:48 | First errors. |
                | 2024-03-12 09:30 | Export rerun on a replica. |
                | 10:00 | Done. |
                """);
        Postmortem p = l.only();
        assertThat(p.timeline()).extracting(TimelineEvent::at).containsExactly(Optional.empty(),
                at("2024-03-11T16:30:00Z"), at("2024-03-11T16:48:00Z"), at("2024-03-12T09:30:00Z"),
                at("2024-03-12T10:00:00Z"));
        assertThat(l.problems(FILE, Problem.Level.INFO)).singleElement().satisfies(pr -> {
            assertThat(pr.line()).isEqualTo(9);
            assertThat(pr.message()).contains("'16:30'").contains("2024-03-11").contains("2024-03-04");
        });
    }

    @Test
    void aDateOnlyRowWithoutTextStillSetsTheDay() {
        TempContent.Loaded l = load("""
                ## Timeline

                | Time (UTC) | Event |
                |---|---|
                | 2024-03-10 | |
                | 22:00 | Backup starts. |
                """);
        assertThat(l.only().timeline()).extracting(TimelineEvent::at).containsExactly(Optional.empty(),
                at("2024-03-10T22:00:00Z"));
        assertThat(l.problems(FILE)).isEmpty();
    }

    @Test
    void timestampsInSeveralFormatsAndZonesAreReadWhereUnambiguous() {
        TempContent.Loaded l = load("""
                ## Timeline

                - 2024-03-11T09:02:00Z deploy starts
                - 2024-03-11 10:17 +01:00 alert fires
                - 2024-03-11 09:30 UTC on-call acknowledges
                - 9:45 AM rollback starts
                - 11:00 PST vendor call
                - 10:00 IST partner call
                - Mar 11, 2024 12:00 all clear
                """);
        Postmortem p = l.only();
        assertThat(p.timeline()).extracting(TimelineEvent::at).containsExactly(at("2024-03-11T09:02:00Z"),
                at("2024-03-11T09:17:00Z"), at("2024-03-11T09:30:00Z"), at("2024-03-11T09:45:00Z"),
                at("2024-03-11T19:00:00Z"), Optional.empty(), at("2024-03-11T12:00:00Z"));
        assertThat(l.problems(FILE, Problem.Level.INFO)).singleElement().satisfies(pr -> {
            assertThat(pr.line()).isEqualTo(11);
            assertThat(pr.message()).contains("'IST'");
        });
    }

    @Test
    void anEventListWithoutAnyDatesOrTimesIsKeptAsTextAndReported() {
        TempContent.Loaded l = load("""
                ## Timeline

                1. The deploy went out.
                2. Errors rose.
                3. We rolled back.
                """);
        Postmortem p = l.only();
        assertThat(p.timeline()).isEmpty();
        assertThat(p.bodyHtml()).contains("We rolled back.");
        assertThat(p.times().started()).isEmpty();
        assertThat(l.problems(FILE, Problem.Level.INFO)).singleElement().satisfies(pr -> {
            assertThat(pr.line()).isEqualTo(6);
            assertThat(pr.message()).contains("3 entries without a date or time");
        });
    }

    @Test
    void aRunOfTimedEntriesOutsideAnySectionNamedTimelineIsTheTimeline() {
        TempContent.Loaded l = new TempContent(dir)
                .file("2024-02-01-list.md", "# Queue stall\n\n## What happened\n\n- 09:10 UTC consumers stopped\n"
                        + "- 09:25 UTC alert fired\n- 10:02 UTC broker restarted\n\n## Action items\n\n- 11:00 review\n"
                        + "- 12:00 write runbook\n")
                .file("2024-02-02-paras.md", "# Paras\n\n## Details\n\n**14:05** Rolled out the config.\n\n"
                        + "**14:20** Errors climbed.\n\nThen we went home.\n")
                // One step back may be midnight; two are not a timeline.
                .file("2024-02-03-backwards.md", "# Back\n\n## Notes\n\n- 18:00 third\n- 09:00 first\n- 08:00 zeroth\n")
                .file("2024-02-04-one.md", "# One\n\n## Notes\n\n- 18:00 only thing\n- and some words\n- more words\n")
                .load();
        assertThat(l.site().postmortem("2024-02-01-list").orElseThrow().timeline()).extracting(e -> e.text())
                .containsExactly("consumers stopped", "alert fired", "broker restarted");
        assertThat(l.site().postmortem("2024-02-01-list").orElseThrow().times().started())
                .hasValueSatisfying(t -> assertThat(t).hasToString("2024-02-01T09:10:00Z"));
        assertThat(l.site().postmortem("2024-02-02-paras").orElseThrow().timeline()).hasSize(2);
        assertThat(l.site().postmortem("2024-02-03-backwards").orElseThrow().timeline()).isEmpty();
        assertThat(l.site().postmortem("2024-02-04-one").orElseThrow().timeline()).isEmpty();
    }

    @Test
    void aZoneInTheTimelineHeadingAppliesToItsEntries() {
        TempContent.Loaded l = new TempContent(dir)
                .file("2024-07-01-pst.md", "# A\n\n## Timeline (PDT)\n\n- 09:10 consumers stopped\n- 09:25 alert fired\n")
                .file("2024-01-02-dash.md", "# B\n\n## Issue Timeline - CET\n\n- 09:10 consumers stopped\n- 09:25 alert\n")
                .load();
        assertThat(l.site().postmortem("2024-07-01-pst").orElseThrow().times().started())
                .hasValueSatisfying(t -> assertThat(t).hasToString("2024-07-01T16:10:00Z"));
        assertThat(l.site().postmortem("2024-01-02-dash").orElseThrow().times().started())
                .hasValueSatisfying(t -> assertThat(t).hasToString("2024-01-02T08:10:00Z"));
    }

    @Test
    void anIndentedTimelineAndAmbiguousDatesNearTheIncidentDayAreRead() {
        TempContent.Loaded l = new TempContent(dir)
                .file("2023-03-10-code.md", "# A\n\n## Timeline\n\n    - 13:05 alert fired\n    - 13:40 rolled back\n")
                .file("2023-03-10-near.md", "# B\n\n## Timeline\n\n**11-03-2023 10:00 UTC** – deploy started\n\n"
                        + "**11-03-2023 10:20 UTC** – errors\n")
                .load();
        assertThat(l.site().postmortem("2023-03-10-code").orElseThrow().timeline()).extracting(e -> e.text())
                .containsExactly("alert fired", "rolled back");
        // 11-03-2023 is 3 November or 11 March; only 11 March is near the incident's day, 10 March.
        assertThat(l.site().postmortem("2023-03-10-near").orElseThrow().times().started())
                .hasValueSatisfying(t -> assertThat(t).hasToString("2023-03-11T10:00:00Z"));
    }

    @Test
    void aTimelineWrittenRelativeToTheStartIsReadFromTheFrontMattersStart() {
        String timeline = """

                ## Timeline

                - T+0:00 — Consumer deploy starts.
                - T+0:12 — Queue depth alert fires; on-call paged.
                - T+40m — Deploy rolled back; consumers recover.
                - T+1h 35m — Backlog drained, incident resolved.
                """;
        Postmortem p = new TempContent(dir).file(FILE, "---\ntitle: X\ntimes:\n  started: 2024-03-11T14:00:00Z\n---\n"
                + timeline).load().only();
        assertThat(p.timeline()).extracting(TimelineEvent::label).containsExactly("T+0:00", "T+0:12", "T+40m", "T+1h 35m");
        assertThat(p.timeline()).extracting(TimelineEvent::at).containsExactly(at("2024-03-11T14:00:00Z"),
                at("2024-03-11T14:12:00Z"), at("2024-03-11T14:40:00Z"), at("2024-03-11T15:35:00Z"));
        assertThat(p.times().detected()).isEqualTo(at("2024-03-11T14:12:00Z"));
        assertThat(p.times().resolved()).isEqualTo(at("2024-03-11T15:35:00Z"));

        // A line that states the start places them too.
        Postmortem stated = new TempContent(dir.resolve("a")).file(FILE, "---\ntitle: X\n---\n\n**Start time:** 2024-03-11 "
                + "14:00 UTC\n" + timeline).load().only();
        assertThat(stated.timeline().get(1).at()).isEqualTo(at("2024-03-11T14:12:00Z"));

        // Without a known start the entries are kept, unplaced, and one note says what would place them.
        TempContent.Loaded undated = new TempContent(dir.resolve("b")).file(FILE, "---\ntitle: X\n---\n" + timeline).load();
        assertThat(undated.only().timeline()).hasSize(4).allSatisfy(e -> assertThat(e.at()).isEmpty());
        assertThat(undated.problems(FILE, Problem.Level.INFO)).filteredOn(x -> x.message().contains("incident's start"))
                .singleElement().satisfies(x -> assertThat(x.message()).contains("'T+0:00'").contains("times.started"));
    }
}
