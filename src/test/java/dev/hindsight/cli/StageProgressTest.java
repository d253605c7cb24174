package dev.hindsight.cli;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class StageProgressTest {

    @Test
    void plainLinesWhenNotATerminal() {
        StringWriter sw = new StringWriter();
        StageProgress p = new StageProgress(new PrintWriter(sw), false);
        p.accept("config");
        p.accept("load");
        p.finish();
        assertThat(sw.toString().lines().toList()).hasSize(2)
                .element(1).asString().matches("\\[2/9\\] load \\d+ ms");
        assertThat(sw.toString()).doesNotContain("\r");
    }

    @Test
    void aBarRedrawnInPlaceOnATerminal() {
        StringWriter sw = new StringWriter();
        StageProgress p = new StageProgress(new PrintWriter(sw), true);
        p.accept("config");
        p.accept("render");
        p.accept("export");
        p.finish();
        // The export is written beside the checks, pages and reports, and ends after them.
        assertThat(sw.toString()).contains("\r\u001b[2K[#........] 1/9 config").contains("\r\u001b[2K[######...] 6/9 render")
                .contains("\r\u001b[2K[########.] 8/9 export")
                .endsWith(System.lineSeparator());
    }

    @Test
    void ciOrNoConsoleMeansPlainLines() {
        assertThat(StageProgress.isTerminal(Map.of(), true)).isTrue();
        assertThat(StageProgress.isTerminal(Map.of("CI", "true"), true)).isFalse();
        assertThat(StageProgress.isTerminal(Map.of("CI", "false"), true)).isTrue();
        assertThat(StageProgress.isTerminal(Map.of(), false)).isFalse();
        assertThat(StageProgress.isTerminal(Map.of("TERM", "dumb"), true)).isFalse();
    }
}
