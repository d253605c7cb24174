package dev.hindsight.load;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class TimeStampTest {

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "09:02 - Alert fires;09:02;09:02;Alert fires",
            "9:02 AM: paged;9:02 AM;09:02;paged",
            "2:54 PM PST: config merged;2:54 PM PST;14:54;config merged",
            "12:30 am - midnight-ish;12:30 am;00:30;midnight-ish",
            "[08:47] Prow bump merged;08:47;08:47;Prow bump merged",
            "16:58 UTC - Writer database saturates;16:58 UTC;16:58;Writer database saturates",
            "09:02:33 | exact;09:02:33;09:02:33;exact",
    })
    void readsTimesOfDay(String text, String label, String time, String rest) {
        TimeStamp s = TimeStamp.leading(text).orElseThrow();
        assertThat(s.label()).isEqualTo(label);
        assertThat(s.time()).contains(LocalTime.parse(time));
        assertThat(s.rest()).isEqualTo(rest);
        assertThat(s.date()).isEmpty();
    }

    @Test
    void readsIsoDateTimesWithZones() {
        TimeStamp z = TimeStamp.leading("2024-03-11T09:02Z rollout").orElseThrow();
        assertThat(z.date()).contains(LocalDate.of(2024, 3, 11));
        assertThat(z.time()).contains(LocalTime.of(9, 2));
        assertThat(z.zone()).contains(ZoneOffset.UTC);
        assertThat(z.rest()).isEqualTo("rollout");

        TimeStamp off = TimeStamp.leading("2024-03-11 09:02 +02:00: failover").orElseThrow();
        assertThat(off.zone()).contains(ZoneOffset.ofHours(2));
        assertThat(off.rest()).isEqualTo("failover");

        TimeStamp cet = TimeStamp.leading("2019-11-30 08:24 CET automated warning").orElseThrow();
        assertThat(cet.zone()).contains(ZoneOffset.ofHours(1));
        assertThat(cet.rest()).isEqualTo("automated warning");
    }

    @Test
    void readsMonthNamesWithDashesAndNumericDatesInTheirOrder() {
        TimeStamp named = TimeStamp.leading("July-25-2022 13:50 deploy began").orElseThrow();
        assertThat(named.date()).contains(java.time.LocalDate.of(2022, 7, 25));
        assertThat(named.time()).contains(java.time.LocalTime.of(13, 50));
        assertThat(named.rest()).isEqualTo("deploy began");
        TimeStamp us = TimeStamp.leading("4/21/23 9:05 PM - pages fired").orElseThrow();
        assertThat(us.date()).contains(java.time.LocalDate.of(2023, 4, 21));
        assertThat(us.time()).contains(java.time.LocalTime.of(21, 5));
        assertThat(us.rest()).isEqualTo("pages fired");
        TimeStamp eu = TimeStamp.leading("11-01-2026 10:00 UTC – queue drained", DayOrder.DAY_FIRST).orElseThrow();
        assertThat(eu.date()).contains(java.time.LocalDate.of(2026, 1, 11));
        assertThat(eu.zone()).isPresent();
        // Without a known order, 11-01-2026 could be 1 November or 11 January: no date is made up.
        assertThat(TimeStamp.leading("11-01-2026 10:00 UTC – queue drained")).isEmpty();
    }

    @Test
    void readsStatusPageUpdatesCompactTimesAndPlusUtc() {
        TimeStamp update = TimeStamp.leading("[Update 14:05 UTC] We are investigating.").orElseThrow();
        assertThat(update.time()).contains(java.time.LocalTime.of(14, 5));
        assertThat(update.rest()).isEqualTo("We are investigating.");
        assertThat(update.label()).isEqualTo("Update 14:05 UTC");
        assertThat(TimeStamp.leading("Resolved - 15:10 UTC all good").orElseThrow().label()).isEqualTo("Resolved 15:10 UTC");
        assertThat(TimeStamp.leading("1305 UTC alert fired").orElseThrow().time()).contains(java.time.LocalTime.of(13, 5));
        assertThat(TimeStamp.leading("2pm alert fired").orElseThrow().time()).contains(java.time.LocalTime.of(14, 0));
        TimeStamp plus = TimeStamp.leading("Feb-08-2021 08:10:01 PM +UTC attack started").orElseThrow();
        assertThat(plus.zone()).isPresent();
        assertThat(plus.rest()).isEqualTo("attack started");
        // Numbers that are not times stay text.
        assertThat(TimeStamp.leading("1305 requests failed")).isEmpty();
        assertThat(TimeStamp.leading("Update 2 of the runbook")).isEmpty();
        assertThat(TimeStamp.leading("2 pods restarted")).isEmpty();
    }

    @Test
    void aCapitalisedWordAfterTheTimeIsTextNotAZone() {
        TimeStamp s = TimeStamp.leading("2023-09-18 13:42 Team noticed the alert").orElseThrow();
        assertThat(s.label()).isEqualTo("2023-09-18 13:42");
        assertThat(s.zone()).isEmpty();
        assertThat(s.badZone()).isEmpty();
        assertThat(s.rest()).isEqualTo("Team noticed the alert");
    }

    @Test
    void ambiguousZoneAbbreviationsAreKeptAsBad() {
        TimeStamp s = TimeStamp.leading("10:00 CST deploy").orElseThrow();
        assertThat(s.zone()).isEmpty();
        assertThat(s.badZone()).isEqualTo("CST");
    }

    @Test
    void readsDotTimesOnlyAfterADate() {
        assertThat(TimeStamp.leading("2023-09-18 15.26 Compared disks").orElseThrow().time()).contains(LocalTime.of(15, 26));
        assertThat(TimeStamp.leading("1.27 release went out")).isEmpty();
    }

    @Test
    void readsMonthNamesAndMonthDays() {
        TimeStamp named = TimeStamp.leading("Jan 14, 10:18 AM A customer reached out").orElseThrow();
        assertThat(named.monthDay()).contains(MonthDay.of(1, 14));
        assertThat(named.time()).contains(LocalTime.of(10, 18));
        assertThat(named.rest()).isEqualTo("A customer reached out");

        TimeStamp full = TimeStamp.leading("14 January 2024 10:18 - x").orElseThrow();
        assertThat(full.date()).contains(LocalDate.of(2024, 1, 14));

        TimeStamp md = TimeStamp.leading("[12-05 16:21] Crashloop bug introduced").orElseThrow();
        assertThat(md.monthDay()).contains(MonthDay.of(12, 5));
        assertThat(md.rest()).isEqualTo("Crashloop bug introduced");
    }

    @Test
    void readsDatesWithoutTimes() {
        TimeStamp unknown = TimeStamp.leading("2019-12-03 --:--").orElseThrow();
        assertThat(unknown.date()).contains(LocalDate.of(2019, 12, 3));
        assertThat(unknown.time()).isEmpty();
        TimeStamp placeholder = TimeStamp.leading("2020-12-21 HH:mm").orElseThrow();
        assertThat(placeholder.hasTime()).isFalse();
        assertThat(placeholder.label()).isEqualTo("2020-12-21 HH:mm");
    }

    @Test
    void approximateTimesKeepTheirMark() {
        TimeStamp s = TimeStamp.leading("~2025-03-03 19:30").orElseThrow();
        assertThat(s.label()).isEqualTo("~2025-03-03 19:30");
        assertThat(s.time()).contains(LocalTime.of(19, 30));
    }

    @ParameterizedTest
    @ValueSource(strings = {"5 minutes later", "25:99 nothing", "Version 1.270.0 deployed", "???", "The team", "", "1:5 ratio"})
    void refusesWhatIsNotATimestamp(String text) {
        assertThat(TimeStamp.leading(text)).isEmpty();
    }

    @Test
    void readsKeyEventsWithTheTimeAtTheEnd() {
        TimeStamp s = TimeStamp.trailing("First detected: 2023-09-18 13:42").orElseThrow();
        assertThat(s.rest()).isEqualTo("First detected");
        assertThat(s.date()).contains(LocalDate.of(2023, 9, 18));
        TimeStamp at = TimeStamp.trailing("Resolved at 2020-04-15 15:09 UTC").orElseThrow();
        assertThat(at.rest()).isEqualTo("Resolved");
        assertThat(at.zone()).contains(ZoneOffset.UTC);
        assertThat(TimeStamp.trailing("nothing here")).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "T+0:12 — Queue depth alert fires;T+0:12;PT12M;Queue depth alert fires",
            "T+1:35:20 - resolved;T+1:35:20;PT1H35M20S;resolved",
            "T+5m: paged;T+5m;PT5M;paged",
            "T + 1h 35m - backlog drained;T + 1h 35m;PT1H35M;backlog drained",
            "T+90 min rollback done;T+90 min;PT1H30M;rollback done",
            "T+2 hours: all clear;T+2 hours;PT2H;all clear",
            "T-10m - deploy starts;T-10m;PT-10M;deploy starts",
            "T0 - impact begins;T0;PT0S;impact begins",
            "T+0 - impact begins;T+0;PT0S;impact begins",
    })
    void readsTimesRelativeToTheStart(String text, String label, String offset, String rest) {
        TimeStamp s = TimeStamp.leading(text).orElseThrow();
        assertThat(s.label()).isEqualTo(label);
        assertThat(s.offset()).contains(java.time.Duration.parse(offset));
        assertThat(s.rest()).isEqualTo(rest);
        assertThat(s.time()).isEmpty();
        assertThat(s.date()).isEmpty();
        assertThat(s.hasTime()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Time to detect: 5 minutes", "T-Mobile customers saw errors", "T+5 apples", "t+5m lower case",
            "T+0:12pm", "Tuesday 14:00"})
    void wordsThatStartLikeARelativeTimeAreNotOne(String text) {
        assertThat(TimeStamp.leading(text).flatMap(TimeStamp::offset)).isEmpty();
    }
}
