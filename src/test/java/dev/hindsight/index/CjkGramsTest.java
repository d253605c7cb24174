package dev.hindsight.index;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CjkGramsTest {

    @Test
    void cjkLettersAreHanKanaAndHangulWithTheSoundMarks() {
        for (String s : new String[] {"漢", "字", "々", "ひ", "ゞ", "カ", "ー", "ｶ", "ｰ", "ﾞ", "ﾟ", "한", "ᄀ", "\uD840\uDC0B"}) {
            assertThat(CjkGrams.isCjk(s.codePointAt(0))).as(s).isTrue();
        }
        for (String s : new String[] {"a", "é", "Ж", "ก", "٣", "５", "Ａ", "、", "。", "〇", "・", "⺀", "㈀"}) {
            assertThat(CjkGrams.isCjk(s.codePointAt(0))).as(s).isFalse();
        }
    }

    @Test
    void aRunIsCjkLettersOnly() {
        assertThat(CjkGrams.isRun("データベース")).isTrue();
        assertThat(CjkGrams.isRun("障")).isTrue();
        assertThat(CjkGrams.isRun("db障害")).isFalse();
        assertThat(CjkGrams.isRun("")).isFalse();
    }

    @Test
    void gramsAreBigramsOrTheLoneLetter() {
        assertThat(CjkGrams.grams("障害対応")).containsExactly("障害", "害対", "対応");
        assertThat(CjkGrams.grams("障")).containsExactly("障");
        assertThat(CjkGrams.grams("ベースベース")).containsExactly("ベー", "ース", "スベ", "ベー", "ース");
        assertThat(CjkGrams.distinctGrams("ベースベース")).containsExactly("ベー", "ース", "スベ");
    }

    @Test
    void wordsCarryTheOffsetsOfTheirTwoLetters() {
        String text = "x 障害対応 y";
        assertThat(CjkGrams.words(text, 2, 6, 7)).extracting(w -> text.substring(w.start(), w.end()) + "@" + w.position())
                .containsExactly("障害@7", "害対@8", "対応@9");
    }
}
