package dev.hindsight.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * .ci/netlify-build keeps the packaged jar under a key of exactly the files the jar is made of, and Hindsight's build
 * cache in Netlify's build cache folder. The script's own functions are run by sourcing it in bash.
 */
class NetlifyBuildScriptTest {
    private static final Path SCRIPT = Path.of(".ci/netlify-build").toAbsolutePath();

    /** Sources the script (which then only defines its functions) and runs a command in a folder. */
    private static String sourced(Path dir, String command) throws IOException, InterruptedException {
        // $0 is not the script's path, so the script knows it is sourced and does not build.
        Process p = new ProcessBuilder("bash", "-c", "source \"$1\" && cd \"$2\" && " + command, "netlify-build-test",
                SCRIPT.toString(), dir.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(p.waitFor()).as(out).isZero();
        return out;
    }

    @Test
    void theJarSourcesAreEveryFolderPomXmlPackages() throws Exception {
        List<String> sources = Arrays.asList(sourced(Path.of("."), "printf '%s\\n' \"${jar_sources[@]}\"").split("\n"));
        for (String folder : JarSources.packagedFolders(Path.of("pom.xml"))) {
            assertThat(JarSources.covers(sources, folder)).as("jar_sources %s covers %s", sources, folder).isTrue();
        }
        assertThat(sources).contains("pom.xml");
        assertThat(JarSources.covers(sources, "content")).isFalse();
    }

    @Test
    void theJarKeyChangesWithTheJarsSourcesAndNotWithContent(@TempDir Path dir) throws Exception {
        write(dir.resolve("pom.xml"), "<project/>");
        write(dir.resolve("src/main/java/A.java"), "class A {}");
        write(dir.resolve("src/main/resources/r.txt"), "r");
        write(dir.resolve("themes/default/page.ftlh"), "<p>${x}</p>");
        write(dir.resolve("assets/css/site.css"), "p{}");
        write(dir.resolve("content/postmortems/a.md"), "# A");
        write(dir.resolve("src/test/java/ATest.java"), "class ATest {}");
        String key = sourced(dir, "jar_key");
        assertThat(key).matches("[0-9a-f]{64}");
        assertThat(sourced(dir, "jar_key")).as("stable").isEqualTo(key);

        write(dir.resolve("content/postmortems/a.md"), "# A, edited");
        write(dir.resolve("content/postmortems/b.md"), "# B");
        write(dir.resolve("src/test/java/ATest.java"), "class ATest { int x; }");
        assertThat(sourced(dir, "jar_key")).as("content and tests are not in the jar").isEqualTo(key);

        write(dir.resolve("themes/default/page.ftlh"), "<p>${y}</p>");
        String themed = sourced(dir, "jar_key");
        assertThat(themed).as("a theme edit").isNotEqualTo(key);
        Files.move(dir.resolve("assets/css/site.css"), dir.resolve("assets/css/main.css"));
        assertThat(sourced(dir, "jar_key")).as("a renamed asset").isNotEqualTo(themed);
    }

    @Test
    void aKeptJarOfTheSameSourcesIsReusedWithoutMaven(@TempDir Path dir) throws Exception {
        Path project = dir.resolve("project");
        write(project.resolve("pom.xml"), "<project/>");
        write(project.resolve("themes/default/page.ftlh"), "<p/>");
        String key = sourced(project, "jar_key");
        write(dir.resolve("cache/hindsight-jar/" + key + ".jar"), "the kept jar");
        // Maven is a stub that fails: a hit must not call it.
        String out = sourced(project, "mvn() { echo 'mvn called'; return 3; }; cache=\"$2/../cache\"; ensure_jar");
        assertThat(out).contains("reusing the packaged jar").doesNotContain("mvn called");
        assertThat(Files.readString(project.resolve("target/hindsight.jar"))).isEqualTo("the kept jar");

        write(project.resolve("themes/default/page.ftlh"), "<p>edited</p>");
        Process p = new ProcessBuilder("bash", "-c", "source \"$1\" && cd \"$2\" && mvn() { echo 'mvn called'; return 3; }"
                + " && cache=\"$2/../cache\" tools=\"$2/../tools\" && ensure_jar", "netlify-build-test",
                SCRIPT.toString(), project.toString()).redirectErrorStream(true).start();
        String missed = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as("a theme edit packages again").isNotZero();
        assertThat(missed).contains("mvn called");
    }

    @Test
    void hindsightsBuildCacheIsKeptInNetlifysCacheFolder() throws IOException {
        String script = Files.readString(SCRIPT);
        assertThat(script).contains("cache=\"${NETLIFY_BUILD_BASE:-$HOME}/cache\"")
                .contains("--cache-dir \"$cache/hindsight-cache\"");
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
