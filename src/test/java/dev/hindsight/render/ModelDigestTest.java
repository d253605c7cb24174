package dev.hindsight.render;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ModelDigestTest {
    record Card(String title, Optional<String> date, List<String> tags) {
    }

    @Test
    void aModelDigestChangesWithAnyValueTheTemplateCanReadAndWithItsOrder() {
        ModelDigest d = new ModelDigest();
        Map<String, Object> a = Map.of("card", new Card("Pool ran dry", Optional.of("2024-03-11"), List.of("db", "pool")));
        String base = d.of("incident.ftlh", a).orElseThrow();
        assertThat(d.of("incident.ftlh", Map.of("card", new Card("Pool ran dry", Optional.of("2024-03-11"), List.of("db", "pool")))))
                .contains(base);
        assertThat(d.of("incident.ftlh", Map.of("card", new Card("Pool ran dry", Optional.empty(), List.of("db", "pool")))))
                .isPresent().get().isNotEqualTo(base);
        assertThat(d.of("incident.ftlh", Map.of("card", new Card("Pool ran dry", Optional.of("2024-03-11"), List.of("pool", "db")))))
                .isPresent().get().isNotEqualTo(base);
        assertThat(d.of("term.ftlh", a)).isPresent().get().isNotEqualTo(base);
        // "ab" + "c" and "a" + "bc" are different models.
        assertThat(d.of("t", Map.of("x", List.of("ab", "c")))).isNotEqualTo(d.of("t", Map.of("x", List.of("a", "bc"))));
    }

    @Test
    void stringsOfOneLengthThatDifferOnlyBeyondAsciiGiveDifferentDigests() {
        // ASCII units are fed as one byte and others as three: no mix of the two may feed the same bytes.
        List<String> same = List.of("\u0080\u0080", "\u8000\u0080", "\u0080\u8000", "\u8080\u0000", "a\u0100", "a\u0001",
                "\u00e9t\u00e9", "\u00e8t\u00e9", "\uD800x", "\uDC00x", "\u0080a", "\u00ff\u00ff", "\uffff\uffff");
        ModelDigest d = new ModelDigest();
        assertThat(same.stream().map(s -> d.of("t", Map.of("x", s)).orElseThrow()).distinct()).hasSize(same.size());
    }

    @Test
    void aLongModelIsDigestedWholeAcrossTheFeedsBuffer() {
        // A model of many small values and long texts: every unit counts, however far past the first buffer it is.
        ModelDigest d = new ModelDigest();
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 6_000; i++) {
            text.append(i % 7 == 0 ? '\u00e9' : i % 11 == 0 ? '\u4e2d' : (char) ('a' + i % 26));
        }
        List<Card> cards = new java.util.ArrayList<>();
        for (int i = 0; i < 300; i++) {
            cards.add(new Card("Incident " + i, Optional.of("2024-03-" + (10 + i % 18)), List.of("db", "t" + i)));
        }
        String base = d.of("t", Map.of("body", text.toString(), "cards", cards)).orElseThrow();
        assertThat(new ModelDigest().of("t", Map.of("body", new StringBuilder(text).toString(), "cards", List.copyOf(cards))))
                .contains(base);
        for (int at : new int[] {0, 2_730, 2_731, 5_999}) {
            StringBuilder changed = new StringBuilder(text);
            changed.setCharAt(at, changed.charAt(at) == 'x' ? 'y' : 'x');
            assertThat(d.of("t", Map.of("body", changed.toString(), "cards", cards))).as("a unit changed at %d", at)
                    .isPresent().get().isNotEqualTo(base);
        }
        List<Card> lastChanged = new java.util.ArrayList<>(cards);
        lastChanged.set(299, new Card("Incident 299", Optional.of("2024-03-28"), List.of("db", "t300")));
        assertThat(d.of("t", Map.of("body", text.toString(), "cards", lastChanged))).isPresent().get().isNotEqualTo(base);
    }

    @Test
    void aModelWithAnOpaqueObjectIsNotDigestedSoItsPageIsAlwaysRendered() {
        assertThat(new ModelDigest().of("t", Map.of("thing", new Object()))).isEmpty();
    }

    @Test
    void aSharedValueGivesTheSameDigestInEveryBuildAndStillTellsContentApart() {
        // Each build declares its own instances shared: equal content must give equal keys across builds.
        Card pool = new Card("Pool ran dry", Optional.of("2024-03-11"), List.of("db"));
        Card again = new Card("Pool ran dry", Optional.of("2024-03-11"), List.of("db"));
        Card other = new Card("Pool ran dry", Optional.of("2024-03-12"), List.of("db"));
        ModelDigest first = new ModelDigest();
        first.share(List.of(pool));
        ModelDigest second = new ModelDigest();
        second.share(List.of(again));
        ModelDigest third = new ModelDigest();
        third.share(List.of(other));
        String a = first.of("t", Map.of("cards", List.of(pool))).orElseThrow();
        assertThat(first.of("t", Map.of("cards", List.of(pool)))).contains(a);
        assertThat(second.of("t", Map.of("cards", List.of(again)))).contains(a);
        assertThat(third.of("t", Map.of("cards", List.of(other)))).isPresent().get().isNotEqualTo(a);
    }
}
