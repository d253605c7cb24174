package dev.hindsight.index;

import dev.hindsight.model.Postmortem;
import dev.hindsight.model.PostmortemFixture;
import dev.hindsight.model.RecordCodec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The similar lists a build keeps from the build before are those a build without it makes, after every kind of
 * change, on a site big enough (300 incidents) for its statistics to be rounded.
 */
class SimilarReuseTest {
    private static final String[] SERVICES = {"checkout-api", "orders-db", "dns", "edge-proxy", "search", "billing"};
    private static final String[] CAUSES = {"capacity", "config-change", "dependency", "expiry", "deploy"};
    /** Words each cause's incidents return to, so that lists have something to find. */
    private static final String[][] THEMES = {
            {"pool", "connections", "exhausted", "autoscaler", "saturation", "queue", "hikari", "backlog", "threads",
                    "throttled", "memory", "heap"},
            {"flag", "rollout", "misconfigured", "override", "yaml", "toggle", "terraform", "helm", "manifest",
                    "typo", "env", "consul"},
            {"upstream", "vendor", "timeouts", "retries", "provider", "outage", "webhook", "sdk", "quota", "partner",
                    "stripe", "gateway"},
            {"certificate", "expired", "renewal", "tls", "rotation", "keystore", "acme", "letsencrypt", "chain",
                    "intermediate", "handshake", "secret"},
            {"release", "canary", "rollback", "migration", "schema", "build", "artifact", "pipeline", "image",
                    "container", "deployment", "bake"}};
    private static final String[] FILLER = ("the team saw errors rise on the dashboard while engineers checked logs "
            + "alerts paged on call then traffic recovered after mitigation and customers noticed slow pages during "
            + "peak hours with latency spikes across regions before the incident was declared resolved").split(" ");

    static List<Postmortem> base;
    static SimilarState before;

    @BeforeAll
    static void buildTheSiteBefore() throws IOException {
        Random random = new Random(20261204);
        base = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            base.add(incident(random, i, LocalDate.of(2023, 1, 1).plusDays(i * 2L), "incident-" + i));
        }
        before = find(base, SimilarState.NONE).state();
        assertThat(before.docs()).hasSize(300);
    }

    private static Postmortem incident(Random random, int i, LocalDate day, String name) {
        int cause = random.nextInt(CAUSES.length);
        String service = SERVICES[random.nextInt(SERVICES.length)];
        // Five of the theme's twelve words, so each is in about a tenth of the incidents (a query term).
        List<String> own = new ArrayList<>(List.of(THEMES[cause]));
        java.util.Collections.shuffle(own, random);
        own = own.subList(0, 5);
        StringBuilder body = new StringBuilder();
        for (int w = 0; w < 80; w++) {
            body.append(random.nextInt(3) == 0 ? own.get(random.nextInt(5)) : FILLER[random.nextInt(FILLER.length)])
                    .append(w % 12 == 11 ? ". " : " ");
        }
        body.append("code").append(random.nextInt(150)).append(' ');
        String title = service + " " + own.get(0) + " " + own.get(1) + " " + own.get(2);
        return PostmortemFixture.of(day + "-" + name).date(day).title(title).summary(title + " for " + (10 + i % 50) + " minutes.")
                .services(service).teams("sre").causes(CAUSES[cause]).detection("alert")
                .body("<p>" + body + "</p>", body.toString()).build();
    }

    enum Change {
        BODY(list -> replace(list, 41, p -> with(p, p.title(), p.bodyText() + " a brandnewword and more retries"))),
        /** Words it already has, used more: no frequency moves, only how well it matches other lists' queries. */
        MORE_OF_THE_SAME(list -> replace(list, 58, p -> with(p, p.title(), p.bodyText() + " "
                + String.join(" ", java.util.Arrays.asList(p.bodyText().split(" ")).subList(0, 40))))),
        /**
         * The same length and the same words, but every filler word turned into one of its theme's: no statistic
         * moves, and it now matches other incidents' queries far better (it enters lists it was not in).
         */
        REFOCUSED(list -> replace(list, 58, p -> with(p, p.title(), refocus(p.bodyText())))),
        TITLE(list -> replace(list, 77, p -> with(p, "edge-proxy certificate renewal", p.bodyText()))),
        CAUSE(list -> replace(list, 120, p -> PostmortemFixture.of(p.slug()).date(p.date().orElseThrow()).title(p.title())
                .summary(p.summary().orElse("")).services(p.services()).teams("sre").causes("expiry").detection("alert")
                .body("<p>" + p.bodyText() + "</p>", p.bodyText()).build())),
        ADD(list -> {
            List<Postmortem> out = new ArrayList<>(list);
            out.add(incident(new Random(7), 301, LocalDate.of(2024, 6, 2), "added"));
            return out;
        }),
        REMOVE_AND_ADD(list -> {
            List<Postmortem> out = new ArrayList<>(list);
            out.remove(10);
            out.add(incident(new Random(8), 302, LocalDate.of(2023, 3, 3), "renamed"));
            return out;
        }),
        NONE(list -> list);

        final UnaryOperator<List<Postmortem>> apply;

        Change(UnaryOperator<List<Postmortem>> apply) {
            this.apply = apply;
        }
    }

    @ParameterizedTest
    @EnumSource(Change.class)
    void keptListsAreThoseMadeWithoutTheBuildBefore(Change change) throws IOException {
        List<Postmortem> after = change.apply.apply(base);
        // Through the codec, as the cache hands it over.
        SimilarState stored = RecordCodec.decode(RecordCodec.encode(before), SimilarState.class);
        SimilarFinder.Found warm = find(after, stored);
        SimilarFinder.Found cold = find(after, SimilarState.NONE);
        assertThat(warm.lists()).isEqualTo(cold.lists());
        assertThat(warm.state()).isEqualTo(cold.state());
        assertThat(cold.made()).isEqualTo(after.size());
        if (change == Change.NONE) {
            assertThat(warm.made()).isZero();
        } else if (change == Change.CAUSE) {
            // Two causes' frequencies moved (exact under 128): the lists of their incidents are made again, not all.
            assertThat(warm.made()).as("lists made again").isBetween(1, after.size() - 1);
        } else if (change != Change.REMOVE_AND_ADD) {
            // One incident's text changed: most lists are kept.
            assertThat(warm.made()).as("lists made again").isBetween(1, after.size() / 3);
        }
        System.out.printf("similar reuse, %s: %d of %d lists made again%n", change, warm.made(), after.size());
    }

    private static SimilarFinder.Found find(List<Postmortem> docs, SimilarState state) throws IOException {
        try (IndexStore store = IndexStore.inMemory(docs)) {
            Map<String, String> words = IndexVocabulary.of(store).displayWords();
            return new SimilarFinder(store, t -> words.getOrDefault(t, t)).findAll(2, state);
        }
    }

    private static String refocus(String body) {
        List<String> words = List.of(body.split(" "));
        List<String> theme = words.stream().filter(w -> java.util.Arrays.stream(THEMES).flatMap(java.util.Arrays::stream)
                .anyMatch(w::equals)).distinct().toList();
        List<String> out = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            out.add(java.util.Arrays.asList(FILLER).contains(w) ? theme.get(i % theme.size()) : w);
        }
        return String.join(" ", out);
    }

    private static List<Postmortem> replace(List<Postmortem> list, int at, UnaryOperator<Postmortem> f) {
        List<Postmortem> out = new ArrayList<>(list);
        out.set(at, f.apply(out.get(at)));
        return out;
    }

    private static Postmortem with(Postmortem p, String title, String body) {
        return PostmortemFixture.of(p.slug()).date(p.date().orElseThrow()).title(title).summary(p.summary().orElse(""))
                .services(p.services()).teams("sre").causes(p.causes()).detection("alert")
                .body("<p>" + body + "</p>", body).build();
    }
}
