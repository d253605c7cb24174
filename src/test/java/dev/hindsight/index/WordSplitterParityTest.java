package dev.hindsight.index;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.json.Json;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link WordSplitter} and {@link CjkGrams} against the browser's {@code splitWords}, {@code queryWords} and
 * {@code isCjkRun} in {@code search-engine.js} (under Node, {@code src/test/js/words-runner.js}): the same words, positions
 * and offsets for mixed Latin, CJK and fullwidth text, written and random; the same CJK letters among every code point
 * Java knows, and the same in {@code search-highlight.js}. Also the browser's snippet marks for CJK words. Skips without
 * Node, except in CI.
 */
class WordSplitterParityTest {
    /** Pieces random texts are made of: CJK of each script, Latin, identifiers, joiners, fullwidth, odd letters. */
    private static final String[] PIECES = {"データベース", "障害", "東", "ー", "ｶﾞｰﾄﾞ", "데이터", "베이스가", "连接池", "超时",
        "\uD840\uDC0B", "々", "ゞ", "DB", "db-primary-02", "api", "Timeouts", "k8s", "x509", "'s", "’", ".", "-", "_",
        "ＡＰＩ", "５０３", "－", "＿", "、", "。", " ", " ", "\n", "Ωμέγα", "ไทย", "〇", "・", "(", "\"", "e\u0301"};
    /**
     * Code points a later Unicode than Java 17's (13.0) moved into a CJK script, which Node's newer tables have: OLD
     * CHINESE ITERATION MARK, Common until Unicode 14, Han since. Letters Java does not know at all are left out anyway.
     */
    private static final java.util.Set<Integer> NEWER_UNICODE = java.util.Set.of(0x16FE3);

    @Test
    void javaAndJavaScriptSplitTextAlike() throws Exception {
        List<String> texts = new ArrayList<>(List.of("データベース障害", "DB障害 on api-gateway", "東 リージョン",
                "促销高峰期间订单服务出现大量数据库连接超时，部分用户无法下单。", "데이터베이스가 과부하되어 로그인이 지연되었다",
                "ＡＰＩゲートウェイで５０３、ｃｅｒｔ－ｍａｎａｇｅｒ", "接続プールが枯渇", "pm2021-障害", "障", "ﾃﾞｰﾀﾍﾞｰｽ",
                "\uD840\uDC0B\uD840\uDC0C店", "The service's pool. HTTP 503!", "x-" + "a".repeat(50) + "-y"));
        Random random = new Random(20261205L);
        for (int i = 0; i < 400; i++) {
            StringBuilder sb = new StringBuilder();
            for (int k = random.nextInt(12); k >= 0; k--) {
                sb.append(PIECES[random.nextInt(PIECES.length)]);
            }
            texts.add(sb.toString());
        }
        Map<String, Object> js = run(Map.of("texts", texts, "highlight", List.of(), "letters", false));
        List<?> results = (List<?>) js.get("texts");
        for (int i = 0; i < texts.size(); i++) {
            Map<?, ?> r = (Map<?, ?>) results.get(i);
            List<List<Object>> words = new ArrayList<>();
            for (WordSplitter.Word w : WordSplitter.split(texts.get(i))) {
                words.add(List.of(w.surface(), (long) w.position(), (long) w.start(), (long) w.end(), w.part()));
            }
            assertThat(r.get("words")).as("words of %s", texts.get(i)).isEqualTo(words);
            assertThat(r.get("query")).as("query words of %s", texts.get(i)).isEqualTo(WordSplitter.queryWords(texts.get(i)));
        }
    }

    @Test
    void theSameLettersAreCjkInJavaTheEngineAndTheIncidentPageMarks() throws Exception {
        Map<String, Object> js = run(Map.of("texts", List.of(), "letters", true));
        assertThat(js.get("highlight")).as("search-highlight.js against search-engine.js").isEqualTo(js.get("engine"));
        java.util.BitSet javascript = new java.util.BitSet();
        for (Object range : (List<?>) js.get("engine")) {
            List<?> r = (List<?>) range;
            javascript.set(((Long) r.get(0)).intValue(), ((Long) r.get(1)).intValue() + 1);
        }
        List<String> onlyJava = new ArrayList<>();
        List<String> onlyJavaScript = new ArrayList<>();
        int letters = 0;
        for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
            boolean inJava = CjkGrams.isCjk(cp);
            letters += inJava ? 1 : 0;
            if (inJava && !javascript.get(cp)) {
                onlyJava.add(Integer.toHexString(cp));
            } else if (!inJava && javascript.get(cp) && Character.isDefined(cp) && !NEWER_UNICODE.contains(cp)) {
                onlyJavaScript.add(Integer.toHexString(cp));
            }
        }
        assertThat(letters).isGreaterThan(90_000);
        assertThat(onlyJava).as("CJK in Java only").isEmpty();
        assertThat(onlyJavaScript).as("CJK in JavaScript only, among the code points Java %s knows",
                Runtime.version().feature()).isEmpty();
    }

    @Test
    void theBrowserSnippetMarksACjkWordInsideALongerRunAndMergesOverlaps() throws Exception {
        Map<String, Object> js = run(Map.of("texts", List.of("ピーク時にデータベース障害が発生した。ベースラインは正常。",
                "DB障害 on api-gateway: データベース障害", "db-primary-02 failed"),
                "highlight", List.of("データベース", "ベース障害", "db", "db-primary-02", "primary")));
        List<?> results = (List<?>) js.get("texts");
        assertThat(marked((Map<?, ?>) results.get(0))).isEqualTo("ピーク時に[データベース障害]が発生した。ベースラインは正常。");
        assertThat(marked((Map<?, ?>) results.get(1))).isEqualTo("[DB]障害 on api-gateway: [データベース障害]");
        assertThat(marked((Map<?, ?>) results.get(2))).as("a compound is marked once").isEqualTo("[db-primary-02] failed");
    }

    private static String marked(Map<?, ?> result) {
        StringBuilder sb = new StringBuilder();
        for (Object seg : (List<?>) result.get("snippet")) {
            List<?> s = (List<?>) seg;
            sb.append(Boolean.TRUE.equals(s.get(1)) ? "[" + s.get(0) + "]" : s.get(0));
        }
        return sb.toString();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> run(Map<String, Object> input) throws IOException, InterruptedException {
        Path node = NodeSearch.node();
        Path in = Files.createTempFile("hindsight-words", ".json");
        Path out = Files.createTempFile("hindsight-words-out", ".json");
        Path err = Files.createTempFile("hindsight-words-err", ".txt");
        try {
            Files.writeString(in, new Json().toJson(input), StandardCharsets.UTF_8);
            Process p = new ProcessBuilder(node.toString(), NodeSearch.project().resolve("src/test/js/words-runner.js").toString(),
                    NodeSearch.project().resolve("assets/js/search-engine.js").toString(), in.toString())
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!p.waitFor(2, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                Assertions.fail("node words runner timed out");
            }
            if (p.exitValue() != 0) {
                Assertions.fail("node words runner failed: " + Files.readString(err));
            }
            return (Map<String, Object>) new Json().toType(Files.readString(out, StandardCharsets.UTF_8), Object.class);
        } finally {
            Files.deleteIfExists(in);
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
