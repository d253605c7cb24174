package dev.hindsight.browser;

import dev.hindsight.BuildOptions;
import dev.hindsight.BuildReport;
import dev.hindsight.Pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The project's own content/ site, built once per test JVM for the browser tests that use it as a person would.
 *
 * <p>The site is built into {@code <build dir>/browser-site/} with a fixed "today", so overdue action items do
 * not change from day to day, and with the bodies in incidents.json ({@code --with-bodies}): tests pick words
 * from the incidents' text there. The build dir is found from where the test classes are (its {@code test-classes}
 * folder), so parallel builds with {@code -Dhindsight.buildDir} keep their outputs apart and no machine path is
 * written down anywhere.
 */
final class ContentSite {
    /** The day overdue action items are measured against. */
    static final LocalDate TODAY = LocalDate.of(2026, 11, 1);
    /** An incident with a timeline, action items in every status, related incidents and a table of contents. */
    static final String INCIDENT = "incidents/2025-10-07-coredns-autoscaler-config-dns-failures/";
    /** One page of each kind the site has, by name; the names are used for screenshot files. */
    static final Map<String, String> PAGE_KINDS = pageKinds();

    private final Path publicDir;
    private final Path buildDir;

    private ContentSite(Path publicDir, Path buildDir) {
        this.publicDir = publicDir;
        this.buildDir = buildDir;
    }

    /** Returns the built site, building it the first time (call only after Chromium.start() succeeded). */
    static ContentSite get() {
        return Holder.SITE;
    }

    /** Returns the folder the site was published to. */
    Path publicDir() {
        return publicDir;
    }

    /** Returns a folder under the build dir for screenshots and PDFs, created if needed. */
    Path output(String name) {
        try {
            return Files.createDirectories(buildDir.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Returns the Maven build dir (target, or target-x with -Dhindsight.buildDir) the tests run from. */
    static Path buildDir() {
        try {
            Path classes = Path.of(ContentSite.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return classes.getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> pageKinds() {
        Map<String, String> kinds = new LinkedHashMap<>();
        kinds.put("home", "");
        kinds.put("start-here", "start-here/");
        kinds.put("incident", INCIDENT);
        kinds.put("incidents", "incidents/");
        kinds.put("taxonomy", "causes/");
        kinds.put("term", "causes/capacity/");
        kinds.put("service", "services/checkout-api/");
        kinds.put("history", "history/");
        kinds.put("search", "search/?q=connection+pool");
        kinds.put("action-items", "action-items/");
        kinds.put("reports", "reports/");
        kinds.put("report", "reports/2025/");
        kinds.put("404", "no/such/page/");
        return Collections.unmodifiableMap(kinds);
    }

    private static ContentSite build() {
        Path project = Path.of(System.getProperty("hindsight.project.dir", ".")).toAbsolutePath().normalize();
        Path out = buildDir().resolve("browser-site");
        BuildOptions options = BuildOptions.defaults(project, TODAY)
                .withDestination(out.resolve("public")).withCache(out.resolve("cache")).withBodies(true);
        BuildReport report = new Pipeline(line -> { }).build(options);
        if (!report.published() || report.hasErrors()) {
            throw new IllegalStateException("content/ did not build: " + report.problems());
        }
        return new ContentSite(out.resolve("public"), buildDir());
    }

    /** Builds on first use only (the JVM's lazy class initialisation), and only for tests that need it. */
    private static final class Holder {
        static final ContentSite SITE = build();
    }
}
