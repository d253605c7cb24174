package dev.hindsight.model;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The cause categories an incident is filed under, which every recurrence rule reads. */
class PostmortemCategoriesTest {

    @Test
    void eachCauseCountsOnceInTheOrderOfItsFirstMention() {
        assertThat(PostmortemFixture.of("a").causes("dns", "capacity").build().categories()).containsExactly("dns", "capacity");
        assertThat(PostmortemFixture.of("b").causes("dns", "capacity", "dns").build().categories())
                .containsExactly("dns", "capacity");
        assertThat(PostmortemFixture.of("c").causes("x", "y", "x", "y", "z").build().categories()).containsExactly("x", "y", "z");
    }

    @Test
    void aLongListWithRepeatsIsMadeDistinctToo() {
        List<String> causes = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            causes.add("c" + (i % 12));
        }
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            expected.add("c" + i);
        }
        assertThat(PostmortemFixture.of("d").causes(causes).build().categories()).isEqualTo(expected);
    }

    @Test
    void withoutCausesInferredTagsAreTheCategoriesAndWrittenTagsAreNot() {
        assertThat(PostmortemFixture.of("e").tags("db", "db", "network").inferred("tags").build().categories())
                .containsExactly("db", "network");
        assertThat(PostmortemFixture.of("f").tags("db", "network").build().categories()).isEmpty();
    }
}
