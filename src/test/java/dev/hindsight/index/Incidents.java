package dev.hindsight.index;

import dev.hindsight.model.Impact;
import dev.hindsight.model.KeyAliases;
import dev.hindsight.model.Lessons;
import dev.hindsight.model.Postmortem;
import dev.hindsight.model.PostmortemFixture;
import dev.hindsight.model.Site;
import dev.hindsight.model.SiteConfig;
import dev.hindsight.model.Status;
import dev.hindsight.model.Term;
import dev.hindsight.model.Times;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Hand-built incidents for index tests, made the way the loader makes them.
 */
final class Incidents {
    private Incidents() {
    }

    /** Builds an incident; lists are comma-separated ids ("" for none). */
    static Postmortem pm(String slug, String title, String severity, String summary, String body, String causes,
                         String services, String tags) {
        return PostmortemFixture.of(slug).title(title).severity(severity.isEmpty() ? null : severity)
                .summary(summary.isEmpty() ? null : summary).services(list(services)).teams("sre").tags(list(tags))
                .causes(list(causes)).detection("alert").body("<p>" + body + "</p>", summary + "\n\n" + body).build();
    }

    static List<String> list(String csv) {
        return csv.isBlank() ? List.of() : List.of(csv.split(",\\s*"));
    }

    static SiteConfig config() {
        return new SiteConfig("Test incidents", "", "/", "en", ZoneOffset.UTC,
                List.of(term("SEV1"), term("SEV2"), term("SEV3")),
                List.of(term("capacity"), term("config-change"), term("dependency"), term("expiry")),
                List.of(term("checkout-api"), term("orders-db"), term("dns"), term("edge-proxy")),
                List.of(term("sre")), Map.of(), List.of(), List.of(), LocalDate.of(2025, 1, 1), List.of(), KeyAliases.BUILT_IN);
    }

    private static Term term(String id) {
        return new Term(id, id.toUpperCase(java.util.Locale.ROOT).charAt(0) + id.substring(1), "", Optional.empty());
    }

    /** A small site of distinct incidents with planted recurrences and identifiers. */
    static Site site() {
        List<Postmortem> list = new ArrayList<>();
        list.add(pm("2022-11-25-checkout-pool", "Checkout outage from connection pool exhaustion", "SEV1",
                "Checkout failed with HTTP 503 because the HikariCP connection pool was exhausted on orders-db.",
                "Every new checkout-api pod opened a pool of 20 connections to db-primary-02.internal until "
                        + "max_connections was reached. Requests timed out waiting for a connection. "
                        + "We capped the autoscaler and put PgBouncer in front of the database.",
                "capacity", "checkout-api, orders-db", "connection-pool, hikaricp"));
        list.add(pm("2025-03-10-checkout-leak", "HikariCP connection leak starves checkout", "SEV2",
                "A connection leak in checkout-api exhausted the HikariCP pool again; checkouts failed with HTTP 503.",
                "A code path forgot to close its connection. The pool drained within hours and requests timed out. "
                        + "Leak detection in HikariCP now logs connections held longer than 30 seconds.",
                "capacity", "checkout-api", "connection-pool, hikaricp"));
        list.add(pm("2022-09-13-coredns-ndots", "CoreDNS timeouts from ndots search domains", "SEV2",
                "Pods saw DNS timeouts because ndots:5 multiplied every lookup across search domains.",
                "CoreDNS in k8s was overloaded by NXDOMAIN answers for search-domain expansions. "
                        + "Setting ndots to 2 and adding NodeLocal DNSCache fixed the timeouts.",
                "capacity, config-change", "dns", "coredns, kubernetes"));
        list.add(pm("2024-01-23-coredns-corefile", "Corefile push breaks DNS resolution", "SEV1",
                "A Corefile change pushed to CoreDNS broke name resolution; services saw DNS timeouts.",
                "The config push removed the forward plugin block. Every pod failed DNS lookups for external names "
                        + "until the Corefile was rolled back. CoreDNS timeouts returned like in 2022.",
                "config-change", "dns", "coredns"));
        list.add(pm("2022-06-08-edge-cert", "Edge proxy certificate expired", "SEV1",
                "The TLS certificate of the edge proxy expired and browsers rejected every request.",
                "The x509 certificate for www was renewed by hand last year and the reminder went to a former "
                        + "employee. Automated renewal with ACME now covers it.",
                "expiry", "edge-proxy", "certificate, tls"));
        list.add(pm("2025-06-02-callback-cert", "Callback endpoint certificate expired", "SEV2",
                "Payment callbacks failed because the x509 certificate of the callback endpoint expired.",
                "The certificate lived outside ACME automation. The edge proxy rejected the expired chain; "
                        + "an expiry alert now watches every certificate.",
                "expiry", "edge-proxy", "certificate"));
        list.add(pm("2023-05-22-etcd-disk", "Kubernetes API slow from etcd disk latency", "SEV2",
                "The k8s API server timed out because etcd fsync latency rose on a noisy disk.",
                "etcd leader elections followed slow WAL fsync on db-style volumes. We moved etcd to dedicated SSDs "
                        + "and alert on fsync p99.",
                "capacity, dependency", "", "etcd, kubernetes"));
        list.add(pm("2021-03-02-pm2021-008", "All services returning 503 in Kubernetes", "SEV1",
                "PM2021-008: every service behind the ingress returned 503 after a controller upgrade.",
                "The ingress controller lost its endpoints after an upgrade; services answered HTTP 503 for 40 minutes.",
                "config-change", "edge-proxy", "kubernetes, ingress"));
        list.add(pm("2024-08-09-gateway-3ds", "Payment gateway 3DS degradation", "SEV3",
                "The 3DS provider degraded and card payments slowed.",
                "A dependency on the 3DS provider had no timeout budget, so checkout threads waited. "
                        + "The provider's root cause of the outage was a bad deploy.",
                "dependency", "checkout-api", "payments"));
        list.add(pm("2023-11-07-orders-migration", "Orders DB migration takes a table lock", "SEV2",
                "A schema migration on orders-db held an ACCESS EXCLUSIVE lock and blocked writes.",
                "The migration added a column with a default on PostgreSQL 10, which rewrites the table. "
                        + "Writes queued until the lock was released.",
                "config-change", "orders-db", "postgresql, migration"));
        return new Site(config(), list, List.of(), List.of());
    }
}
