package dev.hindsight.check;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SourceMapTest {
    private static final String TEXT = """
            ---
            title: Pool exhaustion
            services:
              - checkout-api
              - orders-db
            times: {started: 2024-03-11T09:02:00Z, detected: 2024-03-11T09:17:00Z}
            ---

            ## Summary

            ```
            ## not a heading
            ```

            ### Detail

            ## Timeline
            """;

    @Test
    void findsKeysValuesAndNestedKeys() {
        SourceMap m = SourceMap.of(TEXT);
        assertThat(m.key("title")).isEqualTo(new Position(2, 1));
        assertThat(m.value("services", "orders-db")).isEqualTo(new Position(5, 5));
        assertThat(m.value("services", "orders")).isEqualTo(new Position(3, 1));
        assertThat(m.key("times", "detected")).isEqualTo(new Position(6, 40));
        assertThat(m.key("severity")).isEqualTo(Position.FILE);
        assertThat(m.bodyStart()).isEqualTo(8);
    }

    @Test
    void knowsCodeAndSectionExtents() {
        SourceMap m = SourceMap.of(TEXT);
        assertThat(m.inCode(12)).isTrue();
        assertThat(m.headingLevel(12)).isZero();
        assertThat(m.headingLevel(9)).isEqualTo(2);
        assertThat(m.sectionEnd(9)).isEqualTo(16);
        assertThat(m.sectionEnd(15)).isEqualTo(16);
    }

    @Test
    void readsJBakeHeaders() {
        SourceMap m = SourceMap.of("title=Pool\nseverity=SEV9\n~~~~~~\n\nBody\n");
        assertThat(m.key("severity")).isEqualTo(new Position(2, 1));
        assertThat(m.value("severity", "SEV9")).isEqualTo(new Position(2, 10));
        assertThat(m.bodyStart()).isEqualTo(4);
    }

    private static final String TOML = """
            +++
            title = "Pool exhaustion"
            severity = "SEV9"
            services = ["checkout-api", "orders-db"]
            causes = [
              "capacity",
            "config-change",
            ]
            impact.users_affected = 1200
            detection = { how = "alert", by = "pagerduty" }

            [times]
            started = 2024-03-11T09:02:00Z
              detected = 2024-03-11T09:17:00Z

            [[action_items]]
            title = "Alert on pool waits"
            owner = "payments"
            +++

            ## Summary
            """;

    @Test
    void readsTomlFrontMatterKeysTablesAndValues() {
        SourceMap m = SourceMap.of(TOML);
        assertThat(m.bodyStart()).isEqualTo(20);
        assertThat(m.inFrontMatter(2)).isTrue();
        assertThat(m.inFrontMatter(18)).isTrue();
        assertThat(m.inFrontMatter(19)).as("the closing +++").isFalse();
        assertThat(m.headingLevel(21)).isEqualTo(2);
        assertThat(m.key("title")).isEqualTo(new Position(2, 1));
        assertThat(m.key("severity")).isEqualTo(new Position(3, 1));
        assertThat(m.value("severity", "SEV9")).isEqualTo(new Position(3, 13));
        assertThat(m.value("services", "orders-db")).isEqualTo(new Position(4, 30));
        assertThat(m.value("causes", "config-change")).as("a list over several lines, unindented too")
                .isEqualTo(new Position(7, 2));
        assertThat(m.key("times")).as("a table is found at its header").isEqualTo(new Position(12, 1));
        assertThat(m.key("times", "started")).isEqualTo(new Position(13, 1));
        assertThat(m.key("times", "detected")).as("indentation means nothing in TOML").isEqualTo(new Position(14, 3));
        assertThat(m.key("times", "resolved")).as("a key the table lacks: the table").isEqualTo(new Position(12, 1));
        assertThat(m.key("impact", "users_affected")).as("a dotted key").isEqualTo(new Position(9, 1));
        assertThat(m.key("detection", "by")).as("an inline table").isEqualTo(new Position(10, 30));
        assertThat(m.key("action_items")).isEqualTo(new Position(16, 1));
        assertThat(m.key("owner")).as("a key under a table is not a top-level key").isEqualTo(Position.FILE);
        assertThat(m.topKeyOf(18)).isEqualTo("action_items");
        assertThat(m.topKeyOf(7)).isEqualTo("causes");
        assertThat(m.topKeyOf(2)).isEqualTo("title");
    }

    @Test
    void aTomlHeaderThatIsNeverClosedIsNoFrontMatter() {
        SourceMap m = SourceMap.of("+++\ntitle = \"x\"\n\nBody\n");
        assertThat(m.key("title")).isEqualTo(Position.FILE);
        assertThat(m.bodyStart()).isEqualTo(1);
    }

    @Test
    void unknownTextGivesTheWholeFile() {
        assertThat(SourceMap.none().key("title")).isEqualTo(Position.FILE);
        assertThat(SourceMap.none().find("x", 1)).isEqualTo(Position.FILE);
        assertThat(SourceMap.of("no front matter\n").key("title")).isEqualTo(Position.FILE);
    }
}
