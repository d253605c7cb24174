package dev.hindsight.load;

import dev.hindsight.config.SiteConfigLoader;
import dev.hindsight.model.Result;
import dev.hindsight.model.Site;
import dev.hindsight.model.SiteConfig;
import dev.hindsight.model.SourceFile;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whatever a file holds, loading never throws and the file is accounted for exactly once, as a page or with a
 * reason. Inputs: any string, any bytes, Markdown and YAML fragments, and truncated or mutated real postmortems.
 */
class LoaderPropertyTest {
    private static final String FILE = "postmortems/2024-05-05-fuzz.md";
    private static final List<String> FRAGMENTS = List.of("---\n", "title: x\n", "date: 2024-01-01\n", "times:\n",
            "  started: 25:99\n", "tags: [a, b\n", "&a [1]\n", "*a\n", "~~~~~~\n", "key=value\n", "# H1\n", "## Timeline\n",
            "## Action items\n", "| Time | Event |\n", "|---|---|\n", "| 09:02 | x |\n", "- [x] done (owner: a)\n",
            "- **09:02** - y\n", "> ", "- ", "  ", "\n", "**", "`", "<script>", "](javascript:x)", "[", "\t",
            "\u0000", "\r", "\uFEFF", "🔥", "2019-12-03 --:--", "12-05 16:21", "[???]", "Category: X\n");

    @Property(tries = 150)
    void anyStringLoads(@ForAll @StringLength(max = 3000) String text) {
        accountsFor(text.getBytes(StandardCharsets.UTF_8));
    }

    @Property(tries = 100)
    void anyBytesLoad(@ForAll @Size(max = 3000) byte[] bytes) {
        accountsFor(bytes);
    }

    @Property(tries = 150)
    void markdownAndYamlFragmentsLoad(@ForAll("fragments") String text) {
        accountsFor(text.getBytes(StandardCharsets.UTF_8));
    }

    @Property(tries = 100)
    void mutatedRealPostmortemsLoad(@ForAll("mutations") String text) {
        accountsFor(text.getBytes(StandardCharsets.UTF_8));
    }

    @Provide
    Arbitrary<String> fragments() {
        return Arbitraries.of(FRAGMENTS).list().ofMaxSize(200).map(l -> String.join("", l));
    }

    @Provide
    Arbitrary<String> mutations() {
        List<String> sources = ownPostmortems();
        Arbitrary<String> source = Arbitraries.of(sources);
        return Combinators.combine(source, Arbitraries.doubles().between(0, 1), Arbitraries.of(FRAGMENTS),
                Arbitraries.integers().between(0, 3)).as((s, at, junk, mode) -> {
                    int cut = (int) (s.length() * at);
                    return switch (mode) {
                        case 0 -> s.substring(0, cut);
                        case 1 -> s.substring(0, cut) + junk + s.substring(cut);
                        case 2 -> s.substring(cut);
                        default -> s.substring(0, cut) + s.substring(Math.min(s.length(), cut + 40));
                    };
                });
    }

    private static List<String> ownPostmortems() {
        Path dir = Path.of(System.getProperty("hindsight.project.dir", ".")).resolve("content/postmortems");
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted().limit(8).map(p -> {
                try {
                    return Files.readString(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void accountsFor(byte[] bytes) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("hindsight-fuzz");
            Path file = dir.resolve(FILE);
            Files.createDirectories(file.getParent());
            Files.write(file, bytes);
            Result<SiteConfig> config = new SiteConfigLoader().load(dir, LocalDate.of(2025, 6, 1));
            Result<Site> site = new ContentLoader().load(dir, config.value(), false);
            assertThat(site.value().files()).singleElement().satisfies(f -> {
                assertThat(f.path()).isEqualTo(FILE);
                if (f.outcome() == SourceFile.Outcome.FAILED || f.outcome() == SourceFile.Outcome.SKIPPED) {
                    assertThat(f.reason()).isNotBlank();
                } else {
                    assertThat(site.value().postmortems()).hasSize(1);
                }
                assertThat(f.reason()).doesNotStartWith("internal error");
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            delete(dir);
        }
    }

    private static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
