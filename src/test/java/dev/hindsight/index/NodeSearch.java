package dev.hindsight.index;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.json.Json;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs queries through the real {@code assets/js/search-engine.js} under Node ({@code src/test/js/search-runner.js}),
 * against an exported site folder, one cold engine per query. Skips when Node is missing, except in CI.
 */
final class NodeSearch {
    private NodeSearch() {
    }

    static Path project() {
        return Path.of(System.getProperty("hindsight.project.dir", ".")).toAbsolutePath().normalize();
    }

    static Path node() {
        for (String candidate : List.of("/usr/bin/node", "/usr/local/bin/node")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return Path.of(candidate);
            }
        }
        String reason = "Node.js not found at /usr/bin/node: the JavaScript search engine tests need it (apt-get install nodejs)";
        if (System.getenv("CI") != null) {
            Assertions.fail(reason + "; CI must not skip them");
        }
        Assumptions.abort(reason);
        throw new IllegalStateException("unreachable");
    }

    /** Runs queries ({q, filters, prefix, complete, limit, fragments}) and returns one result map per query. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> run(Path siteDir, String manifest, List<Map<String, Object>> queries)
            throws IOException, InterruptedException {
        return run(siteDir, manifest, queries, List.of());
    }

    /**
     * Runs queries with the runner's extra arguments: an earlier build's manifest that a cache hands out, and
     * "sticky" when the cache ignores a request to go past it.
     */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> run(Path siteDir, String manifest, List<Map<String, Object>> queries,
                                         List<String> extra) throws IOException, InterruptedException {
        Path node = node();
        Path in = Files.createTempFile("hindsight-queries", ".json");
        Path out = Files.createTempFile("hindsight-results", ".json");
        Path err = Files.createTempFile("hindsight-errors", ".txt");
        try {
            Files.writeString(in, new Json().toJson(queries), StandardCharsets.UTF_8);
            List<String> command = new java.util.ArrayList<>(List.of(node.toString(),
                    project().resolve("src/test/js/search-runner.js").toString(),
                    project().resolve("assets/js/search-engine.js").toString(), siteDir.toString(), manifest, in.toString()));
            command.addAll(extra);
            Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!p.waitFor(5, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                Assertions.fail("node search runner timed out");
            }
            if (p.exitValue() != 0) {
                Assertions.fail("node search runner failed: " + Files.readString(err));
            }
            return (List<Map<String, Object>>) new Json().toType(Files.readString(out), Object.class);
        } finally {
            Files.deleteIfExists(in);
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /** Returns a query map for the runner. */
    static Map<String, Object> query(String q, boolean prefix) {
        return Map.of("q", q, "prefix", prefix);
    }
}
