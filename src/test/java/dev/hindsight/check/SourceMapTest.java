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

    @Test
    void unknownTextGivesTheWholeFile() {
        assertThat(SourceMap.none().key("title")).isEqualTo(Position.FILE);
        assertThat(SourceMap.none().find("x", 1)).isEqualTo(Position.FILE);
        assertThat(SourceMap.of("no front matter\n").key("title")).isEqualTo(Position.FILE);
    }
}
