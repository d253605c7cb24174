package dev.hindsight.index;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Known-item queries over our own content/, as an on-call engineer half-remembers an incident (typos included):
 * the incident must be in the top 3, both in Lucene and in the browser engine.
 */
class ContentRelevanceIT {
    /** Query → the date of the incident it must find. */
    static final Map<String, String> KNOWN = new LinkedHashMap<>();

    static {
        KNOWN.put("pgbouncer saturation heatwave", "2023-08-14");
        KNOWN.put("hikaricp leak substitutions", "2025-03-10");
        KNOWN.put("ndots search domain", "2022-09-13");
        KNOWN.put("corefile push", "2024-01-23");
        KNOWN.put("coredns autoscaler karpenter", "2025-10-07");
        KNOWN.put("wildcard certificate edge", "2022-06-08");
        KNOWN.put("acquirer mtls", "2023-09-19");
        KNOWN.put("callbacks certificate", "2025-06-02");
        KNOWN.put("stocktake lag", "2026-01-12");
        KNOWN.put("rebalance storm", "2024-06-18");
        KNOWN.put("oomkilled base image", "2025-04-14");
        KNOWN.put("etcd disk latency", "2023-05-22");
        KNOWN.put("terraform security group", "2024-03-28");
        KNOWN.put("jwks key rotation", "2025-01-20");
        KNOWN.put("redis evictions session", "2022-03-15");
        KNOWN.put("3-d secure slowdown", "2024-08-09");
        KNOWN.put("envoy route catch-all", "2025-12-02");
        KNOWN.put("promotion discounts twice", "2026-02-17");
        KNOWN.put("sms provider", "2022-04-27");
        KNOWN.put("table lock migration", "2023-11-07");
        KNOWN.put("black friday pool exhaustion", "2022-11-25");
        KNOWN.put("pgbouncr saturation", "2023-08-14");
        KNOWN.put("wildcard certficate", "2022-06-08");
        KNOWN.put("kubernets etcd", "2023-05-22");
        KNOWN.put("rebalanse storm", "2024-06-18");
        KNOWN.put("redis evictons", "2022-03-15");
        KNOWN.put("stale pricse reindex", "2023-01-31");
    }

    @TempDir
    static Path dir;
    static ExportedSite site;

    @BeforeAll
    static void export() throws IOException {
        site = ExportedSite.of(SearchParityCorpusIT.project().resolve("content"), dir);
    }

    @AfterAll
    static void close() throws IOException {
        site.close();
    }

    @Test
    void knownItemsAreInTheTopThreeInLuceneAndInTheBrowserEngine() throws Exception {
        List<String> queries = List.copyOf(KNOWN.keySet());
        List<List<String>> js = site.javascript(queries, 3, false);
        List<String> misses = new ArrayList<>();
        for (int i = 0; i < queries.size(); i++) {
            String q = queries.get(i);
            String want = KNOWN.get(q);
            List<String> lucene = site.lucene(q, 3, false);
            if (lucene.stream().noneMatch(s -> s.startsWith(want))) {
                misses.add("lucene \"" + q + "\" → " + lucene);
            }
            if (js.get(i).stream().noneMatch(s -> s.startsWith(want))) {
                misses.add("js \"" + q + "\" → " + js.get(i));
            }
        }
        assertThat(misses).as("known-item queries whose incident is not in the top 3").isEmpty();
    }

    @Test
    void theLastWordCompletesAsAPrefix() throws Exception {
        List<String> queries = List.of("pgbounc", "coredns autosc", "stockt");
        List<List<String>> js = site.javascript(queries, 3, true);
        assertThat(js.get(0)).anyMatch(s -> s.startsWith("2023-08-14"));
        assertThat(js.get(1)).anyMatch(s -> s.startsWith("2025-10-07"));
        assertThat(js.get(2)).anyMatch(s -> s.startsWith("2026-01-12"));
        for (int i = 0; i < queries.size(); i++) {
            assertThat(js.get(i)).as(queries.get(i)).isEqualTo(site.lucene(queries.get(i), 3, true));
        }
    }
}
