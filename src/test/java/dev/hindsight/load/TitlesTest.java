package dev.hindsight.load;

import dev.hindsight.model.Postmortem;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Placeholder, generic and date-only titles give way; a leading date leaves a real title. */
class TitlesTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"ISSUE NAME", "[Title]", "{{ title }}", "<incident title>", "Postmortem",
            "Incident disclosure 2022-03-01", "Incident report: March 3rd, 2021", "2023-05-23", "Post-mortem #12", ""})
    void saysNothing(String title) {
        assertThat(Titles.isUninformative(title)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"DNS outage", "Marathon deploy stalled", "Incident: checkout API timeouts", "May the pool drain"})
    void saysSomething(String title) {
        assertThat(Titles.isUninformative(title)).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "2023-05-23: API outage                | API outage",
            "[2022-03-01] cache stampede           | Cache stampede",
            "Feb-07-2022 - Login failures          | Login failures",
            "20230425 DB failover                  | DB failover",
            "API outage on 2023-05-23              | API outage on 2023-05-23",
            "2023-05-23 incident                   | 2023-05-23 incident",
    })
    void dropsOnlyALeadingDateBeforeRealWords(String title, String expected) {
        assertThat(Titles.withoutLeadingDate(title)).isEqualTo(expected);
    }

    @Test
    void aWriteUpWithAPlaceholderTitleTakesItsFirstInformativeHeadingOrSentence() {
        TempContent.Loaded l = new TempContent(dir)
                .file("2023-01-02-a.md", "---\ntitle: ISSUE NAME\n---\n## Summary\n\nThe queue consumers stalled after "
                        + "a broker upgrade. Nobody noticed for an hour.\n")
                .file("2023-01-03-b.md", "# Incident disclosure 2023-01-03\n\n## Summary\n\nShort.\n\n"
                        + "## Payment webhooks were delivered twice\n\nDetails.\n")
                .file("2023-01-04-c.md", "# 2023-01-04: Search index rebuilt from scratch\n\nIt was.\n")
                .load();
        Postmortem a = l.site().postmortem("2023-01-02-a").orElseThrow();
        assertThat(a.title()).isEqualTo("The queue consumers stalled after a broker upgrade");
        assertThat(a.inferred("title")).isTrue();
        assertThat(l.site().postmortem("2023-01-03-b").orElseThrow().title()).isEqualTo("Payment webhooks were delivered twice");
        assertThat(l.site().postmortem("2023-01-04-c").orElseThrow().title()).isEqualTo("Search index rebuilt from scratch");
    }

    @Test
    void aSentenceOfAWordOrTwoDoesNotReplaceATitle() {
        TempContent.Loaded l = new TempContent(dir)
                .file("2023-01-01-not-found.md", "---\ntitle: \"404\"\ndate: 2023-01-01\n---\nBody\n")
                .file("2023-01-05-short.md", "---\ntitle: Postmortem\n---\n## Summary\n\nDisk full.\n")
                .load();
        assertThat(l.site().postmortem("2023-01-01-not-found").orElseThrow().title()).isEqualTo("404");
        Postmortem shortOne = l.site().postmortem("2023-01-05-short").orElseThrow();
        assertThat(shortOne.title()).isNotEqualTo("Disk full");
        assertThat(shortOne.inferred("title")).isFalse();
    }
}
