package dev.hindsight;

import dev.hindsight.model.Problem;
import dev.hindsight.model.SiteWriter;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The publish step is atomic: a build that fails part-way, after half of the incident pages were written, leaves
 * the previous public/ byte for byte as it was, and leaves no staging folder behind.
 */
class AtomicPublishIT {
    private static final LocalDate TODAY = LocalDate.of(2025, 6, 1);

    @TempDir
    Path dir;
    Path publicDir;
    Map<String, String> before;

    private BuildOptions options() {
        return BuildOptions.defaults(dir, TODAY).withCache(dir.resolve("cache"));
    }

    @BeforeEach
    void publishAGoodSite() throws IOException {
        TestFolders.copy(TestFolders.basicSite(), dir.resolve("content"));
        BuildReport first = new Pipeline(s -> { }).build(options());
        assertThat(first.published()).as("first build: %s", first.problems()).isTrue();
        publicDir = dir.resolve("public");
        before = snapshot(publicDir);
        assertThat(before).containsKey("incidents/2024-03-11-checkout-pool/index.html");
        // The next build has new content, so a published second build would differ.
        Files.writeString(dir.resolve("content/postmortems/2025-05-01-new.md"), "---\ntitle: New incident\n"
                + "severity: SEV3\ncauses: [capacity]\n---\n## Summary\n\nSomething new.\n");
    }

    @Test
    void aWriteFailureAfterHalfThePagesLeavesThePreviousSiteUntouched() throws IOException {
        AtomicInteger pages = new AtomicInteger();
        int half = (int) before.keySet().stream().filter(p -> p.startsWith("incidents/") && p.endsWith("/index.html")).count() / 2;
        BuildReport failed = new Pipeline(s -> { }).build(options().withOutput(staging -> failingAfter(staging, half, pages)));
        assertThat(pages.get()).as("incident pages written before the failure").isGreaterThanOrEqualTo(half);
        assertThat(failed.published()).isFalse();
        assertThat(failed.problems()).anySatisfy(p -> {
            assertThat(p.isError()).isTrue();
            assertThat(p.message()).contains("disk full");
        });
        assertThat(snapshot(publicDir)).isEqualTo(before);
        assertThat(leftovers()).isEmpty();
    }

    /** An error the checks find fails the build, and the site stays as it was. */
    @Test
    void anErrorTheChecksFindLeavesThePreviousSiteUntouched() throws IOException {
        Files.writeString(dir.resolve("content/postmortems/2025-05-02-unknown.md"), "---\ntitle: Unknown cause\n"
                + "severity: SEV3\ncauses: [no-such-cause]\n---\n## Summary\n\nSee [the other one](2019-01-01-gone.md).\n");
        BuildReport failed = new Pipeline(s -> { }).build(options());
        assertThat(failed.published()).isFalse();
        assertThat(failed.stageTimes()).containsKeys("check", "index");
        assertThat(failed.problems()).filteredOn(Problem::isError).extracting(Problem::path)
                .contains("postmortems/2025-05-02-unknown.md");
        assertThat(snapshot(publicDir)).isEqualTo(before);
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void aCrashInAStageLeavesThePreviousSiteUntouched() throws IOException {
        AtomicInteger pages = new AtomicInteger();
        assertThatThrownBy(() -> new Pipeline(s -> { }).build(options().withOutput(staging -> (path, bytes) -> {
            if (path.startsWith("incidents/") && pages.incrementAndGet() > 2) {
                throw new IllegalStateException("a bug in a stage");
            }
            staging.write(path, bytes);
        }))).hasStackTraceContaining("a bug in a stage");
        assertThat(snapshot(publicDir)).isEqualTo(before);
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void withoutAFailureTheNewSiteReplacesTheOldOne() throws IOException {
        BuildReport second = new Pipeline(s -> { }).build(options());
        assertThat(second.published()).isTrue();
        Map<String, String> after = snapshot(publicDir);
        assertThat(after).containsKey("incidents/2025-05-01-new/index.html").isNotEqualTo(before);
        assertThat(leftovers()).isEmpty();
    }

    /** A writer that passes files on until a number of incident pages were written, then fails like a full disk. */
    private static SiteWriter failingAfter(SiteWriter next, int limit, AtomicInteger pages) {
        return (path, bytes) -> {
            if (path.startsWith("incidents/") && path.endsWith("/index.html") && pages.incrementAndGet() > limit) {
                throw new IOException("No space left on device (disk full, on purpose)");
            }
            next.write(path, bytes);
        };
    }

    /** Staging or old-site folders left next to public/. */
    private java.util.List<String> leftovers() throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            return list.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".public")).toList();
        }
    }

    /** Every file of a folder with its bytes, as hex of a digest, by relative path. */
    static Map<String, String> snapshot(Path root) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                out.put(root.relativize(p).toString().replace('\\', '/'), digest(Files.readAllBytes(p)));
            }
        }
        return out;
    }

    private static String digest(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
