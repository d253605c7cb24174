package dev.hindsight.index;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TypoDistanceTest {

    @Test
    void countsInsertDeleteSubstituteAndSwap() {
        assertThat(TypoDistance.distance("conection", "connection", 2)).isEqualTo(1);
        assertThat(TypoDistance.distance("connectoin", "connection", 2)).isEqualTo(1);
        assertThat(TypoDistance.distance("connectiom", "connection", 2)).isEqualTo(1);
        assertThat(TypoDistance.distance("cnonetcion", "connection", 2)).isEqualTo(2);
        assertThat(TypoDistance.distance("pool", "pool", 1)).isZero();
    }

    @Test
    void stopsAboveTheLimit() {
        assertThat(TypoDistance.distance("kubernetes", "cassandra", 2)).isEqualTo(3);
        assertThat(TypoDistance.distance("a", "abcd", 1)).isEqualTo(2);
    }

    @Test
    void allowsMoreEditsForLongerWords() {
        assertThat(TypoDistance.allowed(2)).isZero();
        assertThat(TypoDistance.allowed(5)).isEqualTo(1);
        assertThat(TypoDistance.allowed(8)).isEqualTo(2);
    }

    @Test
    void lexiconTakesLettersOnlyAndSkipsRareWordsInBigCorpora() {
        assertThat(TypoDistance.eligible("timeout", 1, 30)).isTrue();
        assertThat(TypoDistance.eligible("timeout", 1, 5000)).isFalse();
        assertThat(TypoDistance.eligible("k8s", 9, 30)).isFalse();
        assertThat(TypoDistance.eligible("db", 9, 30)).isFalse();
    }
}
