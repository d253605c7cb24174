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
}
