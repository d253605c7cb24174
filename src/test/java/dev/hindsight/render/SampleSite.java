package dev.hindsight.render;

import dev.hindsight.analyze.Analysis;
import dev.hindsight.analyze.Analyzer;
import dev.hindsight.index.SearchIndex;
import dev.hindsight.index.Similar;
import dev.hindsight.model.ActionItem;
import dev.hindsight.model.ActionStatus;
import dev.hindsight.model.ActionType;
import dev.hindsight.model.Heading;
import dev.hindsight.model.Impact;
import dev.hindsight.model.Inference;
import dev.hindsight.model.KeyAliases;
import dev.hindsight.model.Lessons;
import dev.hindsight.model.Page;
import dev.hindsight.model.Postmortem;
import dev.hindsight.model.PostmortemFixture;
import dev.hindsight.model.Section;
import dev.hindsight.model.SectionKind;
import dev.hindsight.model.Site;
import dev.hindsight.model.SiteConfig;
import dev.hindsight.model.SiteWriter;
import dev.hindsight.model.Status;
import dev.hindsight.model.Term;
import dev.hindsight.model.TimelineEvent;
import dev.hindsight.model.Times;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * A small hand-built site for render tests, made the way the loader would make it.
 */
final class SampleSite {
    static final String XSS_TITLE = "Payments <script>alert(1)</script> outage </script> & more";
    static final LocalDate TODAY = LocalDate.of(2025, 6, 1);

    private SampleSite() {
    }

    static SiteConfig config() {
        return new SiteConfig("Example Incidents", "What broke, why, and what we changed.", "https://incidents.example.org/",
                "en", ZoneOffset.UTC,
                List.of(term("SEV1", "SEV1"), term("SEV2", "SEV2"), term("SEV3", "SEV3")),
                List.of(term("config-change", "Config change"), term("capacity", "Capacity")),
                List.of(term("checkout-api", "Checkout API"), term("orders-db", "Orders DB")),
                List.of(term("payments", "Payments")),
                Map.of(ActionType.PREVENT, 56), List.of("2024-03-11-checkout-pool"), List.of(), TODAY, List.of(), KeyAliases.BUILT_IN);
    }

    private static Term term(String id, String label) {
        return new Term(id, label, "About " + label + ".", Optional.empty());
    }

    static Site site() {
        List<Postmortem> list = new ArrayList<>();
        list.add(xss());
        list.add(checkout());
        list.add(older());
        List<Page> pages = List.of(new Page("start-here", "pages/start-here.md", "Start here", 1,
                "<h2 id=\"read-these\">Read these</h2><p>See <a href=\"../postmortems/2024-03-11-checkout-pool.md\">the pool outage</a>.</p>",
                "Read these"));
        return new Site(config(), list, pages, List.of());
    }

    static Analysis analysis(Site site) {
        return new Analyzer().analyze(site);
    }

    static SearchIndex index() {
        return new SearchIndex(Map.of("2024-03-11-checkout-pool", List.of(new Similar("2023-11-02-orders-failover", 1.0,
                List.of("capacity"), List.of("orders-db"), List.of("pool"))),
                "2023-11-02-orders-failover", List.of(
                        new Similar("2024-03-11-checkout-pool", 1.0, List.of("capacity"), List.of("orders-db"), List.of("pool")),
                        new Similar("2025-01-05-xss", 0.5, List.of("capacity"), List.of(), List.of("script")))),
                "search/manifest.bin");
    }

    static Postmortem checkout() {
        String body = "<h2 id=\"summary\">Summary</h2><p>Checkout failed for 88 minutes.</p>"
                + "<h2 id=\"timeline\">Timeline</h2><p>All times UTC.</p><table><thead><tr><th>Time</th><th>Event</th></tr></thead>"
                + "<tbody><tr><td>09:02</td><td>Config pushed</td></tr><tr><td>09:17</td><td>Alert fired</td></tr>"
                + "<tr><td>10:30</td><td>Resolved</td></tr></tbody></table>"
                + "<h2 id=\"root-cause\">Root cause</h2><p>See <a href=\"2023-11-02-orders-failover.md#timeline\">the failover</a>"
                + " and <a href=\"https://example.com/doc\">the vendor doc</a>. <img src=\"missing.png\" alt=\"graph\"></p>"
                + "<h2 id=\"lessons-learned\">Lessons learned</h2><h3 id=\"what-went-well\">What went well</h3><ul><li>Alert fired fast</li></ul>"
                + "<h3 id=\"where-we-got-lucky\">Where we got lucky</h3><ul><li>Low traffic</li></ul>"
                + "<h2 id=\"action-items\">Action items</h2><ul><li>Add load test</li><li>Pool alarm</li></ul>";
        Instant start = Instant.parse("2024-03-11T09:02:00Z");
        Instant detected = Instant.parse("2024-03-11T09:17:00Z");
        Instant resolved = Instant.parse("2024-03-11T10:30:00Z");
        return PostmortemFixture.of("2024-03-11-checkout-pool")
                .title("Checkout API outage from connection pool exhaustion").severity("SEV1")
                .summary("Checkout failed for 88 minutes.").services("checkout-api", "orders-db").teams("payments")
                .tags("database").causes("capacity", "config-change").trigger("config-push").detection("alert")
                .times(new Times(Optional.of(start), Optional.of(detected), Optional.empty(), Optional.of(resolved)))
                .impact(new Impact(OptionalLong.of(5000), Optional.of(true), OptionalLong.empty()))
                .authors("payments-oncall").related("2023-11-02-orders-failover")
                .actionItems(new ActionItem("Add load test", ActionType.PREVENT, Optional.of("release-eng"),
                                Optional.of(LocalDate.of(2024, 4, 15)), ActionStatus.DONE, Optional.of(LocalDate.of(2024, 4, 10)),
                                Optional.of("https://tracker.example/REL-88"), 0),
                        new ActionItem("Pool alarm", ActionType.DETECT, Optional.of("payments"),
                                Optional.of(LocalDate.of(2024, 5, 1)), ActionStatus.OPEN, Optional.empty(), Optional.empty(), 0))
                .timeline(new TimelineEvent("09:02", Optional.of(start), "Config pushed", "Config pushed", 10),
                        new TimelineEvent("09:17", Optional.of(detected), "Alert fired", "Alert <code>fired</code>", 11),
                        new TimelineEvent("10:30", Optional.of(resolved), "Resolved", "Resolved", 12))
                .sections(new Section(SectionKind.SUMMARY, "Summary", "summary", "Checkout failed.", 5),
                        new Section(SectionKind.TIMELINE, "Timeline", "timeline", "", 8),
                        new Section(SectionKind.LESSONS, "Lessons learned", "lessons-learned", "", 20),
                        new Section(SectionKind.ACTION_ITEMS, "Action items", "action-items", "", 30))
                .lessons(new Lessons(List.of("Alert fired fast"), List.of(), List.of("Low traffic")))
                .headings(new Heading(2, "Summary", "summary")).body(body, "Checkout failed")
                .inference(new Inference("times.mitigated", "unknown", "timeline")).build();
    }

    static Postmortem older() {
        String body = "<h1>Orders DB failover</h1><h2 id=\"what-happened\">What happened</h2><p>The primary failed over.</p>";
        return PostmortemFixture.of("2023-11-02-orders-failover").title("Orders DB failover").severity("SEV2")
                .services("orders-db").teams("payments").causes("capacity").nearMiss().body(body, "The primary failed over.")
                .actionItems(new ActionItem("Test the failover runbook", ActionType.PROCESS, Optional.empty(),
                        Optional.of(LocalDate.of(2023, 12, 1)), ActionStatus.UNKNOWN, Optional.empty(), Optional.empty(), 0))
                .inference(new Inference("title", "Orders DB failover", "first H1 heading")).build();
    }

    static Postmortem xss() {
        return PostmortemFixture.of("2025-01-05-xss").title(XSS_TITLE).status(Status.DRAFT)
                .summary("A summary with </script> inside").services("checkout-api").tags("<b>tag</b>")
                .causes("config-change").recurrenceOf("2024-03-11-checkout-pool")
                .actionItems(new ActionItem("Front matter action", ActionType.PROCESS, Optional.empty(), Optional.empty(),
                        ActionStatus.IN_PROGRESS, Optional.empty(), Optional.empty(), 0))
                .body("<p>Body <span style=\"color:red\" onclick=\"x()\">text</span></p>", "Body text").build();
    }

    /** A writer that keeps files in memory. */
    static final class MemoryWriter implements SiteWriter {
        final Map<String, byte[]> files = new java.util.concurrent.ConcurrentSkipListMap<>();

        @Override
        public void write(String path, byte[] bytes) {
            if (files.putIfAbsent(path, bytes) != null) {
                throw new IllegalStateException("written twice: " + path);
            }
        }

        String text(String path) {
            byte[] b = files.get(path);
            if (b == null) {
                throw new AssertionError("not written: " + path + " (have " + files.keySet() + ")");
            }
            return new String(b, java.nio.charset.StandardCharsets.UTF_8);
        }
    }
}
