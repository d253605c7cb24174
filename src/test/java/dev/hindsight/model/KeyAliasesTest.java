package dev.hindsight.model;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The alias table reads other tools' keys as ours, is extended by a team, and is the README's table. */
class KeyAliasesTest {
    private static final Pattern ROW = Pattern.compile("^\\| `([a-z_.]+)` \\| (`.*`) \\|$", Pattern.MULTILINE);

    @Test
    void readmeListsTheBuiltInTableAsItIs() throws Exception {
        String readme = Files.readString(Path.of(System.getProperty("hindsight.project.dir", "."))
                .toAbsolutePath().resolve("README.md"));
        int start = readme.indexOf("### Keys from other tools");
        assertThat(start).isPositive();
        Map<String, List<String>> documented = new LinkedHashMap<>();
        Matcher m = ROW.matcher(readme.substring(start, readme.indexOf("\n### ", start + 1)));
        while (m.find()) {
            documented.put(m.group(1), Arrays.stream(m.group(2).split(",\\s*")).map(a -> a.replace("`", "")).toList());
        }
        assertThat(documented).containsExactlyEntriesOf(KeyAliases.builtIn());
    }

    @Test
    void namesMatchIgnoringCaseUnderscoresAndDashes() {
        KeyTarget resolved = KeyTarget.parse("times.resolved").orElseThrow();
        assertThat(KeyAliases.BUILT_IN.target("resolvedWhen")).contains(resolved);
        assertThat(KeyAliases.BUILT_IN.target("resolved_when")).contains(resolved);
        assertThat(KeyAliases.BUILT_IN.target("End-Time")).contains(resolved);
        assertThat(KeyAliases.BUILT_IN.target("sev")).contains(new KeyTarget(FrontMatterKey.SEVERITY, Optional.empty()));
        assertThat(KeyAliases.BUILT_IN.target("company")).isEmpty();
    }

    @Test
    void aTeamAddsNamesAndOverridesBuiltInOnes() {
        KeyTarget causes = KeyTarget.parse("causes").orElseThrow();
        KeyAliases team = KeyAliases.BUILT_IN.with(Map.of("categories", causes,
                "incident_lead", KeyTarget.parse("authors").orElseThrow()));
        assertThat(team.target("Categories")).contains(causes);
        assertThat(team.target("incident-lead").map(KeyTarget::name)).contains("authors");
        assertThat(team.target("keywords").map(KeyTarget::name)).contains("tags");
        assertThat(KeyAliases.BUILT_IN.target("categories").map(KeyTarget::name)).contains("tags");
        assertThat(team.team()).containsOnlyKeys("categories", "incident_lead");
    }

    @Test
    void targetsNameOurKeysOrTheKeysInsideAMapKey() {
        assertThat(KeyTarget.parse("times.started").map(KeyTarget::name)).contains("times.started");
        assertThat(KeyTarget.parse("impact.users_affected").map(KeyTarget::name)).contains("impact.users_affected");
        assertThat(KeyTarget.parse("times.began")).isEmpty();
        assertThat(KeyTarget.parse("severity.level")).isEmpty();
        assertThat(KeyTarget.parse("owner")).isEmpty();
        assertThat(KeyTarget.names()).contains("title", "times.duration", "impact.support_tickets");
        assertThatThrownBy(() -> new KeyTarget(FrontMatterKey.TIMES, Optional.of("began")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aWholeKeyCoversItsPartsButNotAnotherPart() {
        KeyTarget times = KeyTarget.parse("times").orElseThrow();
        KeyTarget started = KeyTarget.parse("times.started").orElseThrow();
        KeyTarget resolved = KeyTarget.parse("times.resolved").orElseThrow();
        assertThat(times.covers(started)).isTrue();
        assertThat(started.covers(started)).isTrue();
        assertThat(started.covers(resolved)).isFalse();
        assertThat(KeyTarget.parse("tags").orElseThrow().covers(started)).isFalse();
    }
}
