package dev.hindsight.index;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.json.Json;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Seeded random queries never make the browser search engine throw.
 *
 * <p>Exports content/ and runs {@code src/test/js/search-fuzz.js} under Node: 500 queries from a fixed seed (random
 * Unicode with astral characters, combining marks, RTL text, NUL and lone surrogates; a lone or unbalanced quote;
 * only stop words; only punctuation; words over 48 characters; compounds; numbers, timestamps and UUIDs; a 20 KB
 * paste of log lines; dictionary words mixed with junk), each through {@code search} with and without prefix
 * completion and through {@code suggest}. Every call must resolve to a well-formed result. Set
 * {@code -Dhindsight.fuzz.seed=N} to try another seed; a failure message names the seed that reproduces it.
 */
class SearchFuzzIT {
    static final long SEED = Long.getLong("hindsight.fuzz.seed", 20261203L);
    static final int COUNT = 500;

    @TempDir
    Path dir;

    @Test
    @SuppressWarnings("unchecked")
    void randomQueriesNeverThrowAndAlwaysReturnAWellFormedResult() throws Exception {
        Path node = NodeSearch.node();
        Path project = NodeSearch.project();
        try (ExportedSite site = ExportedSite.of(project.resolve("content"), dir.resolve("site"))) {
            Path out = dir.resolve("fuzz.json");
            Path err = dir.resolve("fuzz.err");
            Process p = new ProcessBuilder(node.toString(), project.resolve("src/test/js/search-fuzz.js").toString(),
                    project.resolve("assets/js/search-engine.js").toString(), site.dir.toString(), site.stats.manifest(),
                    String.valueOf(SEED), String.valueOf(COUNT))
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!p.waitFor(10, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                Assertions.fail("search-fuzz.js (seed " + SEED + ") timed out");
            }
            assertThat(p.exitValue()).as("search-fuzz.js (seed %d) exit code; stderr: %s", SEED, Files.readString(err))
                    .isZero();
            Map<String, Object> report = (Map<String, Object>) new Json().toType(Files.readString(out).trim(), Object.class);
            List<Map<String, Object>> failures = (List<Map<String, Object>>) report.get("failures");
            System.out.printf("search fuzz, seed %d: %s queries, %s dictionary words, %d failures%n",
                    SEED, report.get("ran"), report.get("dictionary"), failures.size());

            assertThat(failures).as("queries that broke the engine, seed %d; the first ones:%n%s", SEED, describe(failures))
                    .isEmpty();
            assertThat(((Number) report.get("ran")).intValue()).as("queries run (seed %d)", SEED)
                    .isGreaterThanOrEqualTo(COUNT);
        }
    }

    private static String describe(List<Map<String, Object>> failures) {
        return failures.stream().limit(10)
                .map(f -> "  " + f.get("call") + " [" + f.get("shape") + ", " + f.get("length") + " chars] q="
                        + escaped(String.valueOf(f.get("q"))) + "\n    " + String.valueOf(f.get("error")).replace("\n", "\n    "))
                .collect(Collectors.joining("\n"));
    }

    /** A query as a quoted string with every character outside printable ASCII as a backslash-u escape. */
    static String escaped(String q) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : q.toCharArray()) {
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20 || c > 0x7e) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append('"').toString();
    }
}
