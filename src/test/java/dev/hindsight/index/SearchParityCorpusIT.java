package dev.hindsight.index;

import dev.hindsight.model.Postmortem;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Parity of the static client with Lucene on real text: the real {@code search-engine.js} (under Node) against
 * the exported files, and {@link IncidentSearcher} on the Lucene index, for at least 30 queries over content/ and
 * over each folder of ../shared/corpus. The figure is the mean over queries of overlap@10 =
 * |JS top 10 ∩ Lucene top 10| / |Lucene top 10| (1 when both are empty); it must be at least 0.9.
 */
class SearchParityCorpusIT {
    static final int K = 10;
    static final double REQUIRED = 0.9;
    /** Queries an on-call engineer might type, for any operations corpus. */
    static final List<String> GENERIC = List.of("outage", "dns", "database", "certificate expired", "deploy rollback",
            "timeout", "alert", "kubernetes node", "memory", "network latency", "customer impact", "root cause",
            "disk full", "config change", "load balancer", "monitoring", "cluster upgrade", "http 503", "error rate",
            "postgres", "aws", "etcd", "ingress", "cpu", "restart", "\"root cause\"", "\"action items\"", "k8s",
            "api server", "data loss");
    /** Queries over our own content/: causes, services, identifiers, phrases and typos. */
    static final List<String> CONTENT = List.of("connection pool", "connection pool exhausted", "pgbouncer", "hikaricp leak",
            "coredns timeouts", "ndots", "corefile", "certificate expired", "mtls", "x509", "kafka lag", "consumer lag",
            "rebalance", "oomkilled", "heap", "etcd disk", "k8s", "http 503", "envoy route", "terraform drift",
            "security group", "redis evictions", "jwks", "3ds", "sms provider", "stale prices", "reindex",
            "table lock", "migration", "\"connection pool\"", "\"consumer lag\"", "black friday", "near miss",
            "conection pool", "certifcate", "max_connections", "orders-db", "checkout-api", "karpenter",
            "node pool upgrade");

    @TempDir
    Path dir;

    static Path project() {
        return Path.of(System.getProperty("hindsight.project.dir", ".")).toAbsolutePath().normalize();
    }

    @Test
    void javascriptRanksLikeLuceneOnOurContent() throws Exception {
        try (ExportedSite s = ExportedSite.of(project().resolve("content"), dir)) {
            List<String> queries = new ArrayList<>(CONTENT);
            queries.addAll(GENERIC);
            double parity = parity("content/", s, queries);
            assertThat(parity).isGreaterThanOrEqualTo(REQUIRED);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dfds-postmortems", "kubernetes-test-infra", "moj-cloud-platform-incidents",
            "posthog-post-mortems", "zalando-kubernetes-on-aws"})
    void javascriptRanksLikeLuceneOnTheRealCorpus(String folder) throws Exception {
        Path corpus = project().resolve("../shared/corpus").normalize().resolve(folder);
        CorpusFolder.require(corpus);
        try (ExportedSite s = ExportedSite.of(corpus, dir)) {
            List<String> queries = new ArrayList<>(GENERIC);
            queries.addAll(titleQueries(s.site.postmortems()));
            double parity = parity(folder, s, queries);
            assertThat(parity).isGreaterThanOrEqualTo(REQUIRED);
        }
    }

    /** Two words from each title (the first two of four or more letters): known-item queries. */
    static List<String> titleQueries(List<Postmortem> docs) {
        Set<String> out = new java.util.LinkedHashSet<>();
        for (Postmortem p : docs.stream().sorted(java.util.Comparator.comparing(Postmortem::slug)).toList()) {
            List<String> words = new ArrayList<>();
            for (String w : p.title().toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{Nd}]+")) {
                if (w.length() >= 4 && words.size() < 2) {
                    words.add(w);
                }
            }
            if (!words.isEmpty()) {
                out.add(String.join(" ", words));
            }
        }
        return List.copyOf(out);
    }

    static double parity(String name, ExportedSite s, List<String> queries) throws Exception {
        assertThat(queries.size()).isGreaterThanOrEqualTo(30);
        List<List<String>> js = s.javascript(queries, K, false);
        double sum = 0;
        int withHits = 0;
        List<String> misses = new ArrayList<>();
        for (int i = 0; i < queries.size(); i++) {
            List<String> lucene = s.lucene(queries.get(i), K, false);
            double overlap = overlap(js.get(i), lucene);
            sum += overlap;
            withHits += lucene.isEmpty() ? 0 : 1;
            if (overlap < 1) {
                misses.add(String.format(Locale.ROOT, "%s %.2f", queries.get(i), overlap));
            }
        }
        double parity = sum / queries.size();
        System.out.printf(Locale.ROOT, "search parity %s: mean overlap@%d %.3f over %d queries (%d with hits, %d docs)%s%n",
                name, K, parity, queries.size(), withHits, s.store.docs().size(), misses.isEmpty() ? "" : "; below 1: " + misses);
        assertThat(withHits).as("queries with hits (a parity over empty results proves nothing)").isGreaterThanOrEqualTo(10);
        return parity;
    }

    static double overlap(List<String> js, List<String> lucene) {
        if (lucene.isEmpty()) {
            return js.isEmpty() ? 1 : 0;
        }
        Set<String> common = new HashSet<>(js);
        common.retainAll(lucene);
        return (double) common.size() / lucene.size();
    }
}
