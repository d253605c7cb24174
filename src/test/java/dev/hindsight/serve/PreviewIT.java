package dev.hindsight.serve;

import dev.hindsight.BuildOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code hindsight serve} in-process on a free port: pages are served, an edit is rebuilt and announced over the
 * event stream, a broken file shows its error while the last good site stays up, and nothing leaves the site folder.
 */
class PreviewIT {
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final String SLUG = "2024-03-11-checkout-pool";

    @TempDir
    Path project;

    private Preview preview;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final List<String> log = new java.util.concurrent.CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        Path content = Files.createDirectories(project.resolve("content/postmortems"));
        Files.writeString(project.resolve("content/site.yml"), "title: Preview test\nbase_url: https://kb.example/\n");
        Files.writeString(content.resolve(SLUG + ".md"), incident("Checkout pool ran dry"));
        Files.writeString(content.resolve("2024-05-02-unfinished-draft.md"), """
                ---
                title: Unfinished draft about queue lag
                date: 2024-05-02
                status: draft
                ---

                ## Summary

                Still being written.
                """);
        BuildOptions build = BuildOptions.defaults(project, LocalDate.of(2024, 6, 1))
                .withCache(project.resolve("cache")).withDrafts(true);
        preview = Preview.start(new ServeOptions(build, "127.0.0.1", 0, Duration.ofMillis(50)), log::add);
        BuildState first = preview.awaitVersion(1, WAIT);
        assertThat(first.version()).as("first build finished; log: %s", log).isGreaterThanOrEqualTo(1);
        assertThat(first.failed()).as("first build failed: %s", first.errors()).isFalse();
    }

    @AfterEach
    void stop() throws IOException {
        if (preview != null) {
            preview.close();
        }
    }

    private static String incident(String title) {
        return """
                ---
                title: %s
                date: 2024-03-11
                status: published
                ---

                ## Summary

                The pool ran dry.
                """.formatted(title);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(preview.url().resolve(path)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void stoppingDuringABuildIsNotReportedAsAFailedBuild() throws Exception {
        // Hundreds of new files make a rebuild long enough to be stopped in its middle, as Ctrl+C does.
        Path content = project.resolve("content/postmortems");
        long built = preview.state().version();
        for (int i = 0; i < 300; i++) {
            Files.writeString(content.resolve("2023-%02d-%02d-queue-lag-%d.md".formatted(i % 12 + 1, i % 28 + 1, i)),
                    incident("Queue lag number " + i + " on worker " + (i * 7919 % 1000)));
        }
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!preview.building() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(preview.building()).as("a rebuild started; log: %s", log).isTrue();
        Thread.sleep(300);
        preview.close();
        // The stopped build ends (and stops writing to the cache folder) before the test's folder is deleted.
        preview.awaitVersion(built + 1, WAIT);
        preview = null;
        assertThat(log).as("log").anyMatch(line -> line.equals("stopped during a build"))
                .noneMatch(line -> line.contains("crashed") || line.contains("build failed"));
    }

    @Test
    void servesPagesWithTheReloadScriptAndTheSiteHeaders() throws Exception {
        HttpResponse<String> page = get("incidents/" + SLUG + "/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Checkout pool ran dry")
                .contains("<script src=\"/__hindsight/reload.js\" data-build=\"1\" defer></script>");
        assertThat(page.headers().firstValue("Content-Security-Policy")).contains(DevServer.CSP);
        assertThat(page.headers().firstValue("Cache-Control")).contains("no-store");

        HttpResponse<String> script = get("__hindsight/reload.js");
        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.headers().firstValue("Content-Type").orElse("")).startsWith("text/javascript");
        assertThat(script.body()).contains("EventSource('/__hindsight/events?page='");

        HttpResponse<String> status = get("__hindsight/status");
        assertThat(status.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        assertThat(status.body()).isEqualTo("{\"build\":1,\"partial\":false,\"failed\":false,\"building\":false}\n");

        HttpResponse<String> noSlash = http.send(HttpRequest.newBuilder(preview.url().resolve("incidents/" + SLUG))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(noSlash.statusCode()).isEqualTo(301);
        assertThat(noSlash.headers().firstValue("Location")).contains("/incidents/" + SLUG + "/");
    }

    @Test
    void draftsAreShownWithABanner() throws Exception {
        HttpResponse<String> draft = get("incidents/2024-05-02-unfinished-draft/");
        assertThat(draft.statusCode()).isEqualTo(200);
        assertThat(draft.body()).contains("Unfinished draft about queue lag").contains("banner-draft");
    }

    @Test
    void unknownPathsGetTheSites404AndCannotLeaveTheSiteFolder() throws Exception {
        Files.writeString(project.resolve("secret.txt"), "do not serve");
        assertThat(get("no/such/page/").statusCode()).isEqualTo(404);
        HttpResponse<String> escape = http.send(HttpRequest.newBuilder(URI.create(preview.url() + "..%2F..%2Fsecret.txt"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(escape.statusCode()).isEqualTo(404);
        assertThat(escape.body()).doesNotContain("do not serve");
        assertThat(http.send(HttpRequest.newBuilder(preview.url()).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(405);
    }

    @Test
    void theEditedPageIsAnnouncedToItsOpenPageOnceItIsServed() throws Exception {
        BlockingQueue<String> events = new LinkedBlockingQueue<>();
        HttpResponse<Stream<String>> response = listen("__hindsight/events?page=" + java.net.URLEncoder.encode(
                "/incidents/" + SLUG + "/", java.nio.charset.StandardCharsets.UTF_8), events);
        assertThat(awaitLine(events, "data: {\"build\":1}")).as("the current build is announced on connect").isTrue();

        Files.writeString(project.resolve("content/postmortems/" + SLUG + ".md"), incident("Checkout pool drained"));

        assertThat(awaitLine(events, "data: {\"build\":2}")).as("the open page hears of build 2; log: %s", log).isTrue();
        assertThat(get("incidents/" + SLUG + "/").body()).as("served when announced, whether or not the build is done")
                .contains("Checkout pool drained").contains("data-build=\"2\"");
        assertThat(preview.awaitVersion(2, WAIT).failed()).isFalse();
        // The build's state is set a moment before the builder says it is idle: wait for that, as a client does.
        String status = get("__hindsight/status").body();
        for (long end = System.nanoTime() + WAIT.toNanos(); status.contains("\"building\":true") && System.nanoTime() < end; ) {
            Thread.sleep(20);
            status = get("__hindsight/status").body();
        }
        assertThat(status).contains("\"build\":2,\"partial\":false").contains("\"building\":false");
        assertThat(get("incidents/").body()).contains("Checkout pool drained");
        response.body().close();
    }

    @Test
    void aPageMadeFirstWhoseSimilarListsThenChangedIsReloaded() throws Exception {
        // A new incident's page comes first, made with the similar lists of the build before, which have none for it;
        // the build then finds it similar to the incident it repeats, so its open page is told to reload.
        String again = "2024-04-02-checkout-pool-again";
        BlockingQueue<String> events = new LinkedBlockingQueue<>();
        HttpResponse<Stream<String>> response = listen("__hindsight/events?page=" + java.net.URLEncoder.encode(
                "/incidents/" + again + "/", java.nio.charset.StandardCharsets.UTF_8), events);
        Files.writeString(project.resolve("content/postmortems/" + again + ".md"),
                incident("Checkout pool ran dry again").replace("2024-03-11", "2024-04-02"));

        assertThat(awaitLine(events, "data: {\"build\":2}")).as("the new page is served first; log: %s", log).isTrue();
        assertThat(awaitLine(events, "event: reload")).as("and reloaded once its lists are made; log: %s", log).isTrue();
        assertThat(preview.awaitVersion(2, WAIT).failed()).isFalse();
        assertThat(org.jsoup.Jsoup.parse(get("incidents/" + again + "/").body()).select(".similar-list a").eachAttr("href"))
                .containsExactly("../" + SLUG + "/index.html");
        response.body().close();
    }

    /** Opens the event stream at a path and copies its lines into a queue from a thread of its own. */
    private HttpResponse<Stream<String>> listen(String path, BlockingQueue<String> events) throws Exception {
        HttpResponse<Stream<String>> response = http.sendAsync(HttpRequest.newBuilder(preview.url().resolve(path)).build(),
                HttpResponse.BodyHandlers.ofLines()).get(30, TimeUnit.SECONDS);
        Thread reader = new Thread(() -> {
            try {
                response.body().forEach(events::add);
            } catch (java.io.UncheckedIOException e) {
                events.add("stream closed: " + e.getMessage());
            }
        }, "sse-reader");
        reader.setDaemon(true);
        reader.start();
        return response;
    }

    /**
     * The preview reads only the files its watcher names: after each change made on disk and seen by the real
     * watcher (an editor's atomic save, a file added and deleted, a backup file beside an edit, an edit in place), the
     * site served is byte for byte what a cold build of the same files makes.
     */
    @Test
    void afterChangesSeenByTheWatcherTheServedSiteIsWhatAColdBuildMakes() throws Exception {
        Path posts = project.resolve("content/postmortems");
        Path page = posts.resolve(SLUG + ".md");
        Path added = posts.resolve("2024-04-01-queue-lag.md");
        List<ThrowingStep> steps = List.of(
                () -> {
                    Path tmp = posts.resolve(SLUG + ".md.tmp42");
                    Files.writeString(tmp, incident("Checkout pool drained, saved atomically"));
                    Files.move(tmp, page, java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                            java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                },
                () -> Files.writeString(added, incident("Queue lag after a deploy").replace("2024-03-11", "2024-04-01")),
                () -> {
                    Files.writeString(posts.resolve(SLUG + ".md~"), "an editor's backup");
                    Files.writeString(page, incident("Checkout pool drained, edited in place"));
                },
                () -> Files.delete(added),
                () -> Files.writeString(posts.resolve("2024-05-02-unfinished-draft.md"),
                        "---\ntitle: A draft with a new title\ndate: 2024-05-02\nstatus: draft\n---\n\nStill.\n"));
        for (int i = 0; i < steps.size(); i++) {
            long version = preview.state().version();
            steps.get(i).run();
            BuildState s = settled(version + 1);
            assertThat(s.failed()).as("step %d: %s", i, s.errors()).isFalse();
            Path cold = project.resolve("cold-" + i);
            BuildOptions options = BuildOptions.defaults(project, LocalDate.of(2024, 6, 1)).withDrafts(true)
                    .withBaseUrl(preview.url().toString()).withCache(project.resolve("cold-cache-" + i)).withDestination(cold);
            dev.hindsight.BuildReport r = new dev.hindsight.Pipeline(x -> { }).build(options);
            assertThat(r.published()).as("%s", r.problems()).isTrue();
            dev.hindsight.publish.SiteFiles served = s.site().orElseThrow();
            java.util.Set<String> onDisk = new java.util.TreeSet<>();
            try (Stream<Path> files = Files.walk(cold)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    String rel = cold.relativize(f).toString().replace('\\', '/');
                    onDisk.add(rel);
                    assertThat(served.file(rel)).as("step %d: %s", i, rel).isPresent();
                    assertThat(served.file(rel).get()).as("step %d: %s", i, rel).isEqualTo(Files.readAllBytes(f));
                }
            }
            assertThat(served.paths()).as("step %d: the files served", i).isEqualTo(onDisk);
        }
    }

    /** A change made on disk. */
    private interface ThrowingStep {
        void run() throws IOException;
    }

    /** Waits for a build of at least this version, then until no build has run or waited for a while; returns the state. */
    private BuildState settled(long version) throws InterruptedException {
        BuildState s = preview.awaitVersion(version, WAIT);
        assertThat(s.version()).as("a rebuild after the change; log: %s", log).isGreaterThanOrEqualTo(version);
        long quietSince = System.nanoTime();
        long end = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() - quietSince < Duration.ofMillis(500).toNanos() && System.nanoTime() < end) {
            if (preview.building()) {
                quietSince = System.nanoTime();
            }
            Thread.sleep(20);
        }
        return preview.awaitVersion(preview.state().version(), WAIT);
    }

    @Test
    void anEditIsRebuiltServedAndAnnouncedOverServerSentEvents() throws Exception {
        BlockingQueue<String> events = new LinkedBlockingQueue<>();
        HttpResponse<Stream<String>> response = listen("__hindsight/events", events);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        assertThat(awaitLine(events, "data: {\"build\":1}")).as("the current build is announced on connect").isTrue();

        Files.writeString(project.resolve("content/postmortems/" + SLUG + ".md"), incident("Checkout pool exhausted again"));

        assertThat(awaitLine(events, "data: {\"build\":2}")).as("a reload event after the edit; log: %s", log).isTrue();
        HttpResponse<String> page = get("incidents/" + SLUG + "/");
        assertThat(page.body()).contains("Checkout pool exhausted again").doesNotContain("Checkout pool ran dry")
                .contains("data-build=\"2\"");
        assertThat(log).anyMatch(l -> l.matches("rebuilt .*in \\d+ ms.*"));
        response.body().close();
    }

    @Test
    void aBrokenFileShowsItsErrorWhileTheLastGoodSiteStaysUp() throws Exception {
        Path siteYml = project.resolve("content/site.yml");
        Files.writeString(siteYml, "title: [unclosed\nbase_url: https://kb.example/\n");
        BuildState broken = preview.awaitVersion(2, WAIT);
        assertThat(broken.failed()).as("log: %s", log).isTrue();
        assertThat(broken.errors()).anyMatch(p -> p.path().equals("site.yml"));

        HttpResponse<String> page = get("incidents/" + SLUG + "/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Checkout pool ran dry")
                .contains("id=\"hindsight-problems\"").contains("site.yml").contains("last good build");
        assertThat(log).anyMatch(l -> l.startsWith("build failed in ")).anyMatch(l -> l.contains("site.yml"));

        Files.writeString(siteYml, "title: Preview test\nbase_url: https://kb.example/\n");
        BuildState fixed = preview.awaitVersion(3, WAIT);
        assertThat(fixed.failed()).isFalse();
        assertThat(get("incidents/" + SLUG + "/").body()).doesNotContain("hindsight-problems");
    }

    private static boolean awaitLine(BlockingQueue<String> lines, String wanted) throws InterruptedException {
        long end = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < end) {
            String line = lines.poll(1, TimeUnit.SECONDS);
            if (wanted.equals(line)) {
                return true;
            }
        }
        return false;
    }
}
