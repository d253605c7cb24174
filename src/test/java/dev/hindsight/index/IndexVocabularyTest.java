package dev.hindsight.index;

import dev.hindsight.model.Postmortem;
import dev.hindsight.model.PostmortemFixture;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class IndexVocabularyTest {
    /** Words of every kind the splitter and the analyzer treat apart: stems, stop words, compounds, possessives. */
    private static final String[] WORDS = {"the", "and", "of", "pool", "pools", "pooling", "connection", "connections",
            "db-primary-02", "max_connections", "k8s", "x509", "resolver's", "dns", "DNS", "timeouts", "timed",
            "retry", "retries", "retrying", "cert", "certificate", "expired", "expiry", "failover", "fail-over", "über",
            "naïve", "kafka", "lag", "lagging", "it's", "v1.2.3", "checkout-api", "orders", "order", "a", "is", "was"};

    private static Postmortem incident(Random random, int n) {
        return PostmortemFixture.of("incident-" + n).title(text(random, 4)).summary(text(random, 12))
                .body(text(random, 1 + random.nextInt(60))).build();
    }

    private static String text(Random random, int words) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < words; i++) {
            sb.append(i == 0 ? "" : " ").append(WORDS[random.nextInt(random.nextBoolean() ? 12 : WORDS.length)]);
        }
        return sb.toString();
    }

    private static List<String> words(Postmortem p) {
        return IndexVocabulary.distinctWords(p);
    }

    /** Everything a vocabulary answers, as one comparable list. */
    private static List<Object> contents(IndexVocabulary v) {
        List<Object> out = new ArrayList<>();
        out.add(v.docCount());
        for (int i = 0; i < v.size(); i++) {
            out.add(v.surface(i) + " " + v.termAt(i) + " " + v.df(i));
        }
        out.add(v.termDocFreqs());
        return out;
    }

    @Test
    void anUpdatedVocabularyIsTheOneCountedFromScratch() {
        Random random = new Random(11);
        int next = 0;
        for (int round = 0; round < 200; round++) {
            List<Postmortem> before = new ArrayList<>();
            for (int i = random.nextInt(30); i > 0; i--) {
                before.add(incident(random, next++));
            }
            List<Postmortem> after = new ArrayList<>();
            List<List<String>> left = new ArrayList<>();
            for (Postmortem p : before) {
                if (random.nextInt(4) == 0) {
                    left.add(words(p));
                } else {
                    after.add(p);
                }
            }
            List<List<String>> joined = new ArrayList<>();
            for (int i = random.nextInt(8); i > 0; i--) {
                Postmortem p = incident(random, next++);
                after.add(random.nextInt(after.size() + 1), p);
                joined.add(words(p));
            }
            IndexVocabulary kept = IndexVocabulary.of(IndexVocabulary.of(before).state());
            assertThat(contents(kept)).isEqualTo(contents(IndexVocabulary.of(before)));
            assertThat(contents(kept.update(left, joined, after.size())))
                    .as("round %d", round).isEqualTo(contents(IndexVocabulary.of(after)));
        }
    }

    @Test
    void termsSortAsLuceneSortsTheirUtf8BytesWithSurrogatesAndLoneHalves() {
        // Units from every range where UTF-16 order and UTF-8 order part: ASCII, Latin, CJK, a valid pair, lone
        // halves (Lucene encodes them as U+FFFD), and the private-use and specials block above the surrogates.
        char[] units = {'a', 'b', 'z', '\u00e9', '\u4e2d', '\ud7ff', '\ud83d', '\ude00', '\udbff', '\udfff', '\ue000',
            '\ufb01', '\ufffd', '\uffff'};
        Random random = new Random(7);
        for (int round = 0; round < 50_000; round++) {
            String a = randomUnits(random, units);
            String b = random.nextInt(4) == 0 ? a + randomUnits(random, units) : randomUnits(random, units);
            int expected = Integer.signum(new org.apache.lucene.util.BytesRef(a).compareTo(new org.apache.lucene.util.BytesRef(b)));
            assertThat(Integer.signum(IndexVocabulary.compareTerms(a, b))).as("%s vs %s", escaped(a), escaped(b))
                    .isEqualTo(expected);
        }
    }

    private static String randomUnits(Random random, char[] units) {
        StringBuilder sb = new StringBuilder();
        for (int n = random.nextInt(5); n > 0; n--) {
            sb.append(units[random.nextInt(units.length)]);
        }
        return sb.toString();
    }

    private static String escaped(String s) {
        return s.chars().mapToObj(c -> String.format(java.util.Locale.ROOT, "\\u%04x", c)).reduce("", String::concat);
    }
}
