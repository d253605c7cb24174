package dev.hindsight;

import dev.hindsight.cli.Main;
import dev.hindsight.model.Problem;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Builds without the build cache: asked to ({@code --no-cache}), or because the cache folder cannot be made. Either
 * way the site is published byte for byte as a build with the cache publishes it.
 */
class NoCacheBuildIT {
    private static final LocalDate TODAY = LocalDate.of(2025, 6, 1);

    @TempDir
    Path dir;

    @Test
    void aBuildWithoutTheCacheLeavesTheCacheFolderAloneAndPublishesTheSameSite() throws IOException {
        TestFolders.copy(TestFolders.basicSite(), dir.resolve("content"));
        BuildOptions options = BuildOptions.defaults(dir, TODAY).withCache(dir.resolve("cache"));
        BuildReport cached = new Pipeline(s -> { }).build(options);
        assertThat(cached.published()).isTrue();

        BuildOptions without = options.withCache(dir.resolve("unused")).withDestination(dir.resolve("without"))
                .withoutCache();
        BuildReport report = new Pipeline(s -> { }).build(without);
        assertThat(report.published()).isTrue();
        assertThat(report.cachedPages()).isZero();
        assertThat(report.problems()).noneMatch(p -> p.rule().equals("cache") || p.rule().equals("search-index"));
        assertThat(dir.resolve("unused")).doesNotExist();
        assertThat(files(dir.resolve("without"))).isEqualTo(files(dir.resolve("public")));

        // Without the cache, a second build is as cold as the first: nothing was kept for it.
        BuildReport again = new Pipeline(s -> { }).build(without.withDestination(dir.resolve("again")));
        assertThat(again.cachedPages()).isZero();
        assertThat(files(dir.resolve("again"))).isEqualTo(files(dir.resolve("public")));
    }

    @Test
    void aCacheFolderThatCannotBeMadeIsANoteAndTheSiteIsStillPublished() throws IOException {
        TestFolders.copy(TestFolders.basicSite(), dir.resolve("content"));
        BuildReport cached = new Pipeline(s -> { }).build(BuildOptions.defaults(dir, TODAY).withCache(dir.resolve("cache")));
        assertThat(cached.published()).isTrue();
        // A file where the cache folder's parent should be: no folder can be made under it.
        Files.writeString(dir.resolve("blocked"), "not a folder");
        BuildOptions blocked = BuildOptions.defaults(dir, TODAY).withCache(dir.resolve("blocked/cache"))
                .withDestination(dir.resolve("blocked-out"));
        BuildReport report = new Pipeline(s -> { }).build(blocked);
        assertThat(report.published()).isTrue();
        assertThat(report.problems()).noneMatch(Problem::isError);
        assertThat(report.problems()).filteredOn(p -> p.rule().equals("cache")).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("ran without it"));
        assertThat(files(dir.resolve("blocked-out"))).isEqualTo(files(dir.resolve("public")));
    }

    @Test
    void theBuildCommandTakesNoCache() throws IOException {
        TestFolders.copy(TestFolders.basicSite(), dir.resolve("content"));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), new String[] {"build", "--no-cache", "-s",
                dir.toString(), "--cache-dir", dir.resolve("cache").toString(), "--today", TODAY.toString()});
        assertThat(code).as(err.toString()).isZero();
        assertThat(dir.resolve("public/index.html")).isRegularFile();
        assertThat(dir.resolve("cache")).doesNotExist();
        assertThat(dir.resolve(".hindsight-cache")).doesNotExist();
    }

    /** Returns every file of a folder by its relative path, with its bytes as text (ISO-8859-1: byte for byte). */
    private static Map<String, String> files(Path root) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> w = Files.walk(root)) {
            for (Path p : w.filter(Files::isRegularFile).toList()) {
                out.put(root.relativize(p).toString(), new String(Files.readAllBytes(p), java.nio.charset.StandardCharsets.ISO_8859_1));
            }
        }
        return out;
    }
}
