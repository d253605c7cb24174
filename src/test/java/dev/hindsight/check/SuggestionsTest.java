package dev.hindsight.check;

import dev.hindsight.model.Term;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class SuggestionsTest {
    private static final List<Term> CAUSES = List.of(
            new Term("config-change", "Configuration change", "", Optional.empty()),
            new Term("capacity", "Capacity", "", Optional.empty()),
            new Term("dns", "DNS", "", Optional.empty()),
            new Term("database", "Database", "", Optional.empty()));

    @Test
    void distanceCountsSwapsAsOneEdit() {
        assertThat(Suggestions.distance("capacity", "capacity")).isZero();
        assertThat(Suggestions.distance("capcaity", "capacity")).isEqualTo(1);
        assertThat(Suggestions.distance("capacty", "capacity")).isEqualTo(1);
        assertThat(Suggestions.distance("", "abc")).isEqualTo(3);
    }

    @Test
    void closestComparesIdsAndLabelsIgnoringCaseAndPunctuation() {
        assertThat(Suggestions.closest("Configuration Change", CAUSES)).containsExactly("config-change");
        assertThat(Suggestions.closest("CAPACITY", CAUSES)).containsExactly("capacity");
        assertThat(Suggestions.closest("config", CAUSES)).containsExactly("config-change");
        assertThat(Suggestions.closest("meteor", CAUSES)).isEmpty();
    }

    @Test
    void hintListsASmallVocabularyWhenNothingIsClose() {
        assertThat(Suggestions.hint("meteor", CAUSES, "causes")).contains("config-change, capacity, dns, database");
        assertThat(Suggestions.hint("dnss", CAUSES, "causes")).isEqualTo("; did you mean `dns`?");
    }
}
