package dev.hindsight.index;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class QueryTextTest {
    private static final Set<String> STOP = Set.copyOf(IncidentAnalyzer.STOPWORDS);

    @Test
    void aCjkRunIsOneLooseWordAndTheLastOneMayBeAPrefix() {
        QueryText q = QueryText.parse("DB障害 on 数据库连接", STOP);
        assertThat(q.words()).containsExactly("db", "障害", "数据库连接");
        assertThat(q.lastPrefix()).isTrue();
        assertThat(QueryText.parse("東 ", STOP).lastPrefix()).isFalse();
    }

    @Test
    void aQuotedCjkRunIsItsBigramsSideBySideCountedAsOneWord() {
        QueryText.Phrase p = QueryText.parse("\"레플리케이션 슬롯\" lag", STOP).phrases().get(0);
        assertThat(p.words()).containsExactly("레플", "플리", "리케", "케이", "이션", "슬롯");
        assertThat(p.offsets()).containsExactly(0, 1, 2, 3, 4, 5);
        assertThat(p.typed()).isEqualTo(2);
        QueryText.Phrase mixed = QueryText.parse("\"the DB障害 of api-gateway\"", STOP).phrases().get(0);
        assertThat(mixed.words()).containsExactly("db", "障害", "api", "gateway");
        assertThat(mixed.offsets()).containsExactly(0, 1, 3, 4);
        assertThat(mixed.typed()).as("compound parts count as words, as before").isEqualTo(4);
        assertThat(QueryText.parse("\"東\"", STOP).words()).containsExactly("東");
    }

    @Test
    void pastedTextCountsEachBigramAsAWord() {
        assertThat(QueryText.isLong("データベースの接続が切れた")).as("12 bigrams").isFalse();
        assertThat(QueryText.isLong("促销期间订单服务的数据库连接池被占满导致")).as("18 bigrams").isTrue();
        assertThat(QueryText.isLong(String.join(" ", List.of("db", "pool", "timeouts")))).isFalse();
    }
}
