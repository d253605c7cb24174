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
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whatever a file holds, loading never throws and the file is accounted for exactly once, as a page or with a
 * reason and a {@link dev.hindsight.model.Problem}. Inputs: any string, any bytes, Markdown and YAML fragments,
 * truncated or mutated postmortems of content/ (as text and as bytes, so cuts and flips land inside UTF-8
 * sequences too), and a seeded random mutator over the real corpus in ../shared/corpus, read at test time.
 * Every run is bounded: a fixed number of tries per property and of cases for the corpus.
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

    @Property(tries = 100)
    void byteMutatedRealPostmortemsLoad(@ForAll("byteMutations") byte[] bytes) {
        accountsFor(bytes);
    }

    /** The seeded mutator over the real corpus: truncations, byte flips, inserted junk, cut ranges and splices. */
    @Test
    void mutatedCorpusPostmortemsLoad() throws IOException {
        Path corpus = Path.of(System.getProperty("hindsight.project.dir", ".")).toAbsolutePath()
                .resolve("../shared/corpus").normalize();
        if (!Files.isDirectory(corpus)) {
            String reason = "corpus folder " + corpus + " is not present (it lives outside the repository); skipping";
            if (System.getenv("CI") != null) {
                Assertions.fail(reason + "; in CI corpus tests must run");
            }
            Assumptions.abort(reason);
        }
        List<byte[]> sources = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(corpus)) {
            for (Path p : walk.filter(f -> f.toString().endsWith(".md") && Files.isRegularFile(f)).sorted().toList()) {
                sources.add(Files.readAllBytes(p));
            }
        }
        assertThat(sources).as("Markdown files in the corpus").isNotEmpty();
        Random random = new Random(20241124L);
        int cases = 120;
        for (int i = 0; i < cases; i++) {
            byte[] source = sources.get(random.nextInt(sources.size()));
            byte[] other = sources.get(random.nextInt(sources.size()));
            byte[] mutated = mutate(source, other, random.nextInt(6), random);
            accountsFor(mutated);
        }
    }

    @Provide
    Arbitrary<byte[]> byteMutations() {
        List<byte[]> sources = ownPostmortems().stream().map(t -> t.getBytes(StandardCharsets.UTF_8)).toList();
        return Combinators.combine(Arbitraries.of(sources), Arbitraries.of(sources), Arbitraries.integers().between(0, 5),
                Arbitraries.longs()).as((s, other, mode, seed) -> mutate(s, other, mode, new Random(seed)));
    }

    /**
     * Returns a mutated copy of a file's bytes: 0 truncated at a byte, 1 a few bytes flipped, 2 random bytes
     * inserted, 3 a range cut out, 4 a range repeated many times, 5 spliced with another file.
     */
    static byte[] mutate(byte[] s, byte[] other, int mode, Random random) {
        int at = s.length == 0 ? 0 : random.nextInt(s.length + 1);
        int span = Math.min(s.length - at, 1 + random.nextInt(200));
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        switch (mode) {
            case 0 -> out.write(s, 0, at);
            case 1 -> {
                byte[] copy = s.clone();
                for (int k = 0; k < 1 + random.nextInt(16) && copy.length > 0; k++) {
                    copy[random.nextInt(copy.length)] ^= (byte) (1 << random.nextInt(8));
                }
                out.writeBytes(copy);
            }
            case 2 -> {
                byte[] junk = new byte[1 + random.nextInt(64)];
                random.nextBytes(junk);
                out.write(s, 0, at);
                out.writeBytes(junk);
                out.write(s, at, s.length - at);
            }
            case 3 -> {
                out.write(s, 0, at);
                out.write(s, at + span, s.length - at - span);
            }
            case 4 -> {
                out.write(s, 0, at);
                for (int k = 0; k < 2 + random.nextInt(50); k++) {
                    out.write(s, at, span);
                }
                out.write(s, at, s.length - at);
            }
            default -> {
                int cut = other.length == 0 ? 0 : random.nextInt(other.length + 1);
                out.write(s, 0, at);
                out.write(other, cut, other.length - cut);
            }
        }
        return out.toByteArray();
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
                    if (f.outcome() == SourceFile.Outcome.FAILED) {
                        assertThat(site.problems()).as("a failed file has a problem").anyMatch(p -> p.path().equals(FILE));
                    }
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
