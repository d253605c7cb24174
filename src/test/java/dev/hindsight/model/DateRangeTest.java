package dev.hindsight.model;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** The days taken for real dates: from 1970-01-01 to a year after the build's today, both ends included. */
class DateRangeTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 1, 15);
    private final DateRange range = DateRange.asOf(TODAY);

    @Test
    void runsFrom1970ToAYearAfterToday() {
        assertThat(range.first()).isEqualTo(LocalDate.of(1970, 1, 1)).isEqualTo(DateRange.FIRST);
        assertThat(range.last()).isEqualTo(LocalDate.of(2027, 1, 15));
        assertThat(range.text()).isEqualTo("1970-01-01 to 2027-01-15");
    }

    @Test
    void bothEndsAreInAndTheDaysBeyondThemAreNot() {
        assertThat(range.contains(LocalDate.of(1969, 12, 31))).isFalse();
        assertThat(range.contains(LocalDate.of(1970, 1, 1))).isTrue();
        assertThat(range.contains(TODAY)).isTrue();
        assertThat(range.contains(TODAY.plusYears(1))).isTrue();
        assertThat(range.contains(TODAY.plusYears(1).plusDays(1))).isFalse();
    }

    @Test
    void typedYearsFarOutsideAreNotIn() {
        assertThat(range.contains(LocalDate.of(0, 1, 1))).isFalse();
        assertThat(range.contains(LocalDate.of(1, 1, 1))).isFalse();
        assertThat(range.contains(LocalDate.of(-2023, 1, 1))).isFalse();
        assertThat(range.contains(LocalDate.of(1023, 5, 1))).isFalse();
        assertThat(range.contains(LocalDate.of(9999, 12, 31))).isFalse();
        assertThat(range.contains(LocalDate.of(10000, 1, 1))).isFalse();
        assertThat(range.contains(LocalDate.MIN)).isFalse();
        assertThat(range.contains(LocalDate.MAX)).isFalse();
    }

    @Test
    void anInstantCountsByItsUtcDay() {
        assertThat(range.contains(Instant.parse("1970-01-01T00:00:00Z"))).isTrue();
        assertThat(range.contains(Instant.parse("1969-12-31T23:59:59Z"))).isFalse();
        assertThat(range.contains(Instant.parse("2027-01-15T23:59:59Z"))).isTrue();
        assertThat(range.contains(Instant.parse("2027-01-16T00:00:00Z"))).isFalse();
        assertThat(range.contains(Instant.parse("0001-01-01T10:00:00Z"))).isFalse();
        assertThat(range.contains(Instant.MIN)).isFalse();
        assertThat(range.contains(Instant.MAX)).isFalse();
    }

    @Test
    void aLeapDayTodayEndsOnTheLastDayOfFebruaryNextYear() {
        assertThat(DateRange.asOf(LocalDate.of(2024, 2, 29)).last()).isEqualTo(LocalDate.of(2025, 2, 28));
    }
}
