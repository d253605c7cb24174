package dev.hindsight.index;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class SnippetTest {
    private final SurfaceTerms mapper = new SurfaceTerms();

    private String marked(String text, Set<String> terms, Set<String> runs) {
        return Snippet.of(text, terms, runs, mapper).marked("[", "]");
    }

    @Test
    void marksWordsByTheirTermAndACompoundOnce() {
        assertThat(marked("Connections to db-primary-02 timed out.", Set.of("connect", "db-primary-02", "primari"), Set.of()))
                .isEqualTo("[Connections] to [db-primary-02] timed out.");
    }

    @Test
    void marksACjkWordWhereverItIsSpelledAndNotItsBigramsAlone() {
        String text = "ピーク時にデータベース障害が発生した。ベースラインは正常だった。";
        assertThat(marked(text, Set.of("デー", "ータ", "タベ", "ベー", "ース"), Set.of("データベース")))
                .isEqualTo("ピーク時に[データベース]障害が発生した。ベースラインは正常だった。");
    }

    @Test
    void overlappingCjkWordsMakeOneMarkAndLatinNextToCjkIsMarkedToo() {
        assertThat(marked("DB障害 on api-gateway: データベース障害", Set.of("db"), Set.of("データベース", "ベース障害")))
                .isEqualTo("[DB]障害 on api-gateway: [データベース障害]");
        assertThat(marked("ＤＢ障害", Set.of("db"), Set.of("障害"))).as("fullwidth letters; touching marks stay two").isEqualTo("[ＤＢ][障害]");
    }
}
