package dev.hindsight.index;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class CalendarWordsTest {
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "1999", "2021", "2038",                                     // years
            "5", "05", "15", "31", "59", "15th", "1st", "2nd", "23rd",  // day numbers, hours, minutes
            "13:05", "13:05:22", "9:30am", "1305utc", "0900z", "9am", "30pm", "00z", "15t13", // times of day
            "2021-03-15", "2021-03", "2021-03-15t13", "15.03.2021", "3/15/2021", "2021.03.15", // dates
            "march", "MARCH", "may", "september", "sept", "dec", "jan",  // months
            "tuesday", "Wednesday", "fri", "tues", "thurs",              // weekdays
            "am", "pm", "a.m", "p.m",                                    // halves of the day
            "utc", "gmt", "pst", "pdt", "cet", "cest", "ist", "aedt",    // time zones
            "tuesdai", "januari", "mai", "wednesdai", "februari"         // as the stemmer indexes them
    })
    void calendarWords(String word) {
        assertThat(CalendarWords.is(word)).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "503", "404", "100", "1433", "2100", "1899", "8080",        // other numbers
            "x509", "k8s", "3ds", "pm2021-008", "db-primary-02", "v2", "1.21.10", "10.0.0.1", "5xx", "2fa",
            "sat", "sun", "west", "wet", "us-west-2", "mark", "marching", "maybe", "mayday", // ordinary words
            "monitor", "decommission", "utcnow", "time", "daily", "weekend", "janitor", "august-deploy"
    })
    void notCalendarWords(String word) {
        assertThat(CalendarWords.is(word)).isFalse();
    }
}
