package dev.hindsight.analyze;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class StatedDurationsTest {
    @Test
    void readsTheDurationsOfAStatsList() {
        Durations d = StatedDurations.parse("Stats\n- Category: Kubernetes\n- Time to detection: 8 minutes\n- Time to recovery:  20 hours 20 minutes.\n");
        assertThat(d.toDetect()).contains(Duration.ofMinutes(8));
        assertThat(d.toResolve()).contains(Duration.ofMinutes(20 * 60 + 20));
        assertThat(d.toMitigate()).isEmpty();
    }

    @Test
    void readsStatementsRunTogetherInPlainText() {
        Durations d = StatedDurations.parse("Stats Time to detection: 0 minutes Time to recovery: 4 hours 42 minutes Attendees");
        assertThat(d.toDetect()).contains(Duration.ZERO);
        assertThat(d.toResolve()).contains(Duration.ofMinutes(282));
    }

    @Test
    void neverGuessesFromPlaceholders() {
        Durations d = StatedDurations.parse("- Time to detection: ?\n- Time to recovery: N/A\n- Time to mitigate: ZZZ");
        assertThat(d).isEqualTo(new Durations(Optional.empty(), Optional.empty(), Optional.empty()));
    }

    @Test
    void acceptsCommonUnitsAndBoldLabels() {
        assertThat(StatedDurations.parse("**Time to resolve:** 1.5 h").toResolve()).contains(Duration.ofMinutes(90));
        assertThat(StatedDurations.parse("time to mitigation - 2 days").toMitigate()).contains(Duration.ofDays(2));
        assertThat(StatedDurations.parse("Time to detect: 45 min and 30 s").toDetect()).contains(Duration.ofSeconds(45 * 60 + 30));
    }
}
