package dev.hindsight;

import dev.hindsight.model.CacheMemory;
import dev.hindsight.model.ContentChanges;
import dev.hindsight.publish.Publisher;
import dev.hindsight.publish.SiteFiles;
import dev.hindsight.publish.Staging;
import dev.hindsight.render.Themes;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.lifecycle.AfterProperty;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A warm build (one that reuses the cache of the builds before it) publishes byte for byte what a cold build of the
 * same input publishes, after any sequence of edits: bodies, titles, causes, dates and services; files added,
 * deleted and renamed (also by case only); drafts published; site.yml, a template, an asset and an image in a bundle
 * changed; an editor's backup file come or gone; another day, base URL or drafts switch; and cache entries
 * truncated, emptied or with a byte flipped. Each sequence runs a warm build after every step, so stale entries of
 * every intermediate state are in the cache when the last one is compared with a cold build. About half the sequences
 * run as the preview does (one cache memory in front of the folder for the whole sequence, the site published to
 * memory, and each build told which content paths changed, as the watcher tells it), so both kinds of warm build are
 * held to the cold one.
 */
class WarmBuildIT {
    private static final LocalDate TODAY = LocalDate.of(2025, 6, 1);
    private static final int GENERATED = 26;
    private Path template;

    enum Step { BODY, TITLE, CAUSE, DATE, SERVICE, ADD, DELETE, RENAME, RENAME_CASE, PUBLISH_DRAFT, SITE_YML, TEMPLATE,
        ASSET, IMAGE, TODAY, BASE_URL, DRAFTS, CORRUPT_CACHE, BACKUP_FILE }

    @Provide
    Arbitrary<List<Step>> steps() {
        return Arbitraries.of(Step.class).list().ofMinSize(1).ofMaxSize(6);
    }

    @Property(tries = 200, seed = "20261203")
    void aWarmBuildEqualsAColdBuild(@ForAll("steps") List<Step> steps, @ForAll boolean preview) throws IOException {
        Statistics.label("steps in a sequence").collect(steps.size());
        Statistics.label("runs as").collect(preview ? "preview" : "build");
        steps.forEach(s -> Statistics.label("step").collect(s));
        Path dir = TestFolders.scratch("warm-build");
        try {
            check(dir, steps, preview);
        } finally {
            delete(dir);
        }
    }

    private void check(Path dir, List<Step> steps, boolean preview) throws IOException {
        TestFolders.copy(built(), dir);
        Project p = Project.at(dir);
        CacheMemory memory = preview ? CacheMemory.create() : CacheMemory.none();
        AtomicReference<SiteFiles> served = new AtomicReference<>();
        Publisher publisher = preview ? Publisher.memory(served::set) : Publisher.folder();
        // A preview keeps one pipeline for all its builds, as serve does; a build starts a new one, as each CI run does.
        // The pipelines of all sequences share parsed templates (kept by the build stamp, which digests the templates),
        // only to spare the test from parsing them a thousand times. The cold build parses its own: it shares nothing.
        Pipeline previewPipeline = new Pipeline(x -> { }, publisher, memory, shared);
        // A build sequence's earlier builds publish to memory: only the cache they leave is carried to the next one
        // (a publisher writes no cache entry), and only the last build's site is compared. Its last build publishes
        // to the folder, as CI does.
        Publisher earlier = Publisher.memory(site -> { });
        int n = 0;
        BuildReport last = null;
        for (Step s : steps) {
            // The preview's watcher names every path that changed: here, what differs between the folder before and
            // after the step, as an ideal watcher would see it.
            Map<String, String> contentBefore = preview ? contentState(dir.resolve("content")) : Map.of();
            p = p.apply(s, n++);
            ContentChanges changes = preview ? ContentChanges.only(changedPaths(contentBefore, contentState(dir.resolve("content"))))
                    : ContentChanges.UNKNOWN;
            Publisher to = preview || n == steps.size() ? publisher : earlier;
            Pipeline pipeline = preview ? previewPipeline : new Pipeline(x -> { }, to, memory, shared);
            // The preview makes some pages first, as serve does for the edited file and the open pages: they must be
            // the bytes the build then publishes, and making them first must not change what it publishes.
            Map<String, byte[]> first = new TreeMap<>();
            Optional<String> listsBefore = Optional.ofNullable(served.get()).map(WarmBuildIT::similarLists);
            BuildReport r = pipeline.build(p.options().withCache(dir.resolve("cache")),
                    preview ? new FirstPages(firstSources(dir), Set.of("index.html", "incidents/index.html"), first::putAll)
                            : FirstPages.NONE, changes);
            assertThat(r.published()).as("build: %s", r.problems()).isTrue();
            assertThat(first.isEmpty()).as("pages made first after %s", steps).isEqualTo(!preview);
            // A page made first is the page published, but when the similar lists changed: it was made with those of
            // the build before (the preview then reloads it).
            for (Map.Entry<String, byte[]> f : first.entrySet()) {
                byte[] published = served.get().file(f.getKey()).orElseThrow();
                if (!java.util.Arrays.equals(published, f.getValue())) {
                    assertThat(listsBefore).as("%s made first after %s differs from the page published", f.getKey(), steps)
                            .isPresent().get().isNotEqualTo(similarLists(served.get()));
                }
            }
            last = r;
        }
        Map<String, byte[]> warm = new TreeMap<>();
        if (preview) {
            served.get().paths().forEach(path -> warm.put(path, served.get().file(path).orElseThrow()));
        } else {
            warm.putAll(snapshot(dir.resolve("public")));
        }
        // The cold build publishes to memory: the folder publisher's bytes are the same (the build sequences above
        // publish to the folder and are compared with it), and a test of 200 sequences spends less time creating files.
        AtomicReference<SiteFiles> coldSite = new AtomicReference<>();
        BuildReport coldBuild = new Pipeline(x -> { }, Publisher.memory(coldSite::set), CacheMemory.none(), new Themes())
                .build(p.to(dir.resolve("cold")).options().withCache(dir.resolve("cold-cache")));
        assertThat(coldBuild.published()).as("cold build: %s", coldBuild.problems()).isTrue();
        // The check's findings are kept in the cache too: the same as a cold build's, but for notes about the cache.
        assertThat(findings(last)).as("problems after %s", steps).isEqualTo(findings(coldBuild));
        Map<String, byte[]> cold = new TreeMap<>();
        coldSite.get().paths().forEach(path -> cold.put(path, coldSite.get().file(path).orElseThrow()));
        assertThat(warm.keySet()).as("files after %s", steps).isEqualTo(cold.keySet());
        for (String path : cold.keySet()) {
            assertThat(new String(warm.get(path), java.nio.charset.StandardCharsets.UTF_8))
                    .as("%s after %s", path, steps).isEqualTo(new String(cold.get(path), java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    private static final java.util.regex.Pattern SIMILAR = java.util.regex.Pattern.compile("\"similar\":\\[(?:[^\\[\\]]|\\[[^\\[\\]]*\\])*\\]");

    /** Returns every incident's similar list as a site's incidents.json and its parts give them, in order. */
    private static String similarLists(SiteFiles site) {
        StringBuilder lists = new StringBuilder();
        site.paths().stream().filter(path -> path.matches("incidents(-\\w+\\.json\\.gz|\\.json)")).sorted().forEach(path -> {
            byte[] bytes = site.file(path).orElseThrow();
            java.util.regex.Matcher m = SIMILAR.matcher(new String(path.endsWith(".gz") ? inflate(bytes) : bytes,
                    java.nio.charset.StandardCharsets.UTF_8));
            while (m.find()) {
                lists.append(m.group()).append('\n');
            }
        });
        return lists.toString();
    }

    private static byte[] inflate(byte[] gz) {
        try {
            return dev.hindsight.model.GzipTest.inflate(gz);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Returns every file and folder under the content folder, hidden ones too: a file by its bytes' digest. */
    private static Map<String, String> contentState(Path content) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> w = Files.walk(content)) {
            for (Path f : w.filter(f -> !f.equals(content)).toList()) {
                String path = content.relativize(f).toString().replace('\\', '/');
                out.put(path, Files.isDirectory(f) ? "folder" : dev.hindsight.model.KeyHash.hex(Files.readAllBytes(f)));
            }
        }
        return out;
    }

    /** Returns the paths whose state differs between two snapshots: created, deleted or changed. */
    private static Set<String> changedPaths(Map<String, String> before, Map<String, String> after) {
        Set<String> changed = new TreeSet<>();
        before.forEach((path, state) -> {
            if (!state.equals(after.get(path))) {
                changed.add(path);
            }
        });
        after.keySet().stream().filter(path -> !before.containsKey(path)).forEach(changed::add);
        return changed;
    }

    /** Returns the content files whose pages the preview makes first: two postmortems, by name. */
    private static Set<String> firstSources(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir.resolve("content/postmortems"))) {
            return files.map(f -> "postmortems/" + f.getFileName()).filter(f -> f.endsWith(".md")).sorted().limit(2)
                    .collect(java.util.stream.Collectors.toSet());
        }
    }

    private static List<dev.hindsight.model.Problem> findings(BuildReport r) {
        return r.problems().stream().filter(x -> !x.rule().equals("cache")).toList();
    }

    /** Parsed templates, shared by the warm builds of every sequence: a theme is a function of the build stamp. */
    private final Themes shared = new Themes();

    /**
     * Returns the fixture project after its first build (content and cache), made once and copied for each sequence:
     * that build is the same for all of them. Its site is left out: no build reads the site it replaces.
     */
    private Path built() throws IOException {
        if (template == null) {
            Path dir = TestFolders.scratch("warm-template");
            build(Project.make(dir), dir.resolve("cache"));
            Staging.deleteTree(dir.resolve("public"));
            template = dir;
        }
        return template;
    }

    @AfterProperty
    void clean() throws IOException {
        if (template != null) {
            delete(template);
        }
        template = null;
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> w = Files.walk(dir)) {
            for (Path f : w.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(f);
            }
        }
    }

    private static void build(Project p, Path cache) {
        BuildReport r = new Pipeline(s -> { }).build(p.options().withCache(cache));
        assertThat(r.published()).as("build: %s", r.problems()).isTrue();
    }

    /** A project folder and the options it is built with. */
    private record Project(Path dir, Path out, LocalDate today, String baseUrl, boolean drafts) {
        static Project make(Path dir) throws IOException {
            TestFolders.copy(TestFolders.basicSite(), dir.resolve("content"));
            String[] services = {"checkout-api", "orders-db", "dns"};
            String[] causes = {"capacity", "config-change", "dependency"};
            // Within the basic site's years (2022 to 2025), so each build makes five reports (four years and all), not
            // six: the reports are a third of a build, and one more year adds no kind of change to test.
            for (int i = 0; i < GENERATED; i++) {
                Files.writeString(dir.resolve("content/postmortems/" + file(i)), incident(i, "Incident " + i + " in "
                        + services[i % services.length], LocalDate.of(2023, 1, 5).plusDays(34L * i),
                        services[i % services.length], causes[i % causes.length], i % 9 == 8));
            }
            Files.createDirectories(dir.resolve("themes/default/partials"));
            Files.createDirectories(dir.resolve("assets/css"));
            return at(dir);
        }

        /** Returns the fixture project in a folder, with the options of its first build. */
        static Project at(Path dir) {
            return new Project(dir, dir.resolve("public"), TODAY, "https://fixture.example.org/kb/", false);
        }

        static String file(int i) {
            return String.format("gen-%02d.md", i);
        }

        static String incident(int i, String title, LocalDate date, String service, String cause, boolean draft) {
            return "---\ntitle: " + title + "\ndate: " + date + "\nseverity: SEV" + (1 + i % 3) + "\nservices: [" + service
                    + "]\nteams: [payments]\ncauses: [" + cause + "]\n" + (draft ? "status: draft\n" : "")
                    + "action_items:\n  - title: Fix thing " + i + "\n    owner: payments\n    due: " + date.plusDays(30)
                    + "\n    status: open\n---\n\n## Summary\n\nThe " + service + " pool ran dry after a " + cause
                    + " change.\n\n## Root cause\n\nA " + cause + " in " + service + " exhausted the pool.\n";
        }

        BuildOptions options() {
            BuildOptions o = new BuildOptions(dir, dir.resolve("content"), out, dir.resolve("cache"), true, java.util.Optional.of(baseUrl),
                    drafts, false, today, java.util.function.UnaryOperator.identity());
            return o;
        }

        Project to(Path other) {
            return new Project(dir, other, today, baseUrl, drafts);
        }

        Project apply(Step s, int n) throws IOException {
            Path pm = dir.resolve("content/postmortems");
            List<Path> files;
            try (Stream<Path> w = Files.list(pm)) {
                files = w.filter(f -> f.getFileName().toString().startsWith("gen-")).sorted().toList();
            }
            Path target = files.isEmpty() ? null : files.get((n * 7) % files.size());
            switch (s) {
                case BODY -> edit(target, "exhausted the pool.", "exhausted the pool, again (" + n + ").");
                case TITLE -> edit(target, "title: ", "title: Renamed " + n + " ");
                case CAUSE -> edit(target, "causes: [", "causes: [dependency, ");
                case DATE -> edit(target, "date: 20", "date: 19");
                case SERVICE -> edit(target, "services: [", "services: [dns, ");
                case ADD -> Files.writeString(pm.resolve("added-" + n + ".md"), incident(100 + n, "Added " + n,
                        LocalDate.of(2024, 2, 1).plusDays(n), "orders-db", "capacity", false));
                case DELETE -> {
                    if (target != null) {
                        Files.delete(target);
                    }
                }
                case RENAME -> {
                    if (target != null) {
                        Files.move(target, pm.resolve("moved-" + n + "-" + target.getFileName()));
                    }
                }
                case RENAME_CASE -> {
                    if (target != null) {
                        Path tmp = pm.resolve("tmp-" + n);
                        Files.move(target, tmp);
                        Files.move(tmp, pm.resolve(target.getFileName().toString().toUpperCase(java.util.Locale.ROOT)
                                .replace(".MD", ".md")));
                    }
                }
                case PUBLISH_DRAFT -> {
                    for (Path f : files) {
                        edit(f, "status: draft\n", "");
                    }
                }
                case SITE_YML -> edit(dir.resolve("content/site.yml"), "title: Fixture Incidents", "title: Fixture Incidents " + n);
                case TEMPLATE -> {
                    Path layout = dir.resolve("themes/default/partials/components.ftlh");
                    if (!Files.exists(layout)) {
                        Path builtIn = Path.of(System.getProperty("hindsight.project.dir", ".")).toAbsolutePath()
                                .resolve("themes/default/partials/components.ftlh");
                        Files.copy(builtIn, layout);
                    }
                    // A change the pages show (an HTML comment before each list of term links), so a page or a theme
                    // kept from before the edit differs from the cold build.
                    String macro = "<#macro terms list>";
                    String text = Files.readString(layout);
                    assertThat(text).contains(macro);
                    Files.writeString(layout, text.replace(macro, macro + "<!-- edit " + n + " -->"));
                }
                case IMAGE -> {
                    Path svg = dir.resolve("content/postmortems/2024-07-01-dns-near-miss/latency.svg");
                    Files.writeString(svg, Files.readString(svg).replace("</svg>", "<!-- edit " + n + " --></svg>"));
                }
                case ASSET -> Files.writeString(dir.resolve("assets/css/extra.css"), "body { margin: " + n + "px; }\n");
                case CORRUPT_CACHE -> corrupt(dir.resolve("cache"), n);
                case BACKUP_FILE -> {
                    // An editor's backup comes or goes: the file list (and the report's count of skipped files) shows it.
                    Path backup = pm.resolve("gen-00.md~");
                    if (Files.exists(backup)) {
                        Files.delete(backup);
                    } else {
                        Files.writeString(backup, "---\ntitle: an old copy\n---\n");
                    }
                }
                case TODAY -> {
                    return new Project(dir, out, today.plusDays(40), baseUrl, drafts);
                }
                case BASE_URL -> {
                    return new Project(dir, out, today, "https://preview-" + n + ".example.net/", drafts);
                }
                case DRAFTS -> {
                    return new Project(dir, out, today, baseUrl, !drafts);
                }
                default -> throw new IllegalStateException(s.toString());
            }
            return this;
        }

        /** Damages every third cache entry: truncated, a byte flipped, or emptied, as a killed job or bad disk leaves it. */
        private static void corrupt(Path cache, int n) throws IOException {
            List<Path> entries;
            try (Stream<Path> w = Files.walk(cache)) {
                entries = w.filter(Files::isRegularFile).sorted().toList();
            }
            for (int i = n % 3; i < entries.size(); i += 3) {
                byte[] b = Files.readAllBytes(entries.get(i));
                switch (i % 3) {
                    case 0 -> Files.write(entries.get(i), java.util.Arrays.copyOf(b, b.length / 2));
                    case 1 -> {
                        if (b.length > 0) {
                            b[b.length / 2] ^= 0x5a;
                        }
                        Files.write(entries.get(i), b);
                    }
                    default -> Files.write(entries.get(i), new byte[0]);
                }
            }
        }

        private static void edit(Path f, String from, String to) {
            if (f == null) {
                return;
            }
            try {
                Files.writeString(f, Files.readString(f).replaceFirst(java.util.regex.Pattern.quote(from),
                        java.util.regex.Matcher.quoteReplacement(to)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static Map<String, byte[]> snapshot(Path root) throws IOException {
        Map<String, byte[]> out = new TreeMap<>();
        try (Stream<Path> w = Files.walk(root)) {
            for (Path f : w.filter(Files::isRegularFile).toList()) {
                out.put(root.relativize(f).toString().replace('\\', '/'), Files.readAllBytes(f));
            }
        }
        return out;
    }
}
