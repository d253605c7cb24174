package dev.hindsight.index;

import dev.hindsight.analyze.Causality;
import dev.hindsight.model.KeyAliases;
import dev.hindsight.model.Postmortem;
import dev.hindsight.model.PostmortemFixture;
import dev.hindsight.model.Section;
import dev.hindsight.model.SectionKind;
import dev.hindsight.model.Site;
import dev.hindsight.model.SiteConfig;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The recurrence rule on adversarial near pairs: incidents that share a category and a service but not the
 * mechanism must not be matched; the same mechanism in the same service, mutually similar, must.
 */
class RecurrenceRuleTest {

    static Postmortem pm(String slug, List<String> causes, List<String> services, String rootCause) {
        return PostmortemFixture.of(slug).causes(causes).services(services)
                .sections(new Section(SectionKind.ROOT_CAUSE, "Root cause", "root-cause", rootCause, 5)).build();
    }

    static Site site(Postmortem... p) {
        return new Site(new SiteConfig("t", "", "/", "en", ZoneOffset.UTC, List.of(), List.of(), List.of(), List.of(),
                Map.of(), List.of(), List.of(), LocalDate.of(2026, 1, 1), List.of(), KeyAliases.BUILT_IN), List.of(p),
                List.of(), List.of());
    }

    /** Makes every listed pair mutually similar (each first in the other's list). */
    static Map<String, List<Similar>> similar(String... pairs) {
        Map<String, List<Similar>> m = new HashMap<>();
        for (String pair : pairs) {
            String[] ab = pair.split("~");
            m.computeIfAbsent(ab[0], k -> new ArrayList<>()).add(new Similar(ab[1], 1, List.of(), List.of(), List.of()));
            m.computeIfAbsent(ab[1], k -> new ArrayList<>()).add(new Similar(ab[0], 1, List.of(), List.of(), List.of()));
        }
        return m;
    }

    @Test
    void theSameMechanismInTheSameServiceMutuallySimilarIsARecurrence() {
        Site s = site(pm("2024-01-10-pool", List.of("capacity"), List.of("checkout-api", "orders-db"),
                        "The checkout-api connection pool ran dry under the sale."),
                pm("2024-06-01-pool-again", List.of("capacity"), List.of("checkout-api"),
                        "Again the checkout-api pool: the limit was never raised."));
        assertThat(new RecurrenceRule().find(s, similar("2024-01-10-pool~2024-06-01-pool-again")))
                .extracting(RecurrenceRule.Match::later, RecurrenceRule.Match::earlier, RecurrenceRule.Match::service)
                .containsExactly(tuple("2024-06-01-pool-again", "2024-01-10-pool", java.util.Optional.of("checkout-api")));
    }

    @Test
    void nearPairsWithADifferentMechanismAreRejected() {
        Site s = site(
                // A signing-key rotation that outran an edge cache versus a certificate expiry: same category and
                // affected service, but the cause was in auth for one and in the edge for the other.
                pm("2025-02-01-jwks", List.of("expired-credential"), List.of("edge", "auth"),
                        "auth rotated its signing key before the edge cache refreshed the JWKS."),
                pm("2025-05-01-tls", List.of("expired-credential"), List.of("edge"), "The edge wildcard certificate expired."),
                // Same category and causal service, but not mutually similar: different words, different mechanism.
                pm("2024-03-01-disk", List.of("capacity"), List.of("search"), "search nodes filled their disks."),
                pm("2024-09-01-heap", List.of("capacity"), List.of("search"), "search heap was too small for the merge."),
                // The root cause names two services: the causal service is unknown, and unknown never matches.
                pm("2023-01-01-both", List.of("dns"), List.of("api", "web"), "api and web both resolved through the flaky resolver."),
                pm("2023-04-01-both-again", List.of("dns"), List.of("api", "web"), "api and web resolvers timed out."));
        Map<String, List<Similar>> sim = similar("2025-02-01-jwks~2025-05-01-tls", "2023-01-01-both~2023-04-01-both-again");
        sim.put("2024-09-01-heap", List.of(new Similar("2024-03-01-disk", 1, List.of(), List.of(), List.of())));
        assertThat(new RecurrenceRule().find(s, sim)).isEmpty();
    }

    @Test
    void aDeclaredRecurrenceHoldsAndAVetoWins() {
        Site s = site(
                pm("2022-01-01-queue", List.of("capacity"), List.of("queue"), "queue consumers lagged."),
                PostmortemFixture.of("2022-06-01-queue-declared").recurrenceOf("2022-01-01-queue").services("billing").build(),
                PostmortemFixture.of("2022-09-01-queue-veto").causes("capacity").services("queue").causalService("queue")
                        .notRecurrenceOf("2022-01-01-queue").build());
        List<RecurrenceRule.Match> found = new RecurrenceRule().find(s, similar("2022-01-01-queue~2022-09-01-queue-veto"));
        assertThat(found).extracting(RecurrenceRule.Match::later, RecurrenceRule.Match::declared, RecurrenceRule.Match::why)
                .containsExactly(tuple("2022-06-01-queue-declared", true, "declared: recurrence_of 2022-01-01-queue"));
    }

    @Test
    void aBroadCategoryOnItsOwnNeverMatches() {
        List<Postmortem> all = new ArrayList<>();
        for (int i = 1; i <= 9; i++) {
            // config-change on 7 of 9 incidents: broad.
            all.add(PostmortemFixture.of("2021-0" + i + "-01-c" + i).causes(i <= 7 ? "config-change" : "capacity")
                    .services("dns").causalService("dns").build());
        }
        Site s = site(all.toArray(Postmortem[]::new));
        assertThat(new RecurrenceRule().find(s, similar("2021-01-01-c1~2021-02-01-c2"))).isEmpty();
        assertThat(new RecurrenceRule().find(s, similar("2021-08-01-c8~2021-09-01-c9")))
                .extracting(RecurrenceRule.Match::causes).containsExactly(List.of("capacity"));
    }

    @Test
    void theCausalServiceIsWrittenOrTheOneServiceTheRootCauseNames() {
        SiteConfig cfg = site().config();
        assertThat(Causality.causalService(pm("2020-01-01-a", List.of(), List.of("orders-db", "checkout-api"),
                "A vacuum on orders db locked the table."), cfg)).contains("orders-db");
        assertThat(Causality.causalService(PostmortemFixture.of("2020-01-01-b").services("x", "y").causalService("y")
                .build(), cfg)).contains("y");
        assertThat(Causality.causalService(PostmortemFixture.of("2020-01-01-c").services("x").build(), cfg)).isEmpty();
    }
}
