package dev.hindsight.index;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class WordSplitterTest {

    private static List<String> surfaces(String text) {
        return WordSplitter.split(text).stream().map(WordSplitter.Word::surface).toList();
    }

    @Test
    void keepsIdentifiersWholeAndAddsTheirParts() {
        assertThat(surfaces("db-primary-02.internal down"))
                .containsExactly("db-primary-02.internal", "db", "primary", "02", "internal", "down");
        assertThat(surfaces("PM2021-008 k8s x509 max_connections"))
                .containsExactly("pm2021-008", "pm2021", "008", "k8s", "x509", "max_connections", "max", "connections");
    }

    @Test
    void partsTakeConsecutivePositionsFromTheCompound() {
        List<WordSplitter.Word> words = WordSplitter.split("the db-primary-02 failed");
        assertThat(words).extracting(WordSplitter.Word::position).containsExactly(0, 1, 1, 2, 3, 4);
        assertThat(words).extracting(WordSplitter.Word::part).containsExactly(false, false, true, true, true, false);
    }

    @Test
    void dropsPossessivesAndTrailingPunctuationAndKeepsOffsets() {
        List<WordSplitter.Word> words = WordSplitter.split("The service's pool. HTTP 503! Team’s");
        assertThat(words).extracting(WordSplitter.Word::surface).containsExactly("the", "service", "pool", "http", "503", "team");
        WordSplitter.Word pool = words.get(2);
        assertThat("The service's pool. HTTP 503! Team’s".substring(pool.start(), pool.end())).isEqualTo("pool");
    }

    @Test
    void leavesOutOverlongWordsButKeepsTheirParts() {
        String hash = "a".repeat(60);
        assertThat(surfaces(hash + " ok")).containsExactly("ok");
        assertThat(WordSplitter.queryWords("x-" + hash.substring(0, 50) + "-y")).containsExactly("x", "y");
    }

    @Test
    void queryWordsAreTheTopLevelWords() {
        assertThat(WordSplitter.queryWords("db-primary-02.internal HTTP 503")).containsExactly("db-primary-02.internal", "http", "503");
    }

    @Test
    void aCjkRunBecomesItsOverlappingBigramsAtConsecutivePositions() {
        List<WordSplitter.Word> words = WordSplitter.split("本番でデータベース障害");
        assertThat(words).extracting(WordSplitter.Word::surface)
                .containsExactly("本番", "番で", "でデ", "デー", "ータ", "タベ", "ベー", "ース", "ス障", "障害");
        assertThat(words).extracting(WordSplitter.Word::position).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
        WordSplitter.Word last = words.get(words.size() - 1);
        assertThat("本番でデータベース障害".substring(last.start(), last.end())).isEqualTo("障害");
    }

    @Test
    void aChineseWordInsideASentenceIsAmongItsBigrams() {
        assertThat(surfaces("促销高峰期间订单服务出现大量数据库连接超时，部分用户无法下单。"))
                .contains("数据", "据库", "连接", "超时").startsWith("促销").endsWith("下单");
    }

    @Test
    void koreanIsBigrammedPerSpaceSeparatedWord() {
        assertThat(surfaces("데이터베이스가 과부하되어")).containsExactly("데이", "이터", "터베", "베이", "이스", "스가", "과부", "부하",
                "하되", "되어");
    }

    @Test
    void aLoneKanjiIsOneWordAndCjkNeverJoinsOtherLetters() {
        assertThat(surfaces("東 リージョン")).containsExactly("東", "リー", "ージ", "ジョ", "ョン");
        assertThat(surfaces("第3四半期")).containsExactly("第", "3", "四半", "半期");
        List<WordSplitter.Word> words = WordSplitter.split("DB障害 on api-gateway");
        assertThat(words).extracting(WordSplitter.Word::surface).containsExactly("db", "障害", "on", "api-gateway", "api", "gateway");
        assertThat(words).extracting(WordSplitter.Word::position).containsExactly(0, 1, 2, 3, 3, 4);
        assertThat(surfaces("pm2021-障害")).as("a joiner before CJK ends the word").containsExactly("pm2021", "障害");
    }

    @Test
    void kanaAndKanjiMixedAreOneRunWithTheProlongedSoundMark() {
        assertThat(surfaces("接続プールが枯渇")).containsExactly("接続", "続プ", "プー", "ール", "ルが", "が枯", "枯渇");
    }

    @Test
    void fullwidthAsciiIsReadAsAsciiKeepingOffsets() {
        String text = "ＡＰＩゲートウェイで５０３、ｃｅｒｔ－ｍａｎａｇｅｒ";
        List<WordSplitter.Word> words = WordSplitter.split(text);
        assertThat(words).extracting(WordSplitter.Word::surface).containsExactly("api", "ゲー", "ート", "トウ", "ウェ", "ェイ",
                "イで", "503", "cert-manager", "cert", "manager");
        WordSplitter.Word cert = words.get(8);
        assertThat(text.substring(cert.start(), cert.end())).isEqualTo("ｃｅｒｔ－ｍａｎａｇｅｒ");
    }

    @Test
    void aSupplementaryIdeographIsOneLetter() {
        List<WordSplitter.Word> words = WordSplitter.split("\uD840\uDC0B\uD840\uDC0C店");
        assertThat(words).extracting(WordSplitter.Word::surface).containsExactly("\uD840\uDC0B\uD840\uDC0C", "\uD840\uDC0C店");
        assertThat(words).extracting(WordSplitter.Word::end).containsExactly(4, 5);
    }

    @Test
    void queryWordsKeepACjkRunWholeAndWordsCountItsBigrams() {
        assertThat(WordSplitter.queryWords("DB障害 データベース障害")).containsExactly("db", "障害", "データベース障害");
        assertThat(WordSplitter.words("DB障害 データベース")).containsExactly("db", "障害", "デー", "ータ", "タベ", "ベー", "ース");
    }
    @Test
    void everyCodePointIsAWordCharacterExactlyWhenUnicodeSaysItIsALetterOrDigitOutsideCjk() {
        // The ASCII fast path must agree with the Unicode tables it skips, for every code point there is.
        for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
            boolean expected = (Character.isLetter(cp) || Character.isDigit(cp)) && !CjkGrams.isCjk(cp);
            assertThat(WordSplitter.isWordChar(cp)).as("U+%04X", cp).isEqualTo(expected);
        }
    }

    @Test
    void wordsAcrossAsciiAndOtherScriptsSplitAsTheyDidCharacterByCharacter() {
        // A word may start in ASCII and go on in another script, or the other way round, and joiners sit between.
        assertThat(WordSplitter.words("naïve café-01 Ωmega_x2 x\u00b2 Straße's 𝑥-ray")).containsExactly(
                "naïve", "café-01", "ωmega_x2", "x", "straße", "𝑥-ray");
    }
}
