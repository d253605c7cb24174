package dev.hindsight.config;

import dev.hindsight.model.KeyTarget;
import dev.hindsight.model.Problem;
import dev.hindsight.model.Result;
import dev.hindsight.model.SiteConfig;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** site.yml's {@code import.keys} adds a team's front-matter keys to the alias table, with bad targets as errors. */
class ImportSettingsTest {
    @TempDir
    Path dir;

    private Result<SiteConfig> load(String yaml) throws IOException {
        Files.writeString(dir.resolve("site.yml"), yaml);
        return new SiteConfigLoader().load(dir, LocalDate.of(2025, 6, 1));
    }

    @Test
    void keysAreReadIntoTheAliasTable() throws IOException {
        Result<SiteConfig> r = load("title: T\nimport:\n  keys:\n    categories: causes\n    began: times.started\n");
        assertThat(r.problems()).isEmpty();
        assertThat(r.value().keyAliases().team()).containsOnlyKeys("categories", "began");
        assertThat(r.value().keyAliases().target("began")).flatMap(t -> t.part()).contains("started");
        assertThat(r.value().keyAliases().target("categories").map(KeyTarget::name)).contains("causes");
        assertThat(r.value().keyAliases().target("keywords").map(KeyTarget::name)).contains("tags");
    }

    @Test
    void withoutImportTheBuiltInTableIsUsed() throws IOException {
        Result<SiteConfig> r = load("title: T\n");
        assertThat(r.value().keyAliases().team()).isEmpty();
        assertThat(r.value().keyAliases().target("start_time").map(KeyTarget::name)).contains("times.started");
    }

    @Test
    void anUnknownTargetOrOneOfOurKeysIsAnErrorWithItsLine() throws IOException {
        Result<SiteConfig> r = load("""
                title: T
                import:
                  keys:
                    lead: author
                    began: times.begun
                    Summary: description
                    ok: tags
                  formats: [x]
                """);
        assertThat(r.problems()).filteredOn(Problem::isError).extracting(Problem::line).containsExactly(4, 5, 6);
        assertThat(r.problems()).filteredOn(Problem::isError).extracting(Problem::message)
                .anyMatch(m -> m.contains("`author` is not a Hindsight key (known: title,"))
                .anyMatch(m -> m.contains("`times.begun` is not a Hindsight key"))
                .anyMatch(m -> m.contains("`Summary` is already a Hindsight key"));
        assertThat(r.problems()).filteredOn(p -> p.line() == 8).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("import.formats"));
        assertThat(r.value().keyAliases().team()).containsOnlyKeys("ok");
    }
}
