package dev.hindsight.report;

import dev.hindsight.analyze.Analysis;
import dev.hindsight.analyze.Analyzer;
import dev.hindsight.index.SearchIndex;
import dev.hindsight.model.ActionType;
import dev.hindsight.model.KeyAliases;
import dev.hindsight.model.Postmortem;
import dev.hindsight.model.PostmortemFixture;
import dev.hindsight.model.Site;
import dev.hindsight.model.SiteConfig;
import dev.hindsight.model.SourceFile;
import dev.hindsight.model.Status;
import dev.hindsight.model.Term;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.hindsight.model.ActionStatus.DONE;
import static dev.hindsight.model.ActionStatus.IN_PROGRESS;
import static dev.hindsight.model.ActionStatus.OPEN;
import static dev.hindsight.model.ActionStatus.WONT_DO;

/**
 * The incidents of src/test/resources/sites/report as records, so the report can be tested without the loader.
 * Every expected number in {@link ReportNumbersTest} follows from these by hand; the comments say how.
 */
final class ReportFixture {
    static final LocalDate TODAY = LocalDate.of(2026, 1, 15);
    static final String A = "2024-02-10-api-pool";
    static final String B = "2024-06-05-dns-push";
    static final String C = "2024-09-20-cert-near-miss";
    static final String D = "2025-01-15-api-pool-again";
    static final String E = "2025-03-03-dns-again";
    static final String F = "2025-05-10-deploy-bug";
    static final String G = "2025-08-22-api-capacity";
    static final String H = "2025-10-01-db-near-miss";
    static final String I = "2025-11-20-edge-config-draft";
    static final String J = "2026-01-05-api-later";

    private ReportFixture() {
    }

    static SiteConfig config() {
        return new SiteConfig("Report Fixture", "", "https://report.example.org/", "en", ZoneOffset.UTC,
                List.of(term("SEV1", "Critical"), term("SEV2", "Major"), term("SEV3", "Minor")),
                List.of(term("capacity", "Capacity"), term("config-change", "Config change"), term("dns", "DNS"),
                        term("deploy-bug", "Deploy bug"), term("expired-credential", "Expired credential")),
                List.of(term("api", "API"), term("db", "Database"), term("edge", "Edge"), term("web", "Web")),
                List.of(term("core", "Core"), term("platform", "Platform"), term("web", "Web")),
                Map.of(ActionType.DETECT, 30), List.of(), List.of(), TODAY, List.of(), KeyAliases.BUILT_IN);
    }

    private static Term term(String id, String label) {
        return new Term(id, label, "", Optional.empty());
    }

    /** All ten incidents, drafts included (as built with --drafts), newest first like the loader. */
    static List<Postmortem> incidents() {
        List<Postmortem> all = List.of(
                PostmortemFixture.of(A).causalService("api").title("API pool exhaustion").severity("SEV1").services("api", "db").teams("core")
                        .causes("capacity").detection("alert").times("2024-02-10T10:00:00Z", "2024-02-10T10:10:00Z", "2024-02-10T11:00:00Z")
                        .item("Raise the pool limit with a load test", ActionType.PREVENT, "core", "2024-03-01", DONE, "2024-03-01")
                        .item("Alert on pool saturation", ActionType.DETECT, "platform", "2024-03-15", DONE, "2024-04-20")
                        .wentWell("The alert fired.").lucky("Traffic was low.").build(),
                PostmortemFixture.of(B).causalService("edge").title("DNS timeouts after a resolver config push").severity("SEV2").services("edge").teams("platform")
                        .causes("dns", "config-change").detection("customer")
                        .times("2024-06-05T08:00:00Z", "2024-06-05T08:45:00Z", "2024-06-05T11:00:00Z")
                        .item("Canary resolver config changes", ActionType.PREVENT, "platform", "2024-07-01", OPEN, null).build(),
                PostmortemFixture.of(C).title("Web certificate nearly expired").severity("SEV3").services("web").teams("web")
                        .causes("expired-credential").detection("internal").nearMiss().build(),
                PostmortemFixture.of(D).causalService("api").title("API pool exhaustion again").severity("SEV1").services("api").teams("core")
                        .causes("capacity").detection("customer").recurrenceOf(A)
                        .times("2025-01-15T09:00:00Z", "2025-01-15T09:20:00Z", "2025-01-15T11:00:00Z")
                        .item("Cap connections per pod", ActionType.PREVENT, "core", "2025-02-15", DONE, "2025-02-01")
                        .item("Shed load before the pool is full", ActionType.MITIGATE, "core", "2025-03-01", DONE, "2025-04-30")
                        .wentWell("The runbook worked.").build(),
                PostmortemFixture.of(E).causalService("edge").title("DNS timeouts at the edge again").severity("SEV2").services("edge").teams("platform")
                        .causes("dns").detection("alert").recurrenceOf(B)
                        .times("2025-03-03T14:00:00Z", "2025-03-03T14:05:00Z", "2025-03-03T14:30:00Z")
                        .item("Alert on resolver latency", ActionType.DETECT, "alice", "2025-03-20", OPEN, null).build(),
                PostmortemFixture.of(F).title("Web release broke the basket").severity("SEV2").services("web").teams("web")
                        .causes("deploy-bug").detection("monitoring")
                        .item("Add a basket end-to-end test", ActionType.PREVENT, "web", "2025-06-01", WONT_DO, "2025-05-12")
                        .item("Write up the release checklist", ActionType.PROCESS, "web", null, DONE, "2025-05-20")
                        .item("Make rollbacks one click", ActionType.MITIGATE, "web", null, DONE, null)
                        .lucky("The canary caught half of the traffic.")
                        .body("Summary A web release broke the basket. Stats Time to detection: 15 minutes Time to recovery: 1 hour 30 minutes")
                        .build(),
                PostmortemFixture.of(G).causalService("api").title("API capacity exhausted by a config change").severity("SEV1").services("api", "db").teams("core")
                        .causes("capacity", "config-change").detection("customer")
                        .times("2025-08-22T12:00:00Z", "2025-08-22T13:00:00Z", "2025-08-22T17:00:00Z")
                        .item("Validate capacity settings in CI", ActionType.PREVENT, "core", "2025-09-15", OPEN, null)
                        .item("Autoscale the API on pool usage", ActionType.MITIGATE, "platform", "2026-02-01", IN_PROGRESS, null)
                        .lucky("It happened on a Sunday.").build(),
                PostmortemFixture.of(H).title("Database disk nearly full").severity("SEV3").services("db").teams("core").nearMiss().build(),
                PostmortemFixture.of(I).causalService("edge").title("Edge config rollback").severity("SEV3").status(Status.DRAFT).services("edge").teams("platform")
                        .causes("config-change").detection("internal").times("2025-11-20T10:00:00Z", "2025-11-20T10:30:00Z", null)
                        .item("Review edge config changes in pairs", ActionType.PREVENT, "alice", "2026-01-31", OPEN, null)
                        .wentWell("The rollback was quick.").build(),
                PostmortemFixture.of(J).title("API capacity in the new year").severity("SEV2").services("api").teams("core")
                        .causes("capacity").detection("alert").build());
        return all.stream().sorted(Postmortem.NEWEST_FIRST).toList();
    }

    /** The site as built with --drafts. */
    static Site withDrafts() {
        return new Site(config(), incidents(), List.of(), List.of());
    }

    /** The site as built without --drafts: the draft is skipped and accounted for as a skipped file. */
    static Site withoutDrafts() {
        return new Site(config(), incidents().stream().filter(p -> p.status() != Status.DRAFT).toList(), List.of(),
                List.of(new SourceFile("postmortems/" + I + ".md", SourceFile.Outcome.SKIPPED, "draft (build with --drafts to include it)")));
    }

    static Analysis analysis(Site site) {
        return new Analyzer().analyze(site);
    }

    static SearchIndex noSimilarity() {
        return new SearchIndex(Map.of(), "");
    }

    static ReportFactory factory(Site site, SearchIndex index) {
        return new ReportFactory(site, analysis(site), index);
    }
}
