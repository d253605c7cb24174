package dev.hindsight.model;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The README's front-matter table and {@link FrontMatterKey} must list the same keys, with the same meaning. */
class FrontMatterKeyTest {
    private static final Pattern ROW = Pattern.compile("^\\| `([a-z_]+)` \\| (.*?) \\| (.*?) \\|$", Pattern.MULTILINE);

    @Test
    void readmeDocumentsEveryKeyAndNoOther() throws Exception {
        String readme = Files.readString(project().resolve("README.md"));
        int start = readme.indexOf("### Front matter");
        String table = readme.substring(start, readme.indexOf("\n### ", start + 1));
        Set<String> documented = new TreeSet<>();
        Matcher m = ROW.matcher(table);
        while (m.find()) {
            documented.add(m.group(1));
            FrontMatterKey key = FrontMatterKey.of(m.group(1)).orElseThrow();
            assertThat(m.group(3)).as("description of %s", key.key()).isEqualTo(key.description());
        }
        Set<String> known = new TreeSet<>();
        for (FrontMatterKey k : FrontMatterKey.values()) {
            known.add(k.key());
        }
        assertThat(documented).isEqualTo(known);
    }

    @Test
    void keysAreFoundInAnyCaseAndWithDashes() {
        assertThat(FrontMatterKey.of("Recurrence-Of")).contains(FrontMatterKey.RECURRENCE_OF);
        assertThat(FrontMatterKey.of(" NEAR_MISS ")).contains(FrontMatterKey.NEAR_MISS);
        assertThat(FrontMatterKey.of("postmortem_owner")).isEmpty();
    }

    private static Path project() {
        return Path.of(System.getProperty("hindsight.project.dir", ".")).toAbsolutePath();
    }
}
