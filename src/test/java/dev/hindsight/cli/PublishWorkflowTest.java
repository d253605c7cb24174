package dev.hindsight.cli;

import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The publishing setup does what docs/publishing.md says: the workflow checks pull requests with GitHub annotations
 * and builds them, deploys main to Netlify with the token secret, keeps the build cache, and caches the packaged jar
 * on exactly the folders pom.xml packages, so Maven runs only when one of them changed; netlify.toml builds into
 * public/.
 */
class PublishWorkflowTest {

    @SuppressWarnings("unchecked")
    private static Map<String, Object> workflow() throws IOException {
        String text = Files.readString(Path.of(".github/workflows/publish.yml"), StandardCharsets.UTF_8);
        return (Map<String, Object>) new Load(LoadSettings.builder().build()).loadFromString(text);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> steps(Map<String, Object> wf, String job) {
        Map<String, Object> jobs = (Map<String, Object>) wf.get("jobs");
        return (List<Map<String, Object>>) ((Map<String, Object>) jobs.get(job)).get("steps");
    }

    private static int first(List<Map<String, Object>> steps, Predicate<Map<String, Object>> test) {
        for (int i = 0; i < steps.size(); i++) {
            if (test.test(steps.get(i))) {
                return i;
            }
        }
        return -1;
    }

    /** The path an actions/cache step keeps, or "" for any other step. */
    private static String cachePath(Map<String, Object> step) {
        if (!String.valueOf(step.get("uses")).startsWith("actions/cache@")) {
            return "";
        }
        return String.valueOf(((Map<?, ?>) step.get("with")).get("path")).strip();
    }

    private static String runs(List<Map<String, Object>> steps) {
        StringBuilder sb = new StringBuilder();
        steps.forEach(s -> sb.append(s.getOrDefault("run", "")).append('\n'));
        return sb.toString();
    }

    @Test
    @SuppressWarnings("unchecked")
    void pullRequestsAreCheckedWithAnnotationsAndBuilt() throws IOException {
        Map<String, Object> wf = workflow();
        Map<String, Object> on = (Map<String, Object>) wf.get("on");
        assertThat(on).containsKey("pull_request");
        assertThat((List<String>) ((Map<String, Object>) on.get("push")).get("branches")).contains("main");
        String check = runs(steps(wf, "check"));
        assertThat(check).contains("bin/hindsight check --format github").contains("bin/hindsight build");
        assertThat(check.indexOf("check --format github")).isLessThan(check.indexOf("bin/hindsight build"));
    }

    @Test
    void mainIsBuiltAndDeployedToNetlifyWithTheTokenSecret() throws IOException {
        Map<String, Object> wf = workflow();
        List<Map<String, Object>> deploy = steps(wf, "deploy");
        assertThat(runs(deploy)).contains("bin/hindsight build").contains("netlify-cli").contains("deploy --prod")
                .contains("--dir=public");
        assertThat(deploy.toString()).contains("secrets.NETLIFY_AUTH_TOKEN").contains("secrets.NETLIFY_SITE_ID");
        for (String job : List.of("check", "deploy")) {
            List<Map<String, Object>> steps = steps(wf, job);
            assertThat(steps).as("%s sets up Java 25, whose packaging makes the AOT cache", job).anySatisfy(s -> {
                assertThat(String.valueOf(s.get("uses"))).startsWith("actions/setup-java@");
                assertThat(s.get("with").toString()).contains("java-version=25");
            });
            // The launcher picks the JVM options (and the AOT cache beside the jar on JDK 25): LauncherTest.
            assertThat(runs(steps)).as("%s: Hindsight is started by bin/hindsight only", job)
                    .doesNotContain("-jar target/hindsight.jar").contains("bin/hindsight ");
            int cache = first(steps, s -> cachePath(s).equals(".hindsight-cache"));
            int build = first(steps, s -> String.valueOf(s.get("run")).contains("bin/hindsight build"));
            assertThat(cache).as("%s restores .hindsight-cache before it builds", job).isBetween(0, build - 1);
        }
    }

    @Test
    void theJarIsCachedOnEveryFolderItIsMadeOfAndPackagedOnlyOnAMiss() throws Exception {
        List<String> packaged = JarSources.packagedFolders(Path.of("pom.xml"));
        assertThat(packaged).as("read from pom.xml").contains("src/main/java", "themes", "assets");
        Map<String, Object> wf = workflow();
        for (String job : List.of("check", "deploy")) {
            List<Map<String, Object>> steps = steps(wf, job);
            int jar = first(steps, s -> cachePath(s).lines().anyMatch("target/hindsight.jar"::equals));
            assertThat(jar).as("%s caches the packaged jar", job).isNotNegative();
            assertThat(cachePath(steps.get(jar)).lines().toList()).as("%s keeps the AOT cache with the jar", job)
                    .contains("target/hindsight.aot");
            Map<String, Object> jarStep = steps.get(jar);
            String key = String.valueOf(((Map<?, ?>) jarStep.get("with")).get("key"));
            Matcher m = Pattern.compile("hashFiles\\(([^)]*)\\)").matcher(key);
            assertThat(m.find()).as("%s: the jar key hashes the jar's sources: %s", job, key).isTrue();
            List<String> globs = Pattern.compile("'([^']*)'").matcher(m.group(1)).results().map(r -> r.group(1)).toList();
            for (String folder : packaged) {
                assertThat(JarSources.covers(globs, folder)).as("%s: jar key %s covers %s", job, globs, folder).isTrue();
            }
            assertThat(globs).as("%s: the jar key covers pom.xml", job).contains("pom.xml");
            assertThat(JarSources.covers(globs, "content")).as("%s: a content edit keeps the jar", job).isFalse();

            String miss = "steps." + jarStep.get("id") + ".outputs.cache-hit != 'true'";
            int pkg = first(steps, s -> String.valueOf(s.get("run")).contains("mvn "));
            assertThat(steps.get(pkg).get("if")).as("%s packages only on a miss", job).isEqualTo(miss);
            int m2 = first(steps, s -> cachePath(s).equals("~/.m2/repository"));
            assertThat(m2).as("%s restores Maven's downloads before packaging", job).isBetween(0, pkg - 1);
            assertThat(steps.get(m2).get("if")).as("%s needs Maven's downloads only on a miss", job).isEqualTo(miss);
            assertThat(steps).as("%s: no other Maven cache runs on a hit", job).noneMatch(s ->
                    String.valueOf(s.get("with")).contains("cache=maven"));
            int use = first(steps, s -> String.valueOf(s.get("run")).contains("bin/hindsight "));
            assertThat(jar).as("%s restores the jar before anything asks whether it was there", job).isLessThan(m2);
            assertThat(pkg).as("%s packages before any use of the jar", job).isLessThan(use);
        }
    }

    @Test
    void netlifyBuildsIntoPublicWithJava17() throws IOException {
        String toml = Files.readString(Path.of("netlify.toml"), StandardCharsets.UTF_8);
        assertThat(toml).contains("publish = \"public\"").contains("command = \"bash .ci/netlify-build\"")
                .contains("JAVA_VERSION = \"17\"");
        assertThat(Path.of(".ci/netlify-build")).exists();
        assertThat(Files.readString(Path.of(".ci/netlify-build"))).contains("bin/hindsight build")
                .doesNotContain("-jar target/hindsight.jar");
    }
}
