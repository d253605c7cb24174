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

    @Test
    void findsWhatAScanOfTheWholeTextFinds() {
        // The parser tries the expression only where "time" starts; a plain find() over the text is the reference.
        String[] parts = {"Time to detect: 5 minutes", "TIME TO RECOVERY - 2h", "time  to\tresolve = 1 day, 3 hours",
                "sometimes to", "timeline", "Time to", "time to mitigate:", "tİme to detect: 3m", "TiMe To DeTeCt: 4 h",
                " and ", "\n", "**Time to resolve:** 1.5 h", "overtime to detect: 9 min", "t", "ime", "ti", "me ",
                "time to detection: 0 minutes Time to recovery: 4 hours 42 minutes", "12", " minutes", "ä", "\u2028"};
        java.util.Random random = new java.util.Random(20261205);
        for (int round = 0; round < 3000; round++) {
            StringBuilder text = new StringBuilder();
            for (int n = random.nextInt(12); n > 0; n--) {
                text.append(parts[random.nextInt(parts.length)]);
            }
            String t = text.toString();
            assertThat(StatedDurations.parse(t)).as("%s", t).isEqualTo(reference(t));
        }
    }

    /** The statements a plain find() over the whole text gives, read as the parser reads its own. */
    private static Durations reference(String text) {
        return StatedDurations.durations(StatedDurations.STATEMENT.matcher(text).results().toList());
    }
}
