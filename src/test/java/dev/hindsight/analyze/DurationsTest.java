package dev.hindsight.analyze;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class DurationsTest {
    @Test
    void formatsMinutesHoursWithPaddedMinutesAndDays() {
        assertThat(Durations.format(Duration.ofSeconds(59))).isEqualTo("0 min");
        assertThat(Durations.format(Duration.ofMinutes(59))).isEqualTo("59 min");
        assertThat(Durations.format(Duration.ofMinutes(60))).isEqualTo("1 h 00 min");
        assertThat(Durations.format(Duration.ofMinutes(84))).isEqualTo("1 h 24 min");
        assertThat(Durations.format(Duration.ofMinutes(185))).isEqualTo("3 h 05 min");
        assertThat(Durations.format(Duration.ofMinutes(47 * 60 + 59))).isEqualTo("47 h 59 min");
        assertThat(Durations.format(Duration.ofHours(48))).isEqualTo("2 d 0 h");
        assertThat(Durations.format(Duration.ofHours(75))).isEqualTo("3 d 3 h");
    }
}
