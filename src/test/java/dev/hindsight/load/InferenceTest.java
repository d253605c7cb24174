package dev.hindsight.load;

import dev.hindsight.model.Inference;
import dev.hindsight.model.Postmortem;
import dev.hindsight.model.Problem;
import dev.hindsight.model.SourceFile;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** Values a postmortem does not state are inferred from its body and file name, and each inference is recorded. */
class InferenceTest {
    @TempDir
    Path dir;

    private TempContent content() {
        return new TempContent(dir);
    }

    private static String source(Postmortem p, String field) {
        return p.inferences().stream().filter(i -> i.field().equals(field)).map(Inference::source).findFirst().orElse("-");
    }

    @Test
    void aLessonsHeadingBesideABucketsIsReadByItsWordsAndATicketMarksDetection() {
        Postmortem p = new TempContent(dir).file("postmortems/2022-09-14-search.md", """
                # Search returned empty results

                ## Timeline

                - 13:05 reindex job starts
                - 13:22 alias swapped to the new, empty index
                - 13:31 support tickets about empty search
                - 14:00 alias pointed back; results return

                ## How'd we do?

                ### What went well
                - The rollback took two minutes.

                ### What didn't go so well
                - Nine minutes passed before anyone noticed.

                ## Why the index stayed empty

                Nothing copied it.
                """).load().only();
        assertThat(p.lessons().wentWell()).containsExactly("The rollback took two minutes.");
        assertThat(p.lessons().wentWrong()).containsExactly("Nine minutes passed before anyone noticed.");
        assertThat(p.times().detected()).contains(Instant.parse("2022-09-14T13:31:00Z"));
    }

    @Test
    void aPagerInTheTimelineMarksDetection() {
        Postmortem p = new TempContent(dir).file("postmortems/2015-10-21-search.md", """
                # Search melted down

                ## Timeline

                * 14:51 A news story sends traffic to search
                * 14:54 OUTAGE BEGINS: backends start failing under load
                * 14:55 The on-call engineer receives a pager storm of HTTP 500s
                * 15:28 OUTAGE MITIGATED by sending traffic to a spare cluster
                """).load().only();
        assertThat(p.times().detected()).contains(Instant.parse("2015-10-21T14:55:00Z"));
    }

    @Test
    void severalFactsOnOneLineSetApartByADotOrABarAreEachRead() {
        Postmortem p = new TempContent(dir).file("site.yml", "title: T\nseverities:\n  - id: SEV1\n  - id: SEV2\n")
                .file("postmortems/2023-04-05-payments.md", """
                # Payment API outage

                Severity: Sev 1 · Category: Payments | Detection: alert

                ## Summary

                Card payments failed; the note says: a value with a colon · and a dot stays one line.
                """).load().only();
        assertThat(p.severity()).contains("SEV1");
        assertThat(p.tags()).containsExactly("payments");
        assertThat(p.detection()).contains("alert");
    }

    @Test
    void aSummaryComesFromASummaryListOrTheFirstLabelledBulletThatReadsLikeProse() {
        TempContent.Loaded l = content()
                .file("inc/2024-01-01-list.md", "## Summary\n\n- Checkout returned 503s for 40 minutes\n- A pool limit was hit\n")
                .file("inc/2024-01-02-labels.md", "# Incident on 2024-01-02\n\n- **Key events**\n  - Fault occurs 2024-01-02 14:13\n\n"
                        + "- **Time to repair**: 0h 36m\n\n- **Identified**: Pingdom reported that the dashboard was down for everyone.\n")
                .load();
        Postmortem list = l.site().postmortems().stream().filter(p -> p.source().endsWith("list.md")).findFirst().orElseThrow();
        assertThat(list.summary()).contains("Checkout returned 503s for 40 minutes; A pool limit was hit.");
        Postmortem labels = l.site().postmortems().stream().filter(p -> p.source().endsWith("labels.md")).findFirst().orElseThrow();
        assertThat(labels.summary()).contains("Pingdom reported that the dashboard was down for everyone.");
        assertThat(source(labels, "summary")).startsWith("first labelled item that reads like prose");
    }

    @Test
    void aTimelineDateWithAMalformedYearIsReportedAtTheFilesFirstLineNotLineZero() {
        String path = "2023/outage.md";
        TempContent.Loaded l = content().file(path, "# Outage\n\n## Timeline\n\n- 20233-05-02 10:00 Deploy\n").load();
        assertThat(l.only().date()).contains(java.time.LocalDate.of(2023, 5, 2));
        assertThat(l.problems(path)).anySatisfy(p -> assertThat(p).startsWith(path + ":1: warning: the timeline date "
                + "'20233-05-02' has a malformed year"));
    }

    @Test
    void theTitleComesFromTheFirstH1WhichLeavesTheBody() {
        Postmortem p = content().file("inc/2024-01-01-a.md", "# Real title\n\nText.\n\n# Second H1\n").load().only();
        assertThat(p.title()).isEqualTo("Real title");
        assertThat(source(p, "title")).isEqualTo("first H1 heading");
        assertThat(p.bodyHtml()).doesNotContain("Real title").contains("Second H1");
    }

    @Test
    void theTitleComesFromTheFileNameWithItsIdPrefixRemoved() {
        TempContent.Loaded l = content()
                .file("PM2021-008 - Kubernetes ingress controller outage.md", "## Timeline\n\n| Time | Event |\n|---|---|\n| 2021-08-26 08:22 | x |\n")
                .file("2024-02-28-decide is down.md", "Decide went down for three hours.\n")
                .file("2024-03-01-dns_outage.md", "## Summary\n\nx\n").load();
        assertThat(l.site().postmortems()).extracting(Postmortem::title).containsExactlyInAnyOrder(
                "Kubernetes ingress controller outage", "Decide is down", "Dns outage");
        assertThat(l.site().postmortems()).allSatisfy(p -> assertThat(source(p, "title")).isEqualTo("file name"));
    }

    @Test
    void aRepeatedH1IsDroppedButADifferentOneStays() {
        TempContent.Loaded l = content()
                .file("a/2024-01-01-a.md", "---\ntitle: Same\n---\n# Same\n\ntext\n")
                .file("a/2024-01-02-b.md", "---\ntitle: Front\n---\n# Different\n\ntext\n").load();
        assertThat(l.site().postmortem("2024-01-01-a").orElseThrow().bodyHtml()).doesNotContain("<h1");
        assertThat(l.site().postmortem("2024-01-02-b").orElseThrow().bodyHtml()).contains("Different");
    }

    @Test
    void theDateComesFromTheFileNameOrTheTimelineOrTheBody() {
        TempContent.Loaded l = content()
                .file("PM2022-006 - ALB errors.md", """
                        # ALB errors

                        ## Timeline

                        | Time | Event |
                        |---|---|
                        | 2020-12-21 HH:mm | an old script was written |
                        | 2022-05-25 10:00 | investigation starts |
                        """)
                .file("jan-2019-dns-outage.md", "# DNS\n\nOn Monday 7 January 2019, the cluster lost DNS. On 9 January 2019 it was fixed.\n")
                .file("PM2020-003 - typo.md", "# Typo\n\n## Timeline\n\n| Time | Event |\n|---|---|\n| 20202-01-16 12:00 | x |\n")
                .file("undated.md", "# Undated\n\n**Date:** January 14-19, 2026\n\nText.\n")
                .load();
        Postmortem alb = l.site().postmortem("pm2022-006-alb-errors").orElseThrow();
        assertThat(alb.date()).contains(LocalDate.of(2022, 5, 25));
        assertThat(source(alb, "date")).contains("timeline").contains("year in the file name");
        assertThat(l.site().postmortem("jan-2019-dns-outage").orElseThrow().date()).contains(LocalDate.of(2019, 1, 7));
        Postmortem typo = l.site().postmortem("pm2020-003-typo").orElseThrow();
        assertThat(typo.date()).contains(LocalDate.of(2020, 1, 16));
        assertThat(l.problems("PM2020-003 - typo.md", Problem.Level.WARNING)).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("20202-01-16"));
        Postmortem undated = l.site().postmortem("undated").orElseThrow();
        assertThat(undated.date()).contains(LocalDate.of(2026, 1, 14));
        assertThat(source(undated, "date")).contains("Date: January 14-19, 2026");
    }

    @Test
    void theDateComesFromTheTitleFoldersNeighboursAndTheCollectionsDayOrder() {
        TempContent.Loaded l = content()
                // A date in the title beats the file name's, which is often the day the report was written.
                .file("2025-11-26-attack.md", "# Attack on November 24th, 2025\n\nPackages were published.\n")
                // A title date years away from the file name's is a typo: the name wins (and a warning says so).
                .file("2023-06-08-zfs.md", "# 2012-06-08 Stalled ZFS sync\n\nThe sync stalled.\n")
                // A day-only name in a year-and-month folder; the timeline's own date in that month comes first.
                .file("2023-04/04-25-dns.md", "# DNS\n\n## Timeline\n\n- 4/21/23 13:05 resolvers failed\n"
                        + "- 4/21/23 13:40 rolled back\n")
                .file("2023/05/07-cache.md", "# Cache\n\nThe cache emptied.\n")
                // No date of its own but a month and day; the folder's neighbours give the year.
                .file("ops/2022-03-01-a.md", "# A\n\nFine.\n")
                .file("ops/feb-outage.md", "# The Feb 20 outage\n\nQueues stalled.\n")
                .load();
        assertThat(l.site().postmortem("2025-11-26-attack").orElseThrow().date()).contains(LocalDate.of(2025, 11, 24));
        assertThat(l.site().postmortem("2023-06-08-zfs").orElseThrow().date()).contains(LocalDate.of(2023, 6, 8));
        assertThat(l.problems("2023-06-08-zfs.md", Problem.Level.WARNING)).anyMatch(p -> p.rule().equals("date-mismatch"));
        Postmortem dns = l.site().postmortem("04-25-dns").orElseThrow();
        assertThat(dns.date()).contains(LocalDate.of(2023, 4, 21));
        assertThat(source(dns, "date")).startsWith("first timeline date in the folder's month");
        assertThat(dns.times().started()).hasValueSatisfying(t -> assertThat(t).hasToString("2023-04-21T13:05:00Z"));
        assertThat(l.site().postmortem("07-cache").orElseThrow().date()).contains(LocalDate.of(2023, 5, 7));
        Postmortem feb = l.site().postmortem("feb-outage").orElseThrow();
        assertThat(feb.date()).contains(LocalDate.of(2022, 2, 20));
        assertThat(source(feb, "date")).contains("nearest dated file");
    }

    @Test
    void anAmbiguousNumericDateIsReadInTheOrderTheCollectionProves() {
        // The collection writes day first (31/01/2024 and 25.12.2023 prove it), so 03/04/2024 is 3 April.
        TempContent.Loaded l = content()
                .file("eu/one.md", "# One\n\nOn 31/01/2024 the job failed.\n")
                .file("eu/three.md", "# Three\n\nOn 25.12.2023 the job failed.\n")
                .file("eu/two.md", "# Two\n\nOn 03/04/2024 the job failed.\n")
                .load();
        assertThat(l.site().postmortem("two").orElseThrow().date()).contains(LocalDate.of(2024, 4, 3));
        assertThat(l.problems("eu/two.md", Problem.Level.WARNING)).noneMatch(p -> p.rule().equals("ambiguous-date"));
    }

    @Test
    void aTitleDateThatContradictsTheDateIsAWarning() {
        TempContent.Loaded l = content()
                .file("a.md", "---\ndate: 2023-05-21\n---\n# 2023-05-23 API outage\n\nDown.\n")
                .file("b.md", "---\ndate: 2023-05-23\n---\n# 2023-05-23 API outage\n\nDown.\n").load();
        assertThat(l.problems("a.md", Problem.Level.WARNING)).singleElement().satisfies(p -> {
            assertThat(p.rule()).isEqualTo("date-mismatch");
            assertThat(p.message()).contains("the title says 2023-05-23 but the incident date is 2023-05-21");
        });
        assertThat(l.problems("b.md", Problem.Level.WARNING)).isEmpty();
    }

    @Test
    void anAmbiguousNumericDateWithNoEvidenceIsNamedInAWarning() {
        TempContent.Loaded l = content().file("lone.md", "# Lone\n\nOn 03/04/2024 the job failed.\n").load();
        assertThat(l.site().postmortem("lone").orElseThrow().date()).isEmpty();
        assertThat(l.problems("lone.md", Problem.Level.WARNING)).anySatisfy(p -> {
            assertThat(p.rule()).isEqualTo("ambiguous-date");
            assertThat(p.message()).contains("'03/04/2024' could be 2024-03-04 (month first) or 2024-04-03 (day first)");
        });
    }

    @Test
    void withoutATimedTimelineTheStartComesFromAZonedTimeInTheOpeningProse() {
        TempContent.Loaded l = content()
                .file("2021-01-10-node.md", "# Node outage\n\nThe primary node was down from around 20:20 to 20:46 UTC"
                        + " while the hypervisor restarted.\n")
                .file("2021-01-11-local.md", "# Local\n\nIt broke at 09:15 and we fixed it at 10:00.\n")
                .file("2025-11-15-db.md", "# DB\n\nFrom November 11, 4:02 PM UTC to November 14 ingestion lagged.\n")
                .load();
        Postmortem node = l.site().postmortem("2021-01-10-node").orElseThrow();
        assertThat(node.times().started()).hasValueSatisfying(t -> assertThat(t).hasToString("2021-01-10T20:20:00Z"));
        assertThat(source(node, "times.started")).contains("from around 20:20 to 20:46 UTC");
        assertThat(l.site().postmortem("2021-01-11-local").orElseThrow().times().started()).isEmpty();
        assertThat(l.site().postmortem("2025-11-15-db").orElseThrow().times().started())
                .hasValueSatisfying(t -> assertThat(t).hasToString("2025-11-11T16:02:00Z"));
        // The end too, when the prose gives a later zoned time after "to" or "until".
        assertThat(node.times().resolved()).hasValueSatisfying(t -> assertThat(t).hasToString("2021-01-10T20:46:00Z"));
        assertThat(source(node, "times.resolved")).contains("to 20:46 UTC");
        assertThat(l.site().postmortem("2025-11-15-db").orElseThrow().times().resolved()).isEmpty();
    }

    @Test
    void aNarrativeGivesItsMomentsByTheWordsBeforeItsZonedTimes() {
        TempContent.Loaded l = content()
                .file("azure.md", """
                        # Post Incident Review: Storage in West Europe

                        ## What happened?

                        Between 20:22 UTC on 15 Mar 2023 and 00:12 UTC on 16 Mar 2023, some customers saw failures.

                        ## How did we respond?

                        Automated monitoring alerted at 20:31 UTC. We rolled back the change at 23:40 UTC, and service
                        recovered by 00:12 UTC.
                        """)
                .file("gcp.md", """
                        # Compute Engine incident

                        On Tuesday, 2 June 2020, instance creation failed from 11:45 to 15:40 US/Pacific.

                        Engineers were alerted at 11:52 US/Pacific.
                        """)
                .load();
        Postmortem azure = l.site().postmortem("azure").orElseThrow();
        assertThat(azure.times().started()).hasValueSatisfying(t -> assertThat(t).hasToString("2023-03-15T20:22:00Z"));
        assertThat(azure.times().detected()).hasValueSatisfying(t -> assertThat(t).hasToString("2023-03-15T20:31:00Z"));
        assertThat(source(azure, "times.detected")).contains("'alerted'").contains("Automated monitoring alerted at 20:31 UTC");
        assertThat(azure.times().mitigated()).hasValueSatisfying(t -> assertThat(t).hasToString("2023-03-15T23:40:00Z"));
        assertThat(azure.times().resolved()).hasValueSatisfying(t -> assertThat(t).hasToString("2023-03-16T00:12:00Z"));
        Postmortem gcp = l.site().postmortem("gcp").orElseThrow();
        // A region's zone: 11:45 in US/Pacific in June is 18:45 UTC.
        assertThat(gcp.times().started()).hasValueSatisfying(t -> assertThat(t).hasToString("2020-06-02T18:45:00Z"));
        assertThat(gcp.times().detected()).hasValueSatisfying(t -> assertThat(t).hasToString("2020-06-02T18:52:00Z"));
        assertThat(gcp.times().resolved()).hasValueSatisfying(t -> assertThat(t).hasToString("2020-06-02T22:40:00Z"));
    }

    @Test
    void aNarrativeGivesItsEndAfterUntilEvenPastMidnight() {
        Postmortem p = content().file("2022-09-14-queue.md", """
                # The night the queue stood still

                On the evening of 14 September 2022, starting at about 23:05 UTC, the order queue stopped accepting
                messages. Customers could not place orders until 00:52 UTC, when we raised the limit.
                """).load().site().postmortem("2022-09-14-queue").orElseThrow();
        assertThat(p.times().started()).hasValueSatisfying(t -> assertThat(t).hasToString("2022-09-14T23:05:00Z"));
        assertThat(p.times().resolved()).hasValueSatisfying(t -> assertThat(t).hasToString("2022-09-15T00:52:00Z"));
    }

    @Test
    void withoutAnyDateTheIncidentIsPublishedAsUndatedWithAWarning() {
        TempContent.Loaded l = content().file("notes.md", "# Some notes\n\n## Timeline\n\n- 13:05 alert fired\n"
                + "- 13:20 rolled back\n").load();
        Postmortem p = l.site().postmortem("notes").orElseThrow();
        assertThat(p.date()).isEmpty();
        assertThat(p.yearTerm()).isEqualTo(Postmortem.UNDATED);
        assertThat(p.timeline()).hasSize(2).allSatisfy(e -> assertThat(e.at()).isEmpty());
        assertThat(p.times().started()).isEmpty();
        assertThat(l.file("notes.md").outcome()).isEqualTo(SourceFile.Outcome.RENDERED);
        assertThat(l.problems("notes.md", Problem.Level.ERROR)).isEmpty();
        assertThat(l.problems("notes.md", Problem.Level.WARNING)).singleElement()
                .satisfies(w -> assertThat(w.message()).startsWith("no date: the page shows 'Date unknown'"));
    }

    @Test
    void timesComeFromTheTimelineAndDurationLines() {
        Postmortem p = content().file("2021-08-26-traefik.md", """
                # Traefik outage

                ## Timeline

                All times in UTC.

                | Time | Event |
                |---|---|
                | 2021-08-26 08:22 | Load balancers switched to the new proxy |
                | 2021-08-26 09:26 | Developer reports many redirects |
                | 2021-08-26 09:48 | Rollback performed |
                | 2021-08-26 09:49 | Service operational |

                ## Stats

                - Category: Kubernetes
                - Time to detection: 64 minutes
                - Time to recovery:  87 minutes
                """).load().only();
        assertThat(p.times().started()).contains(Instant.parse("2021-08-26T08:22:00Z"));
        assertThat(p.times().detected()).contains(Instant.parse("2021-08-26T09:26:00Z"));
        assertThat(source(p, "times.detected")).contains("Time to detection: 64 minutes");
        assertThat(p.times().resolved()).contains(Instant.parse("2021-08-26T09:49:00Z"));
        assertThat(source(p, "times.resolved")).contains("Time to recovery");
        assertThat(p.times().mitigated()).isEmpty();
        assertThat(p.tags()).containsExactly("kubernetes");
    }

    @Test
    void keywordsInTheTimelineGiveMomentsInOrder() {
        Postmortem p = content().file("2024-05-01-k.md", """
                # K

                ## Timeline

                - 10:00 deploy goes out
                - 10:05 alert fires for error rate
                - 10:20 change rolled back
                - 10:45 all clear, incident resolved
                """).load().only();
        assertThat(p.times().detected()).contains(Instant.parse("2024-05-01T10:05:00Z"));
        assertThat(p.times().mitigated()).contains(Instant.parse("2024-05-01T10:20:00Z"));
        assertThat(p.times().resolved()).contains(Instant.parse("2024-05-01T10:45:00Z"));
        assertThat(source(p, "times.mitigated")).contains("'rolled back'");
    }

    @Test
    void metadataLinesGiveSeverityDetectionAuthorsAndServices() {
        Postmortem p = content()
                .file("site.yml", "severities:\n  - {id: SEV1, label: Critical}\nservices: [checkout-api]\n")
                .file("2026-01-17-x.md", """
                        # X

                        Created By: Benjamin Elder <ben@example.com>

                        **Severity:** Critical

                        - **Identified**: Pingdom reported the site down.
                        - **Services**: Checkout-API, search

                        ## Summary

                        Short.
                        """).load().only();
        assertThat(p.severity()).contains("SEV1");
        assertThat(p.detection()).contains("alert");
        assertThat(p.authors()).containsExactly("Benjamin Elder");
        assertThat(p.services()).containsExactly("checkout-api", "search");
        assertThat(p.summary()).contains("Short.");
        assertThat(p.inferences()).extracting(Inference::field).contains("severity", "detection", "authors", "services", "summary");
    }

    @Test
    void detectionWordsAreClassified() {
        assertThat(BodyInference.detection("User reported that they see errors")).contains("customer");
        assertThat(BodyInference.detection("PagerDuty paged the on-call")).contains("alert");
        assertThat(BodyInference.detection("An engineer noticed it")).contains("internal");
        assertThat(BodyInference.detection("Nobody knows")).isEmpty();
    }

    @Test
    void theSummaryFallsBackToTheFirstProseParagraph() {
        Postmortem p = content().file("2024-02-28-x.md", """
                Internal post-mortem: https://example.com/1

                On 28th February, flags went down for about 3 hours, from 15:30 to 18:10 UTC.
                """).load().only();
        assertThat(p.summary()).contains("On 28th February, flags went down for about 3 hours, from 15:30 to 18:10 UTC.");
        assertThat(source(p, "summary")).startsWith("first paragraph of the body");
    }

    @Test
    void aMetadataTableFillsTheDateSeverityAuthorsSummaryTimesAndImpact() {
        Postmortem p = content().file("reports/cache.md", """
                # Search slow after cache expiry

                | Date | 2023-04-21 |
                |---|---|
                | Severity | SEV2 |
                | Authors | Ana, Bo |
                | Description | Every cache entry expired at once and the database took all reads. |
                | Start time | 09:40 UTC |
                | Duration | 2h |
                | Users affected | 1,200 |
                | Support cases | 4 |

                ## Timeline

                | Time | Event |
                |---|---|
                | 09:52 | Latency alert fires |
                """).load().only();
        assertThat(p.date()).contains(LocalDate.of(2023, 4, 21));
        assertThat(p.severity()).contains("SEV2");
        assertThat(p.authors()).containsExactly("Ana", "Bo");
        assertThat(p.summary()).contains("Every cache entry expired at once and the database took all reads.");
        assertThat(p.times().started()).contains(Instant.parse("2023-04-21T09:40:00Z"));
        assertThat(p.times().resolved()).contains(Instant.parse("2023-04-21T11:40:00Z"));
        assertThat(p.impact().usersAffected()).hasValue(1200);
        assertThat(p.impact().supportTickets()).hasValue(4);
        assertThat(source(p, "times.started")).isEqualTo("'Start time: 09:40 UTC' (line 8)");
        assertThat(source(p, "summary")).isEqualTo("'Description:' line 7");
    }
}
