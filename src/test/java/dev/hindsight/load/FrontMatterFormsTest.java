package dev.hindsight.load;

import dev.hindsight.model.ActionStatus;
import dev.hindsight.model.ActionType;
import dev.hindsight.model.Postmortem;
import dev.hindsight.model.Problem;
import dev.hindsight.model.SourceFile;
import dev.hindsight.model.Status;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Each front-matter form, read through the whole loader. */
class FrontMatterFormsTest {
    @TempDir
    Path dir;

    @Test
    void keysNestedAsSiteGeneratorsNestThemAreRead() {
        // Hugo keeps a site's own keys under [params], Zola under [extra]: read them as top-level keys.
        TempContent c = new TempContent(dir).file("postmortems/2023-05-04-cache-stampede.md", """
                +++
                title = "Cache stampede after deploy"
                date = 2023-05-04
                tags = ["cache"]
                [params]
                severity = "sev2"
                causes = ["deploy"]
                tags = ["ignored-here"]
                runbook = "https://runbooks.example/cache"
                +++

                ## Summary

                The cache emptied at once.
                """).file("postmortems/2022-01-02-zola-style.md", """
                +++
                title = "Queue backlog"
                [extra]
                severity = "sev1"
                services = ["queue"]
                +++

                Body.
                """).file("site.yml", "severities: [{id: SEV1, label: Critical}, {id: SEV2, label: Major}]\n");
        TempContent.Loaded l = c.load();
        Postmortem hugo = l.site().postmortems().stream().filter(p -> p.slug().contains("cache")).findFirst().orElseThrow();
        assertThat(hugo.severity()).contains("SEV2");
        assertThat(hugo.causes()).containsExactly("deploy");
        // The top level's tags win; the nested ones are kept, not lost.
        assertThat(hugo.tags()).containsExactly("cache");
        assertThat(hugo.extra()).containsEntry("params.tags", "[ignored-here]").containsKey("runbook");
        Postmortem zola = l.site().postmortems().stream().filter(p -> p.slug().contains("zola")).findFirst().orElseThrow();
        assertThat(zola.severity()).contains("SEV1");
        assertThat(zola.services()).containsExactly("queue");
    }

    @Test
    void yamlFrontMatterGivesEveryKey() {
        TempContent c = new TempContent(dir).file("postmortems/2024-03-11-checkout-pool.md", """
                ---
                title: Checkout API outage
                date: 2024-03-11
                severity: sev1
                status: in-review
                summary: >-
                  One paragraph
                  over two lines.
                services: [checkout-api, orders-db]
                teams: payments
                tags: [database, connection-pool]
                causes: [capacity, config-change]
                trigger: config-push
                detection: alert
                near_miss: true
                essential: yes
                times:
                  started: 2024-03-11T09:02:00Z
                  detected: 2024-03-11T10:17:00+01:00
                  mitigated: 10:00
                  resolved: 2024-03-11 10:30
                impact: {users_affected: "5,000", customer_facing: true, support_tickets: 41}
                authors: [payments-oncall]
                related: [2023-11-02-orders-db-failover]
                recurrence_of: []
                action_items:
                  - title: Add a load-test gate
                    type: prevent
                    owner: release-eng
                    due: 2024-04-15
                    status: done
                    closed: 2024-04-10
                    link: https://tracker.example/REL-88
                  - Write the runbook
                team_channel: "#payments"
                ---

                ## Summary

                Body text.
                """).file("site.yml", "severities: [{id: SEV1, label: Critical}]\n");
        TempContent.Loaded l = c.load();
        Postmortem p = l.only();
        assertThat(p.title()).isEqualTo("Checkout API outage");
        assertThat(p.date()).contains(LocalDate.of(2024, 3, 11));
        assertThat(p.severity()).contains("SEV1");
        assertThat(p.status()).isEqualTo(Status.IN_REVIEW);
        assertThat(p.summary()).contains("One paragraph over two lines.");
        assertThat(p.services()).containsExactly("checkout-api", "orders-db");
        assertThat(p.teams()).containsExactly("payments");
        assertThat(p.tags()).containsExactly("database", "connection-pool");
        assertThat(p.causes()).containsExactly("capacity", "config-change");
        assertThat(p.trigger()).contains("config-push");
        assertThat(p.detection()).contains("alert");
        assertThat(p.nearMiss()).isTrue();
        assertThat(p.essential()).isTrue();
        assertThat(p.times().started()).contains(Instant.parse("2024-03-11T09:02:00Z"));
        assertThat(p.times().detected()).contains(Instant.parse("2024-03-11T09:17:00Z"));
        assertThat(p.times().mitigated()).contains(Instant.parse("2024-03-11T10:00:00Z"));
        assertThat(p.times().resolved()).contains(Instant.parse("2024-03-11T10:30:00Z"));
        assertThat(p.impact().usersAffected()).hasValue(5000);
        assertThat(p.impact().customerFacing()).contains(true);
        assertThat(p.impact().supportTickets()).hasValue(41);
        assertThat(p.authors()).containsExactly("payments-oncall");
        assertThat(p.related()).containsExactly("2023-11-02-orders-db-failover");
        assertThat(p.actionItems()).hasSize(2);
        assertThat(p.actionItems().get(0)).satisfies(a -> {
            assertThat(a.type()).isEqualTo(ActionType.PREVENT);
            assertThat(a.status()).isEqualTo(ActionStatus.DONE);
            assertThat(a.owner()).contains("release-eng");
            assertThat(a.due()).contains(LocalDate.of(2024, 4, 15));
            assertThat(a.closed()).contains(LocalDate.of(2024, 4, 10));
            assertThat(a.link()).contains("https://tracker.example/REL-88");
            assertThat(a.line()).isEqualTo(27);
        });
        assertThat(p.actionItems().get(1).title()).isEqualTo("Write the runbook");
        assertThat(p.extra()).isEqualTo(Map.of("team_channel", "#payments"));
        assertThat(p.inferences()).isEmpty();
        assertThat(l.problems("postmortems/2024-03-11-checkout-pool.md")).singleElement()
                .satisfies(s -> assertThat(s).contains(":35:").contains("info").contains("team_channel"));
    }

    @Test
    void jbakeHeadersAreRead() {
        TempContent c = new TempContent(dir).file("postmortems/2023-05-01-jbake.md", """
                title=Queue backlog in billing
                date=2023-05-01
                type=post
                tags=queue,billing
                status=published
                ~~~~~~

                ## Summary

                The queue backed up.
                """);
        TempContent.Loaded l = c.load();
        Postmortem p = l.only();
        assertThat(p.title()).isEqualTo("Queue backlog in billing");
        assertThat(p.date()).contains(LocalDate.of(2023, 5, 1));
        assertThat(p.tags()).containsExactly("queue", "billing");
        assertThat(p.extra()).isEmpty();
        assertThat(l.problems()).isEmpty();
        assertThat(p.inferred("title")).isFalse();
        assertThat(p.sections()).first().satisfies(s -> assertThat(s.line()).isEqualTo(8));
    }

    @Test
    void withoutFrontMatterEverythingIsInferredAndRecorded() {
        TempContent c = new TempContent(dir).file("postmortems/2022-01-05-no-header.md", """
                # Cache stampede after deploy

                ## Summary

                The cache was flushed by a deploy and the database took the whole load for twenty minutes.

                ## Stats

                - Category: Caching, Databases
                """);
        Postmortem p = c.load().only();
        assertThat(p.title()).isEqualTo("Cache stampede after deploy");
        assertThat(p.date()).contains(LocalDate.of(2022, 1, 5));
        assertThat(p.tags()).containsExactly("caching", "databases");
        assertThat(p.summary()).contains("The cache was flushed by a deploy and the database took the whole load for twenty minutes.");
        assertThat(p.inferences()).extracting(i -> i.field() + "<-" + i.source()).contains(
                "title<-first H1 heading", "date<-file name", "tags<-'Category:' line 9");
        assertThat(p.bodyHtml()).doesNotContain("<h1").contains("Summary");
    }

    @Test
    void wrongTypesAreErrorsNamingKeyAndLineAndTheRestStillLoadsButAnUnreadableDateIsAGapNotAnError() {
        TempContent c = new TempContent(dir).file("postmortems/2024-06-01-wrong-types.md", """
                ---
                title: Wrong types
                date: yesterday
                severity: [1, 2]
                near_miss: maybe
                times:
                  started: 25:99
                  resolved: 2024-06-01T10:00:00Z
                impact: {users_affected: many}
                status: finished-ish
                ---

                Body.
                """);
        TempContent.Loaded l = c.load();
        Postmortem p = l.only();
        assertThat(p.title()).isEqualTo("Wrong types");
        assertThat(p.date()).contains(LocalDate.of(2024, 6, 1));
        assertThat(p.severity()).isEmpty();
        assertThat(p.times().started()).isEmpty();
        assertThat(p.times().resolved()).contains(Instant.parse("2024-06-01T10:00:00Z"));
        assertThat(p.status()).isEqualTo(Status.PUBLISHED);
        String path = "postmortems/2024-06-01-wrong-types.md";
        assertThat(l.problems(path, Problem.Level.ERROR)).extracting(Problem::line).containsExactly(4, 5, 7, 9, 10);
        assertThat(l.problems(path, Problem.Level.WARNING)).extracting(Problem::message).anySatisfy(m ->
                assertThat(m).contains("`date`").contains("yesterday").contains("left out"));
        assertThat(l.problems(path, Problem.Level.ERROR)).extracting(Problem::message).anySatisfy(m ->
                assertThat(m).contains("`severity`").contains("a list")).anySatisfy(m ->
                assertThat(m).contains("times.started").contains("25:99"));
        assertThat(l.file(path).outcome()).isEqualTo(SourceFile.Outcome.RENDERED);
    }

    @Test
    void aTermMatchedOnlyWithoutCaseSpacesAndMarksIsReadWithANoteSayingHowToWriteIt() {
        TempContent.Loaded l = new TempContent(dir)
                .file("site.yml", "title: Terms\nseverities: [SEV1, SEV2]\n")
                .file("postmortems/loose.md", "---\ntitle: Loose\ndate: 2024-03-11\nseverity: Sev 1\n---\n\nBody.\n")
                .file("postmortems/exact.md", "---\ntitle: Exact\ndate: 2024-03-12\nseverity: sev1\n---\n\nBody.\n")
                .load();
        assertThat(l.site().postmortem("loose").orElseThrow().severity()).contains("SEV1");
        assertThat(l.problems("postmortems/loose.md", Problem.Level.INFO)).anySatisfy(p -> {
            assertThat(p.rule()).isEqualTo("term-form");
            assertThat(p.line()).isEqualTo(4);
            assertThat(p.message()).contains("'Sev 1' is read as SEV1").contains("write it as SEV1");
        });
        assertThat(l.site().postmortem("exact").orElseThrow().severity()).contains("SEV1");
        assertThat(l.problems("postmortems/exact.md", Problem.Level.INFO)).noneMatch(p -> p.rule().equals("term-form"));
    }

    @Test
    void aDateWrittenAnotherWayIsReadWhenItCanBeReadOnlyOneWay() {
        String[][] cases = {{"March 3rd 2023", "2023-03-03"}, {"3 Mar 2023", "2023-03-03"}, {"Mar 3, 2023", "2023-03-03"},
                {"5 Apr 2023 10:00 UTC", "2023-04-05"}, {"April 5, 2023 at 2:03 PM PST", "2023-04-05"},
                {"2023/03/04", "2023-03-04"}, {"13/04/2023", "2023-04-13"}, {"1678233600", "2023-03-08"}};
        TempContent c = new TempContent(dir);
        for (int i = 0; i < cases.length; i++) {
            c.file("postmortems/other-" + i + ".md", "---\ntitle: Other form\ndate: \"" + cases[i][0] + "\"\n---\n\nBody.\n");
        }
        c.file("postmortems/ambiguous.md", "---\ntitle: Ambiguous\ndate: 03/04/2023\n---\n\nBody.\n");
        c.file("postmortems/quarter.md", "---\ntitle: Quarter\ndate: Q3 2022\n---\n\nBody.\n");
        TempContent.Loaded l = c.load();
        for (int i = 0; i < cases.length; i++) {
            String path = "postmortems/other-" + i + ".md";
            String written = cases[i][0];
            String iso = cases[i][1];
            assertThat(l.site().postmortem("other-" + i).orElseThrow().date()).as(written).contains(LocalDate.parse(iso));
            assertThat(l.problems(path, Problem.Level.INFO)).as(written).anySatisfy(p ->
                    assertThat(p.message()).contains("is read as " + iso).contains("write it as " + iso));
            assertThat(l.problems(path, Problem.Level.ERROR)).as(written).isEmpty();
        }
        assertThat(l.problems("postmortems/ambiguous.md", Problem.Level.WARNING)).as("day or month first: not guessed")
                .filteredOn(p -> p.rule().equals("wrong-type")).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("03/04/2023"));
        assertThat(l.problems("postmortems/quarter.md", Problem.Level.WARNING)).filteredOn(p -> p.rule().equals("wrong-type"))
                .hasSize(1);
        assertThat(l.problems("postmortems/ambiguous.md", Problem.Level.ERROR)).as("a gap the page shows never blocks the site")
                .isEmpty();
    }

    @Test
    void aPersonWrittenAsAMapWithANameCountsAsTheName() {
        TempContent.Loaded l = new TempContent(dir)
                .file("postmortems/2024-06-03-owner.md", "---\ntitle: Owner as a map\ndate: 2024-06-03\n"
                        + "owner: {name: Dana, team: sre}\n---\n\nBody.\n")
                .file("postmortems/2024-06-04-authors.md", "---\ntitle: Authors as maps\ndate: 2024-06-04\nauthors:\n"
                        + "  - {name: Lee, email: lee@example.org}\n  - Sam\n  - {email: nobody@example.org}\n---\n\nBody.\n")
                .load();
        assertThat(l.site().postmortem("2024-06-03-owner").orElseThrow().authors()).containsExactly("Dana");
        assertThat(l.problems("postmortems/2024-06-03-owner.md", Problem.Level.ERROR)).isEmpty();
        assertThat(l.site().postmortem("2024-06-04-authors").orElseThrow().authors()).containsExactly("Lee", "Sam");
        assertThat(l.problems("postmortems/2024-06-04-authors.md", Problem.Level.ERROR)).as("a map without a name")
                .singleElement().satisfies(p -> assertThat(p.line()).isEqualTo(7));
    }

    @Test
    void tomlFrontMatterAsHugoWritesItIsReadLikeYaml() {
        TempContent.Loaded l = new TempContent(dir).file("postmortems/queue-backlog.md", """
                +++
                title = "Queue backlog in order pipeline"
                date = 2021-11-02
                severity = "SEV3"
                tags = ["queue", "kafka"]
                near_miss = "maybe"

                [times]
                started = "2021-11-02T09:15:00Z"
                resolved = 2021-11-02T11:00:00Z
                +++

                ## Summary

                Kafka consumers lagged behind the order events.
                """).file("postmortems/broken-toml.md", "+++\ntitle = \"Broken\"\ndate = = 2021\n+++\n\nBody.\n")
                .file("postmortems/unclosed-toml.md", "+++\ntitle = \"Unclosed\"\n\nBody.\n").load();
        Postmortem p = l.site().postmortem("queue-backlog").orElseThrow();
        assertThat(p.title()).isEqualTo("Queue backlog in order pipeline");
        assertThat(p.date()).contains(LocalDate.of(2021, 11, 2));
        assertThat(p.severity()).contains("SEV3");
        assertThat(p.tags()).containsExactly("queue", "kafka");
        assertThat(p.times().started()).contains(Instant.parse("2021-11-02T09:15:00Z"));
        assertThat(p.times().resolved()).contains(Instant.parse("2021-11-02T11:00:00Z"));
        assertThat(p.bodyHtml()).doesNotContain("+++").doesNotContain("title =");
        assertThat(l.problems("postmortems/queue-backlog.md", Problem.Level.ERROR)).as("the line of the bad value")
                .singleElement().satisfies(e -> {
                    assertThat(e.line()).isEqualTo(6);
                    assertThat(e.message()).contains("near_miss").contains("maybe");
                });
        assertThat(l.problems("postmortems/broken-toml.md", Problem.Level.ERROR)).singleElement()
                .satisfies(e -> assertThat(e.message()).startsWith("TOML front matter does not parse"));
        assertThat(l.problems("postmortems/unclosed-toml.md", Problem.Level.ERROR)).singleElement()
                .satisfies(e -> assertThat(e.message()).contains("`+++`").contains("never closed"));
    }

    @Test
    void aTenThousandItemTagListIsCut() {
        StringBuilder tags = new StringBuilder();
        for (int i = 0; i < 10_000; i++) {
            tags.append("  - tag").append(i).append('\n');
        }
        TempContent c = new TempContent(dir).file("postmortems/2024-06-02-many-tags.md",
                "---\ntitle: Many tags\ntags:\n" + tags + "---\nBody.\n");
        TempContent.Loaded l = c.load();
        assertThat(l.only().tags()).hasSize(200).startsWith("tag0", "tag1");
        assertThat(l.problems("postmortems/2024-06-02-many-tags.md")).singleElement()
                .satisfies(s -> assertThat(s).contains(":3:").contains("10000 items"));
    }

    @Test
    void anAliasBombInFrontMatterIsRefusedAndTheFileStillRenders() {
        StringBuilder yaml = new StringBuilder("a: &a [x,x,x,x,x,x,x,x,x,x]\n");
        for (char c = 'b'; c <= 'k'; c++) {
            yaml.append(c).append(": &").append(c).append(" [");
            for (int i = 0; i < 10; i++) {
                yaml.append(i == 0 ? "" : ",").append('*').append((char) (c - 1));
            }
            yaml.append("]\n");
        }
        TempContent c = new TempContent(dir).file("postmortems/2024-06-03-laughs.md", "---\n" + yaml + "---\n# Laughs\n");
        TempContent.Loaded l = c.load();
        assertThat(l.only().title()).isEqualTo("Laughs");
        assertThat(l.problems("postmortems/2024-06-03-laughs.md")).anySatisfy(s -> assertThat(s).contains("yaml-limit"));
    }

    @Test
    void aDraftIsSkippedUnlessDraftsAreWanted() {
        TempContent c = new TempContent(dir).file("postmortems/2025-03-01-draft.md",
                "---\ntitle: Draft\nstatus: draft\nseverity: [1, 2]\n---\nBody.\n");
        TempContent.Loaded skipped = c.load(false);
        assertThat(skipped.site().postmortems()).isEmpty();
        assertThat(skipped.file("postmortems/2025-03-01-draft.md")).satisfies(f -> {
            assertThat(f.outcome()).isEqualTo(SourceFile.Outcome.SKIPPED);
            assertThat(f.reason()).isEqualTo("draft: build with --drafts");
        });
        assertThat(skipped.problems()).noneMatch(Problem::isError);
        TempContent.Loaded built = c.load(true);
        assertThat(built.only().status()).isEqualTo(Status.DRAFT);
        assertThat(built.problems()).anyMatch(Problem::isError);
    }

    @Test
    void anUnsafeSlugIsReplacedWithASafeOne() {
        TempContent c = new TempContent(dir).file("postmortems/2024-01-01-x.md",
                "---\ntitle: X\nslug: ../../etc/passwd\n---\nBody.\n");
        TempContent.Loaded l = c.load();
        assertThat(l.only().slug()).isEqualTo("etc-passwd");
        assertThat(l.problems("postmortems/2024-01-01-x.md")).singleElement().satisfies(s -> assertThat(s).contains("warning"));
    }

    @Test
    void aSlugWrittenAsAPathGivesItsLastPartWithANote() {
        // Docusaurus and Jekyll give a page's address; an incident's address is always incidents/<slug>/.
        TempContent c = new TempContent(dir).file("postmortems/2024-01-01-x.md",
                "---\ntitle: X\nslug: /incidents/2024/db-failover/\n---\nBody.\n")
                .file("postmortems/2024-01-02-y.md", "---\ntitle: Y\nslug: outages/Cache Stampede.html\n---\nBody.\n");
        TempContent.Loaded l = c.load();
        assertThat(l.site().postmortems()).extracting(Postmortem::slug).containsExactlyInAnyOrder("db-failover", "cache-stampede");
        assertThat(l.problems("postmortems/2024-01-01-x.md", Problem.Level.INFO)).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("its last part 'db-failover' is the slug"));
        // The last part is still made safe, with the usual warning.
        assertThat(l.problems("postmortems/2024-01-02-y.md")).anySatisfy(s -> assertThat(s).contains("warning").contains("cache-stampede"));
    }

    @Test
    void jekyllTagsAndCategoriesWrittenAsOneTextAreSplitAtSpaces() {
        TempContent c = new TempContent(dir)
                .file("postmortems/2024-01-01-a.md", "---\ntitle: A\ncategories: incident dns networking\n---\nBody.\n")
                .file("postmortems/2024-01-02-b.md", "---\ntitle: B\ntags: dns, load balancer\n---\nBody.\n")
                .file("postmortems/2024-01-03-c.md", "---\ntitle: C\ncategory: load balancer\n---\nBody.\n")
                .file("postmortems/2024-01-04-d.md", "---\ntitle: D\ntags: [load balancer, dns]\n---\nBody.\n");
        TempContent.Loaded l = c.load();
        Map<String, java.util.List<String>> tags = new java.util.TreeMap<>();
        l.site().postmortems().forEach(p -> tags.put(p.title(), p.tags()));
        assertThat(tags.get("A")).containsExactly("incident", "dns", "networking");
        // With commas, the commas split; Jekyll's singular `category` is one name; a list is taken as it is.
        assertThat(tags.get("B")).containsExactly("dns", "load balancer");
        assertThat(tags.get("C")).containsExactly("load balancer");
        assertThat(tags.get("D")).containsExactly("load balancer", "dns");
    }
}
