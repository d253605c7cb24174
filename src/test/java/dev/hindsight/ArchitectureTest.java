package dev.hindsight;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks that data flows one way: each stage package imports only model and the stages before it.
 */
class ArchitectureTest {
    /** The stages in pipeline order; a stage may import itself, model and any stage listed before it. */
    private static final List<String> ORDER = List.of("model", "config", "load", "check", "analyze", "index",
            "render", "report", "publish");
    /** Packages outside the recipe and what they may use besides model and the stages. */
    private static final Map<String, Set<String>> EXTRA = Map.of(
            "serve", Set.of("root"),
            "migrate", Set.of(),
            "cli", Set.of("root", "serve", "migrate"),
            "root", Set.of());

    private static final Pattern IMPORT = Pattern.compile("^import\\s+(?:static\\s+)?dev\\.hindsight\\.([a-z]+)?\\.?([A-Za-z.]*);",
            Pattern.MULTILINE);

    @Test
    void stagesImportOnlyModelAndEarlierStages() throws IOException {
        Path src = Path.of(System.getProperty("hindsight.project.dir", ".")).resolve("src/main/java/dev/hindsight");
        List<String> violations = new ArrayList<>();
        int files = 0;
        try (Stream<Path> walk = Files.walk(src)) {
            for (Path file : walk.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                files++;
                String pkg = src.relativize(file).getNameCount() == 1 ? "root" : src.relativize(file).getName(0).toString();
                for (String imported : importedPackages(Files.readString(file))) {
                    if (!allowed(pkg, imported)) {
                        violations.add(src.relativize(file) + " imports dev.hindsight." + imported);
                    }
                }
            }
        }
        assertThat(files).as("source files found").isGreaterThan(10);
        assertThat(violations).as("imports against the pipeline order").isEmpty();
    }

    @Test
    void aStageImportingALaterStageIsCaught() {
        assertThat(allowed("load", "render")).isFalse();
        assertThat(allowed("render", "index")).isTrue();
        assertThat(allowed("model", "load")).isFalse();
        assertThat(allowed("serve", "cli")).isFalse();
        assertThat(allowed("cli", "serve")).isTrue();
    }

    private static Set<String> importedPackages(String source) {
        Set<String> out = new TreeSet<>();
        Matcher m = IMPORT.matcher(source);
        while (m.find()) {
            String first = m.group(1);
            // "import dev.hindsight.Pipeline;" has no sub-package: the regex puts nothing lower-case in group 1.
            out.add(first == null || first.isEmpty() ? "root" : first);
        }
        // Fully qualified uses in code count too.
        Matcher q = Pattern.compile("\\bdev\\.hindsight\\.([a-z]+)\\.[A-Z]").matcher(source);
        while (q.find()) {
            out.add(q.group(1));
        }
        return out;
    }

    static boolean allowed(String pkg, String imported) {
        if (pkg.equals(imported) || imported.equals("model")) {
            return true;
        }
        int from = ORDER.indexOf(pkg);
        int to = ORDER.indexOf(imported);
        if (from >= 0) {
            return to >= 0 && to < from;
        }
        Set<String> extra = EXTRA.getOrDefault(pkg, Set.of());
        return to >= 0 || extra.contains(imported);
    }
}
