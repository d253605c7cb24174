package dev.hindsight.check;

import dev.hindsight.model.Problem;
import dev.hindsight.model.TimelineEvent;
import dev.hindsight.model.Times;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import static dev.hindsight.check.Incidents.TODAY;
import static dev.hindsight.check.Incidents.at;
import static dev.hindsight.check.Incidents.config;
import static dev.hindsight.check.Incidents.incident;
import static org.assertj.core.api.Assertions.assertThat;

class TimeRuleTest {
    private static final String TEXT = """
            ---
            title: x
            date: 2024-03-11
            times:
              started: 2024-03-11T10:00:00Z
              detected: 2024-03-11T09:00:00Z
            ---
            """;

    @Test
    void aDateAfterTodayIsAnError() {
        Document d = new Document(incident("a").date(TODAY.plusDays(2)).build(), SourceMap.of(TEXT));
        assertThat(TimeRule.check(d, config())).singleElement().satisfies(p -> {
            assertThat(p.rule()).isEqualTo("future-date");
            assertThat(p.isError()).isTrue();
            assertThat(p.line()).isEqualTo(3);
        });
    }

    @Test
    void todayAndTomorrowInSomeZonePass() {
        assertThat(TimeRule.check(Document.of(incident("a").date(TODAY).build()), config())).isEmpty();
        assertThat(TimeRule.check(Document.of(incident("a").date(TODAY.plusDays(1)).build()), config())).isEmpty();
    }

    @Test
    void aTimeAfterTodayIsAnError() {
        Times t = new Times(Optional.of(at("09:00")), Optional.empty(), Optional.empty(),
                Optional.of(LocalDate.of(2030, 1, 1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant()));
        assertThat(TimeRule.check(Document.of(incident("a").times(t).build()), config()))
                .extracting(Problem::rule).containsExactly("future-date");
    }

    @Test
    void detectedBeforeStartedIsAnErrorOnTheDetectedLine() {
        Times t = new Times(Optional.of(at("10:00")), Optional.of(at("09:00")), Optional.empty(), Optional.empty());
        Document d = new Document(incident("a").times(t).build(), SourceMap.of(TEXT));
        List<Problem> problems = TimeRule.check(d, config());
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.rule()).isEqualTo("times-order");
            assertThat(p.isError()).isTrue();
            assertThat(p.message()).contains("times.detected").contains("times.started");
            assertThat(p.line()).isEqualTo(6);
            assertThat(p.column()).isEqualTo(3);
        });
    }

    @Test
    void aTimelineRowDatedLastYearIsAWarningOnItsLine() {
        Instant lastYear = LocalDate.of(2023, 3, 11).atTime(14, 40).toInstant(ZoneOffset.UTC);
        Instant sameWeek = LocalDate.of(2024, 3, 12).atTime(9, 0).toInstant(ZoneOffset.UTC);
        Instant monthsEarlier = LocalDate.of(2023, 9, 1).atTime(9, 0).toInstant(ZoneOffset.UTC);
        Document d = Document.of(incident("a").date(LocalDate.of(2024, 3, 11)).timeline(
                new TimelineEvent("2023-03-11 14:40", Optional.of(lastYear), "Password rotated", "Password rotated", 14),
                new TimelineEvent("2024-03-12 09:00", Optional.of(sameWeek), "Resolved", "Resolved", 15),
                new TimelineEvent("2023-09-01 09:00", Optional.of(monthsEarlier), "The change merged", "", 16),
                new TimelineEvent("later", Optional.empty(), "Follow-up", "Follow-up", 17)).build());
        assertThat(TimeRule.check(d, config())).singleElement().satisfies(p -> {
            assertThat(p.rule()).isEqualTo("timeline-date");
            assertThat(p.level()).isEqualTo(Problem.Level.WARNING);
            assertThat(p.line()).isEqualTo(14);
            assertThat(p.message()).contains("2023-03-11").contains("366 days before").contains("2024-03-11");
        });
    }

    @Test
    void gapsAreSkippedWhenComparing() {
        Times bad = new Times(Optional.of(at("10:00")), Optional.empty(), Optional.empty(), Optional.of(at("09:30")));
        assertThat(TimeRule.check(Document.of(incident("a").times(bad).build()), config()))
                .extracting(Problem::rule).containsExactly("times-order");
        Times good = new Times(Optional.of(at("09:00")), Optional.of(at("09:00")), Optional.empty(), Optional.of(at("11:00")));
        assertThat(TimeRule.check(Document.of(incident("a").times(good).build()), config())).isEmpty();
    }

    @Test
    void timesInferredFromTheTimelineGiveAWarning() {
        Times t = new Times(Optional.of(at("10:00")), Optional.of(at("09:00")), Optional.empty(), Optional.empty());
        Document d = Document.of(incident("a").times(t).inferred("times.started", "times.detected").build());
        assertThat(TimeRule.check(d, config())).singleElement().satisfies(p -> {
            assertThat(p.level()).isEqualTo(Problem.Level.WARNING);
            assertThat(p.message()).contains("inferred from the timeline");
        });
    }
}
