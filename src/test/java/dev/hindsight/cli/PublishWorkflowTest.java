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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The publishing setup does what docs/publishing.md says: the workflow checks pull requests with GitHub annotations
 * and builds them, deploys main to Netlify with the token secret, and caches Maven; netlify.toml builds into public/.
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
        assertThat(check).contains("hindsight.jar check --format github").contains("hindsight.jar build");
        assertThat(check.indexOf("check --format github")).isLessThan(check.indexOf("hindsight.jar build"));
    }

    @Test
    void mainIsBuiltAndDeployedToNetlifyWithTheTokenSecret() throws IOException {
        Map<String, Object> wf = workflow();
        List<Map<String, Object>> deploy = steps(wf, "deploy");
        assertThat(runs(deploy)).contains("hindsight.jar build").contains("netlify-cli").contains("deploy --prod")
                .contains("--dir=public");
        assertThat(deploy.toString()).contains("secrets.NETLIFY_AUTH_TOKEN").contains("secrets.NETLIFY_SITE_ID");
        for (String job : List.of("check", "deploy")) {
            assertThat(steps(wf, job)).as("%s caches ~/.m2 through setup-java", job).anySatisfy(s -> {
                assertThat(String.valueOf(s.get("uses"))).startsWith("actions/setup-java@");
                assertThat(s.get("with").toString()).contains("cache=maven").contains("java-version=17");
            });
            List<Map<String, Object>> steps = steps(wf, job);
            int cache = -1;
            int build = -1;
            for (int i = 0; i < steps.size(); i++) {
                if (String.valueOf(steps.get(i).get("uses")).startsWith("actions/cache@")
                        && steps.get(i).get("with").toString().contains("path=.hindsight-cache")) {
                    cache = i;
                }
                if (String.valueOf(steps.get(i).get("run")).contains("hindsight.jar build") && build < 0) {
                    build = i;
                }
            }
            assertThat(cache).as("%s restores .hindsight-cache before it builds", job).isBetween(0, build - 1);
        }
    }

    @Test
    void netlifyBuildsIntoPublicWithJava17() throws IOException {
        String toml = Files.readString(Path.of("netlify.toml"), StandardCharsets.UTF_8);
        assertThat(toml).contains("publish = \"public\"").contains("command = \"bash .ci/netlify-build\"")
                .contains("JAVA_VERSION = \"17\"");
        assertThat(Path.of(".ci/netlify-build")).exists();
        assertThat(Files.readString(Path.of(".ci/netlify-build"))).contains("hindsight.jar build");
    }
}
