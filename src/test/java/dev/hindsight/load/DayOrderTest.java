package dev.hindsight.load;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;

import static org.assertj.core.api.Assertions.assertThat;

class DayOrderTest {
    /** Every match of the pattern as find() gives it: start, end and the four groups. */
    private static List<String> byFind(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = DayOrder.NUMERIC.matcher(text);
        while (m.find()) {
            out.add(m.start() + "-" + m.end() + " " + m.group(1) + m.group(2) + m.group(3) + "|" + m.group(4));
        }
        return out;
    }

    private static List<String> byScan(String text) {
        List<String> out = new ArrayList<>();
        DayOrder.Scan scan = new DayOrder.Scan(text);
        Matcher m = scan.matcher();
        while (scan.find()) {
            out.add(m.start() + "-" + m.end() + " " + m.group(1) + m.group(2) + m.group(3) + "|" + m.group(4));
        }
        return out;
    }

    @Test
    void theScanFindsWhatFindFindsOnRandomTextDenseInDigitsAndSeparators() {
        String alphabet = "0123456789012345/.-/.- a\u00e9\u2014:x\n";
        Random r = new Random(20261206);
        int withDates = 0;
        for (int i = 0; i < 20_000; i++) {
            int n = r.nextInt(40);
            StringBuilder b = new StringBuilder();
            for (int k = 0; k < n; k++) {
                b.append(alphabet.charAt(r.nextInt(alphabet.length())));
            }
            if (r.nextInt(3) == 0) {
                b.insert(r.nextInt(b.length() + 1), r.nextBoolean() ? "4/21/23" : "21.04.2023");
            }
            String text = b.toString();
            List<String> expected = byFind(text);
            withDates += expected.isEmpty() ? 0 : 1;
            assertThat(byScan(text)).as("%s", text).isEqualTo(expected);
        }
        assertThat(withDates).as("texts with a date in them").isGreaterThan(1_000);
    }

    @Test
    void theScanSkipsVersionsRangesAndLongNumbersAsFindDoes() {
        String text = "v1.2.3 then 10-20 items, 123/4/2023 no, 1/2/2023 yes, 2022-07-01, 12.11.2024. and 5/6/07";
        assertThat(byScan(text)).isEqualTo(byFind(text)).hasSize(3);
    }

    @Test
    void tallyCountsEachOrderAndTheAmbiguous() {
        DayOrder.Tally t = DayOrder.tally("On 4/21/2023 and 4/22/2023 we saw 21.04.2023 and then 3/4/2023 again.");
        assertThat(t).isEqualTo(new DayOrder.Tally(2, 1, 1));
        assertThat(t.order()).isEqualTo(DayOrder.MONTH_FIRST);
    }

    @Test
    void nearPicksTheOrderThatPutsAmbiguousDatesNearTheDay() {
        assertThat(DayOrder.near("paged at 03/04/2024 and again 03/05/2024", LocalDate.of(2024, 4, 3)))
                .isEqualTo(DayOrder.DAY_FIRST);
        assertThat(DayOrder.near("paged at 03/04/2024", LocalDate.of(2024, 3, 4))).isEqualTo(DayOrder.MONTH_FIRST);
        assertThat(DayOrder.near("no dates here", LocalDate.of(2024, 3, 4))).isEqualTo(DayOrder.UNKNOWN);
    }
}
