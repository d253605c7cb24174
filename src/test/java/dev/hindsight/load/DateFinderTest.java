package dev.hindsight.load;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;
import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;

/** Dates in the forms people write them, and the day order of numeric ones. */
class DateFinderTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Outage of Feb-07-2022 in the EU region | 2022-02-07",
            "July-25-2022 13:50 deploy started      | 2022-07-25",
            "on 07-Feb-2022 we saw                  | 2022-02-07",
            "November 24th, 2025 attack             | 2025-11-24",
            "it was 4/21/23 when                    | 2023-04-21",
            "logged 21.04.2023 at noon              | 2023-04-21",
            "on 13/1/2024 the job                   | 2024-01-13",
    })
    void readsNamedAndSelfEvidentNumericDates(String text, String date) {
        assertThat(DateFinder.first(text)).hasValueSatisfying(f -> assertThat(f.date()).hasToString(date));
    }

    @ParameterizedTest
    @ValueSource(strings = {"version 1.2.2023 shipped", "between 4-5-23 and later", "ip 10.1.12.2023", "03/04/2024"})
    void leavesVersionsRangesAndAmbiguousDatesUnread(String text) {
        assertThat(DateFinder.first(text)).isEmpty();
    }

    @Test
    void anAmbiguousNumericDateIsReadInAKnownOrderAndNamedOtherwise() {
        assertThat(DateFinder.first("on 03/04/2024", DayOrder.MONTH_FIRST)).map(DateFinder.Found::date)
                .contains(LocalDate.of(2024, 3, 4));
        assertThat(DateFinder.first("on 03/04/2024", DayOrder.DAY_FIRST)).map(DateFinder.Found::date)
                .contains(LocalDate.of(2024, 4, 3));
        assertThat(DateFinder.firstAmbiguous("on 03/04/2024")).hasValueSatisfying(m -> assertThat(m)
                .contains("2024-03-04 (month first)").contains("2024-04-03 (day first)"));
        assertThat(DateFinder.firstAmbiguous("on 03/03/2024 and 4/21/23")).isEmpty();
    }

    @Test
    void aTextTalliesTheOrderItsDatesProve() {
        DayOrder.Tally t = DayOrder.tally("4/21/23, 5/30/2023 and 03/04/2024; 12/12/2024 is either");
        assertThat(t).isEqualTo(new DayOrder.Tally(2, 0, 1));
        assertThat(t.order()).isEqualTo(DayOrder.MONTH_FIRST);
        assertThat(DayOrder.tally("21/04/2023 and 4/21/23").order()).isEqualTo(DayOrder.UNKNOWN);
        assertThat(DayOrder.tally("31.12.2023").order()).isEqualTo(DayOrder.DAY_FIRST);
    }

    @Test
    void aMonthAndDayWithoutAYearTakeTheYearGiven() {
        assertThat(DateFinder.firstMonthDay("the Feb 20 outage", 2023)).map(DateFinder.Found::date)
                .contains(LocalDate.of(2023, 2, 20));
        assertThat(DateFinder.firstMonthDay("on the 3rd of March", 2021)).map(DateFinder.Found::date)
                .contains(LocalDate.of(2021, 3, 3));
        assertThat(DateFinder.firstMonthDay("we may 5 times retry", 2021)).isEmpty();
        assertThat(DateFinder.firstMonthDay("at 10:30 and 12 decimals", 2021)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "postmortems/20230425_db-failover.md  | 20230425_db-failover | 2023-04-25",
            "2023-04/04-25-dns.md                  | 04-25-dns            | 2023-04-25",
            "2023/04/25-dns.md                     | 25-dns               | 2023-04-25",
            "reports/2022/11/07_cache.md           | 07_cache             | 2022-11-07",
            "2024/13-02-2024 ingest.md             | 13-02-2024 ingest    | 2024-02-13",
            "2026/03/04-03-2026-portal.md          | 04-03-2026-portal    | 2026-03-04",
    })
    void fileNamesAndFoldersGiveADate(String path, String stem, String date) {
        assertThat(FileNames.date(path, stem, DayOrder.UNKNOWN).date()).hasValueSatisfying(d -> assertThat(d).hasToString(date));
    }

    @Test
    void aFolderWithOnlyAYearGivesTheYearAndAnAmbiguousNameWaitsForTheOrder() {
        FileNames.DateHint h = FileNames.date("2021/db-outage.md", "db-outage", DayOrder.UNKNOWN);
        assertThat(h.date()).isEmpty();
        assertThat(h.year()).isEqualTo(OptionalInt.of(2021));
        assertThat(FileNames.date("x/03-04-2024 deploy.md", "03-04-2024 deploy", DayOrder.UNKNOWN).date()).isEmpty();
        assertThat(FileNames.date("x/03-04-2024 deploy.md", "03-04-2024 deploy", DayOrder.DAY_FIRST).date())
                .contains(LocalDate.of(2024, 4, 3));
        assertThat(FileNames.title("20230425_db-failover")).isEqualTo("Db failover");
    }
}
