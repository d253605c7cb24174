package dev.hindsight.check;

import dev.hindsight.model.Problem;
import dev.hindsight.model.Times;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
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
