package dev.hindsight.index;

import dev.hindsight.TestFolders;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Search over the fixture site written in Japanese, Chinese and Korean (src/test/resources/sites/cjk), by Lucene and
 * by the real browser engine under Node: CJK words inside longer runs, a lone kanji, Korean, fullwidth letters,
 * quoted and unquoted CJK words, Latin words beside CJK text, and pasted CJK text.
 */
class CjkSearchTest {
    static final String DB_OUTAGE = "2024-05-10-payments-db-outage";
    static final String POOL_TIMEOUT = "2024-06-02-orders-pool-timeout";
    static final String LOGIN_CACHE = "2024-07-15-login-cache-outage";
    static final String EAST_REGION = "2024-08-20-east-region-dns";
    static final String FULLWIDTH_503 = "2024-09-01-fullwidth-gateway-503";
    static final String FAILOVER = "2024-10-05-gateway-timeouts";

    @TempDir
    static Path dir;
    static ExportedSite site;

    @BeforeAll
    static void export() throws IOException {
        site = ExportedSite.of(TestFolders.cjkSite(), dir);
    }

    @AfterAll
    static void close() throws IOException {
        site.close();
    }

    private static SearchResult search(String q) throws IOException {
        return site.searcher.search(new SearchRequest(q, Map.of(), Optional.empty(), 10, false));
    }

    /** Lucene's incidents matching every word, in order. */
    private static List<String> every(String q) throws IOException {
        return search(q).hits().stream().filter(h -> !h.partial()).map(h -> h.postmortem().slug()).toList();
    }

    @Test
    void aCjkWordIsFoundInsideALongerRun() throws IOException {
        assertThat(every("データベース")).as("inside データベース障害").containsExactly(DB_OUTAGE);
        assertThat(every("接続プール")).as("kana and kanji mixed").containsExactly(DB_OUTAGE);
        assertThat(every("连接池")).as("a Chinese word in a sentence").containsExactly(POOL_TIMEOUT);
        assertThat(every("连接超时")).containsExactly(POOL_TIMEOUT);
        assertThat(every("데이터베이스")).as("Korean, a particle attached").containsExactly(LOGIN_CACHE);
        assertThat(every("ゲートウェイ")).as("beside fullwidth letters").containsExactly(FULLWIDTH_503);
        assertThat(every("障害")).as("and outage, the site's synonym")
                .containsExactlyInAnyOrder(DB_OUTAGE, EAST_REGION, FULLWIDTH_503, FAILOVER);
    }

    @Test
    void aLoneKanjiIsFoundWhereItStandsAlone() throws IOException {
        assertThat(every("東")).containsExactly(EAST_REGION);
        SearchResult inside = search("害");
        assertThat(inside.hits()).as("a letter inside a run is one of its bigrams, not a word").isEmpty();
        assertThat(inside.plan().unmatched()).containsExactly("害");
    }

    @Test
    void fullwidthLettersAreFoundByAsciiWords() throws IOException {
        assertThat(every("503")).containsExactly(FULLWIDTH_503);
        assertThat(every("cert-manager")).containsExactly(FULLWIDTH_503);
        assertThat(every("ＣＥＲＴ")).containsExactly(FULLWIDTH_503);
    }

    @Test
    void aCjkWordNeedsEveryBigramAndQuotedItNeedsThemSideBySide() throws IOException {
        QueryPlan plan = search("障害対応").plan();
        assertThat(plan.clauses()).hasSize(1);
        assertThat(plan.clauses().get(0).word()).isEqualTo("障害対応");
        assertThat(plan.clauses().get(0).alternatives()).containsExactly(new QueryPlan.Alternative(List.of("障害", "害対", "対応"), 1));
        assertThat(plan.mode()).isEqualTo(QueryMode.SHORT);
        assertThat(every("障害対応")).as("障害, 被害対策 and 対応 hold the three bigrams apart")
                .containsExactlyInAnyOrder(FULLWIDTH_503, EAST_REGION);
        assertThat(every("\"障害対応\"")).containsExactly(FULLWIDTH_503);
        assertThat(search("\"障害対応\"").plan().mode()).as("a quoted CJK word is one word, as unquoted").isEqualTo(QueryMode.SHORT);
        SearchResult missing = search("障害報告");
        assertThat(missing.plan().unmatched()).containsExactly("障害報告");
        assertThat(missing.hits()).isEmpty();
    }

    @Test
    void latinWordsBesideCjkKeepStemmingSynonymsAndTypoCorrection() throws IOException {
        QueryPlan plan = search("DB障害 timeouts").plan();
        assertThat(plan.clauses()).extracting(QueryPlan.Clause::word).containsExactly("db", "障害", "timeouts");
        assertThat(plan.clauses().get(0).alternatives()).extracting(QueryPlan.Alternative::terms)
                .containsExactly(List.of("db"), List.of("databas"));
        assertThat(plan.clauses().get(1).alternatives()).as("the site's synonym outage, 障害")
                .extracting(QueryPlan.Alternative::terms).containsExactly(List.of("障害"), List.of("outag"));
        assertThat(plan.clauses().get(2).alternatives()).extracting(QueryPlan.Alternative::terms)
                .contains(List.of("timeout"), List.of("time", "out"));
        assertThat(every("DB障害 timeouts")).as("database, outage and timed out in the English one")
                .containsExactlyInAnyOrder(DB_OUTAGE, FAILOVER);
        assertThat(every("DB障害 on api-gateway")).containsExactlyInAnyOrder(DB_OUTAGE, FAILOVER);
        SearchResult typo = search("障害 gatway");
        assertThat(typo.plan().corrections()).containsExactly(new QueryPlan.Correction("gatway", "gateway"));
        assertThat(typo.hits()).extracting(h -> h.postmortem().slug()).contains(DB_OUTAGE);
    }

    @Test
    void pastedCjkTextIsReadAsMoreLikeThis() throws IOException {
        SearchResult r = search("促销期间订单服务的数据库连接池被占满导致用户无法下单");
        assertThat(r.plan().mode()).isEqualTo(QueryMode.LONG);
        assertThat(r.hits()).isNotEmpty();
        assertThat(r.hits().get(0).postmortem().slug()).isEqualTo(POOL_TIMEOUT);
    }

    @Test
    void theTerminalSnippetMarksTheCjkWord() throws IOException {
        SearchResult r = search("接続プール");
        assertThat(r.hits().get(0).snippet().marked("[", "]")).contains("[接続プール]").doesNotContain("[接続]");
    }

    @Test
    void javascriptFindsWhatLuceneFinds() throws Exception {
        List<String> queries = List.of("接続プール", "连接池", "连接超时", "데이터베이스", "ゲートウェイ", "障害", "東", "害", "503",
                "cert-manager", "ＣＥＲＴ", "障害対応", "\"障害対応\"", "障害報告", "DB障害 timeouts", "DB障害 on api-gateway",
                "障害 gatway", "データベース", "outage", "促销期间订单服务的数据库连接池被占满导致用户无法下单", "データベース障害");
        List<Map<String, Object>> js = NodeSearch.run(dir, site.stats.manifest(),
                queries.stream().map(q -> NodeSearch.query(q, false)).toList());
        for (int i = 0; i < queries.size(); i++) {
            String q = queries.get(i);
            SearchResult lucene = search(q);
            Map<String, Object> r = js.get(i);
            assertThat(r.get("mode")).as("mode of %s", q).isEqualTo(lucene.plan().mode().id());
            List<Long> luceneHits = lucene.hits().stream().map(h -> (long) h.doc()).toList();
            List<?> jsHits = (List<?>) r.get("hits");
            List<Long> luceneEvery = lucene.hits().stream().filter(h -> !h.partial()).map(h -> (long) h.doc()).toList();
            // The browser ranks by quantized impacts: the same incidents, the same first one; near ties may swap (1.718
            // against 1.706 for the third and fourth of "障害 gatway").
            assertThat(new java.util.HashSet<Object>(jsHits.subList(0, Math.min(jsHits.size(), luceneEvery.size()))))
                    .as("every-word matches of %s", q).isEqualTo(new java.util.HashSet<Object>(luceneEvery));
            assertThat(new java.util.HashSet<Object>(jsHits)).as("hits of %s", q).isEqualTo(new java.util.HashSet<Object>(luceneHits));
            assertThat(jsHits.stream().findFirst()).as("first hit of %s", q).isEqualTo(luceneHits.stream().findFirst());
            if (lucene.plan().mode() != QueryMode.LONG) {
                assertThat(((Number) r.get("total")).intValue()).as("total of %s", q).isEqualTo(lucene.total());
            }
            assertThat(r.get("unmatched")).as("unmatched of %s", q).isEqualTo(lucene.plan().unmatched());
            List<Map<String, String>> corrections = new ArrayList<>();
            lucene.plan().corrections().forEach(c -> corrections.add(Map.of("from", c.from(), "to", c.to())));
            assertThat(r.get("corrections")).as("corrections of %s", q).isEqualTo(corrections);
        }
        List<Object> highlight = List.copyOf((List<?>) js.get(queries.indexOf("データベース障害")).get("highlight"));
        assertThat(highlight).as("a CJK word is highlighted whole, not as bigrams").contains("データベース障害")
                .doesNotContain("デー", "障害");
    }
}
