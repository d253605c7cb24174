package dev.hindsight.render;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TermSlugsTest {

    @Test
    void plainSlugsAreLowerCaseAsciiWithHyphens() {
        assertThat(TermSlugs.plain("Config change")).isEqualTo("config-change");
        assertThat(TermSlugs.plain("  DNS/TLS: Résumé ")).isEqualTo("dns-tls-resume");
        assertThat(TermSlugs.plain("../../etc")).isEqualTo("etc");
        assertThat(TermSlugs.plain("日本")).isEmpty();
    }

    @Test
    void collidingAndEmptySlugsGetDistinctSafeNames() {
        Map<String, String> m = TermSlugs.assign(List.of("C++", "c", "C#", "日本", "中文", "config-change"));
        assertThat(m.values()).doesNotHaveDuplicates();
        assertThat(m.values()).allMatch(s -> s.matches("[a-z0-9-]+"));
        assertThat(m.get("config-change")).isEqualTo("config-change");
        // "c", "C++" and "C#" all want "c": none may silently take another's page.
        assertThat(List.of(m.get("c"), m.get("C++"), m.get("C#"))).doesNotHaveDuplicates();
        assertThat(m.get("日本")).startsWith("term-");
    }

    @Test
    void assignmentDoesNotDependOnInputOrder() {
        assertThat(TermSlugs.assign(List.of("b", "B", "a"))).isEqualTo(TermSlugs.assign(List.of("a", "B", "b")));
    }
}
