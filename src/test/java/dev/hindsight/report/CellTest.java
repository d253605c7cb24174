package dev.hindsight.report;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CellTest {

    @Test
    void aTermIsNamedByIdAndLabelUnlessTheySayTheSame() {
        assertThat(Cell.named("SEV1", "Critical")).isEqualTo("SEV1 \u00b7 Critical");
        assertThat(Cell.named("P1", "P1")).as("a site without a severity list labels each by its id").isEqualTo("P1");
        assertThat(Cell.named("sev2", "SEV2 ")).isEqualTo("SEV2 ");
        assertThat(Cell.named("Critical \uD83D\uDD25", "Critical \uD83D\uDD25")).isEqualTo("Critical \uD83D\uDD25");
        assertThat(Cell.named("", "Undated")).isEqualTo("Undated");
    }
}
