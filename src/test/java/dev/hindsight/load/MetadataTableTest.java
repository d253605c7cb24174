package dev.hindsight.load;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** A key/value table or a run of bold labels at the top of a body gives the same facts as labelled lines. */
class MetadataTableTest {
    private final MarkdownEngine engine = new MarkdownEngine();

    private List<String> facts(String markdown) {
        return MetadataLines.read(engine.parse(markdown).orElseThrow(), Set.of()).stream()
                .map(f -> f.field() + "=" + f.value() + "@" + f.line()).toList();
    }

    @Test
    void aTwoColumnTableGivesOneFactPerRowItsHeaderIncluded() {
        assertThat(facts("""
                | Date | 2023-04-21 |
                |---|---|
                | **Duration** | 2h |
                | Severity: | SEV2 |
                | Authors | Ana, Bo |
                | Status | Resolved at 11:40 |
                | Start time | 2023-04-21 09:40 UTC |
                | TL;DR | The cache expired all at once. |
                | Owner | - |
                """)).containsExactly("date=2023-04-21@0", "after.resolved=2h@2", "severity=SEV2@3", "authors=Ana, Bo@4",
                "moment.resolved=Resolved at 11:40@5", "at.started=2023-04-21 09:40 UTC@6",
                "summary=The cache expired all at once.@7");
    }

    @Test
    void aFieldValueHeaderIsACaptionNotAFact() {
        assertThat(facts("| Field | Value |\n|---|---|\n| Impact | Checkout down in EU |\n| Users affected | 1,200 |\n"))
                .containsExactly("impact=Checkout down in EU@2", "impact.users=1,200@3");
    }

    @Test
    void aHeaderOfLabelsOverOneRowIsReadColumnByColumn() {
        assertThat(facts("""
                | Date | Duration | Impact | Customer data loss |
                |:---:|:---:|:---:|:---:|
                | 2023-04-21 | 2h | Search was slow | None |
                """)).containsExactly("date=2023-04-21@2", "after.resolved=2h@2", "impact=Search was slow@2");
    }

    @Test
    void aRunOfBoldLabelLinesGivesFacts() {
        assertThat(facts("""
                **Date:** 2023-04-21

                **Authors**: Ana, Bo

                **Summary**: The cache expired all at once and the database took every read.

                **Impact:** Search was slow for 2 hours.
                """)).containsExactly("date=2023-04-21@0", "authors=Ana, Bo@2",
                "summary=The cache expired all at once and the database took every read.@4",
                "impact=Search was slow for 2 hours.@6");
    }

    @Test
    void aTimelineTableIsNotMetadata() {
        assertThat(facts("""
                | Time | Event |
                |---|---|
                | 09:40 | Status: cache hit rate drops |
                | 09:52 | Detected by the latency alert |
                """)).isEmpty();
        assertThat(facts("| Date | Event |\n|---|---|\n| 2023-04-21 | Resolved at 11:40 |\n")).isEmpty();
    }

    @Test
    void anActionItemTableIsNotMetadata() {
        assertThat(facts("""
                | Action | Owner | Status | Date |
                |---|---|---|---|
                | Stagger cache expiry | search | open | 2023-05-01 |
                """)).isEmpty();
        assertThat(facts("| Owner | Status |\n|---|---|\n| Ana | done |\n| Bo | open |\n")).isEmpty();
    }

    @Test
    void onlyTablesAtTheTopAreRead() {
        String early = "## Impact\n\n| Duration | 2h |\n|---|---|\n| Severity | SEV2 |\n";
        assertThat(facts(early)).containsExactly("after.resolved=2h@2", "severity=SEV2@4");
        String late = "## A\n\n1\n\n## B\n\n2\n\n## C\n\n3\n\n## D\n\n4\n\n" + early;
        assertThat(facts(late)).isEmpty();
    }

    @Test
    void aSummaryLineCountsOnlyAtTheTop() {
        String body = "## A\n\n1\n\n## B\n\n2\n\n## C\n\n3\n\n## D\n\n4\n\n## E\n\nSummary: not the summary\n\nSeverity: SEV3\n";
        assertThat(facts(body)).containsExactly("severity=SEV3@20");
    }
}
