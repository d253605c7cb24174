package dev.hindsight.serve;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class SiteWatcherTest {
    private static final Duration SHORT = Duration.ofMillis(50);

    @TempDir
    Path dir;

    /** Collects reported paths until the wanted one shows up, or 20 s pass. */
    private static Set<Path> until(BlockingQueue<Set<Path>> reports, Path wanted) throws InterruptedException {
        Set<Path> seen = new HashSet<>();
        long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!seen.contains(wanted) && System.nanoTime() < end) {
            Set<Path> r = reports.poll(200, TimeUnit.MILLISECONDS);
            if (r != null) {
                seen.addAll(r);
            }
        }
        return seen;
    }

    /** Starts a watcher on content/ that reports into the queue. */
    private SiteWatcher watch(Path content, List<Path> excluded, Duration debounce, BlockingQueue<Set<Path>> reports)
            throws IOException {
        SiteWatcher w = new SiteWatcher(List.of(content, dir.resolve("missing")), excluded, debounce, b -> {
            if (!b.changed().isEmpty()) {
                reports.add(b.changed());
            }
        });
        w.start();
        return w;
    }

    private static long threadsNamed(String prefix) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().startsWith(prefix)).count();
    }

    @Test
    void reportsChangesOnceQuietIncludingNewFoldersAndSkipsHiddenAndExcludedFiles() throws Exception {
        Path content = Files.createDirectories(dir.resolve("content/postmortems"));
        Path out = Files.createDirectories(dir.resolve("content/out"));
        BlockingQueue<Set<Path>> reports = new LinkedBlockingQueue<>();
        try (SiteWatcher w = watch(dir.resolve("content"), List.of(out), SHORT, reports)) {
            Path a = content.resolve("a.md");
            Path b = content.resolve("b.md");
            Files.writeString(dir.resolve("content/.a.md.swp"), "x");
            Files.writeString(out.resolve("index.html"), "x");
            Files.writeString(a, "a");
            Files.writeString(b, "b");
            Set<Path> first = until(reports, b);
            assertThat(first).contains(a, b).noneMatch(p -> p.getFileName().toString().startsWith("."))
                    .noneMatch(p -> p.startsWith(out));

            // The folder and its file are made at once: the file is reported even if it was written before
            // the new folder was being watched.
            Path index = content.resolve("2024-01-01-bundle/images/index.md");
            Files.createDirectories(index.getParent());
            Files.writeString(index, "x");
            assertThat(until(reports, index)).as("a file in a folder created after the start").contains(index);
        }
    }

    @Test
    void reportsASaveAndADeletionOfFilesThatWereThereBeforeTheStart() throws Exception {
        Path content = Files.createDirectories(dir.resolve("content"));
        Path x = Files.writeString(content.resolve("x.md"), "before");
        Path gone = Files.writeString(content.resolve("gone.md"), "x");
        BlockingQueue<Set<Path>> reports = new LinkedBlockingQueue<>();
        try (SiteWatcher w = watch(content, List.of(), SHORT, reports)) {
            Files.writeString(x, "after");
            assertThat(until(reports, x)).containsExactly(x);
            Files.delete(gone);
            assertThat(until(reports, gone)).as("a deleted file").containsExactly(gone);
        }
    }

    @Test
    void anAtomicSaveIsOneEditOfTheRealFile() throws Exception {
        Path content = Files.createDirectories(dir.resolve("content/postmortems"));
        Path x = Files.writeString(content.resolve("x.md"), "before");
        BlockingQueue<Set<Path>> reports = new LinkedBlockingQueue<>();
        // A debounce long enough that the temporary file's write and its rename fall in one quiet period.
        try (SiteWatcher w = watch(dir.resolve("content"), List.of(), Duration.ofMillis(400), reports)) {
            Path tmp = content.resolve("x.md.tmp8321");
            Files.writeString(tmp, "after");
            Files.move(tmp, x, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            assertThat(until(reports, x)).containsExactly(x);
            assertThat(Files.readString(x)).isEqualTo("after");

            // vim's probe file, then a second save the same way: again only the real file.
            Files.writeString(content.resolve("4913"), "");
            Files.delete(content.resolve("4913"));
            Path tmp2 = content.resolve(".x.md.tmp-2");
            Files.writeString(tmp2, "again");
            Files.move(tmp2, x, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            assertThat(until(reports, x)).containsExactly(x);
        }
    }

    @Test
    void filesUnderHiddenOrExcludedFoldersAreNotReportedOldOrNew() throws Exception {
        Path content = Files.createDirectories(dir.resolve("content"));
        Path git = Files.createDirectories(content.resolve(".git/objects"));
        Path cache = Files.createDirectories(content.resolve("cache"));
        BlockingQueue<Set<Path>> reports = new LinkedBlockingQueue<>();
        try (SiteWatcher w = watch(content, List.of(cache), SHORT, reports)) {
            Files.writeString(git.resolve("ab12"), "x");
            Files.writeString(Files.createDirectories(content.resolve(".hidden-new/sub")).resolve("c.md"), "x");
            Files.writeString(Files.createDirectories(cache.resolve("new")).resolve("page.html"), "x");
            Files.writeString(content.resolve("notes.md~"), "x");
            Path sentinel = Files.writeString(content.resolve("sentinel.md"), "x");
            assertThat(until(reports, sentinel)).containsExactly(sentinel);
        }
    }

    /**
     * A change that starts no build is still handed on, with the next change that does: the rebuild's walk lists a
     * hidden file or a backup, so its load must hear that one came or went. What is inside a hidden folder is never
     * listed, and never handed on.
     */
    @Test
    void quietChangesComeWithTheNextChangeButNothingFromInsideAHiddenFolder() throws Exception {
        Path content = Files.createDirectories(dir.resolve("content"));
        Path git = Files.createDirectories(content.resolve(".git"));
        BlockingQueue<ChangeBatch.Batch> batches = new LinkedBlockingQueue<>();
        try (SiteWatcher w = new SiteWatcher(List.of(content), List.of(), SHORT, batches::add)) {
            w.start();
            Path backup = Files.writeString(content.resolve("notes.md~"), "x");
            Path hidden = Files.writeString(content.resolve(".draft.md"), "x");
            Files.writeString(git.resolve("index"), "x");
            // Nothing that starts a build yet: no batch comes.
            assertThat(batches.poll(SHORT.toMillis() * 4 + 300, TimeUnit.MILLISECONDS)).isNull();
            Path real = Files.writeString(content.resolve("a.md"), "x");
            Set<Path> changed = new HashSet<>();
            Set<Path> seen = new HashSet<>();
            long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (!changed.contains(real) && System.nanoTime() < end) {
                ChangeBatch.Batch b = batches.poll(200, TimeUnit.MILLISECONDS);
                if (b != null) {
                    changed.addAll(b.changed());
                    seen.addAll(b.seen());
                }
            }
            assertThat(changed).containsExactly(real);
            assertThat(seen).contains(real, backup, hidden).doesNotContain(git.resolve("index"));
        }
    }

    @Test
    void writesNothingToStandardErrorWhileWatching() throws Exception {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            Path content = Files.createDirectories(dir.resolve("content"));
            BlockingQueue<Set<Path>> reports = new LinkedBlockingQueue<>();
            try (SiteWatcher w = watch(content, List.of(), SHORT, reports)) {
                Path a = Files.writeString(content.resolve("a.md"), "x");
                assertThat(until(reports, a)).contains(a);
                Files.delete(a);
                assertThat(until(reports, a)).contains(a);
            }
        } finally {
            System.setErr(original);
        }
        assertThat(captured.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    /**
     * The logging library the watcher brings announces itself on standard error the first time it is used in a JVM
     * unless a binding is on the class path: checked in a fresh JVM, since this one may have used it already.
     */
    @Test
    void aFreshJvmWatchingPrintsNothingToStandardError() throws Exception {
        Path content = Files.createDirectories(dir.resolve("content"));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                WatchOnce.class.getName(), content.toString()).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("the child JVM ended").isTrue();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(out).as("the child saw its save").contains("reported " + content.resolve("a.md"));
        assertThat(err).isEmpty();
        assertThat(p.exitValue()).isZero();
    }

    /** Run by {@link #aFreshJvmWatchingPrintsNothingToStandardError()}: watches a folder, saves a file, prints the report. */
    static final class WatchOnce {
        public static void main(String[] args) throws Exception {
            Path content = Path.of(args[0]);
            BlockingQueue<Set<Path>> reports = new LinkedBlockingQueue<>();
            try (SiteWatcher w = new SiteWatcher(List.of(content), List.of(), SHORT, b -> reports.add(b.changed()))) {
                w.start();
                Path a = Files.writeString(content.resolve("a.md"), "x");
                System.out.println("reported " + String.join(" ", until(reports, a).stream().map(Path::toString).toList()));
            }
        }
    }

    @Test
    void closeEndsItsThreads() throws Exception {
        Path content = Files.createDirectories(dir.resolve("content"));
        long before = threadsNamed("hindsight-watch");
        long jdkBefore = threadsNamed("FileSystemWatcher");
        for (int i = 0; i < 10; i++) {
            // Closed at once, before its threads may have run at all.
            watch(content, List.of(), SHORT, new LinkedBlockingQueue<>()).close();
            assertThat(threadsNamed("hindsight-watch")).isEqualTo(before);
        }
        List<SiteWatcher> all = new ArrayList<>();
        try {
            for (int i = 0; i < 20; i++) {
                all.add(watch(content, List.of(), SHORT, new LinkedBlockingQueue<>()));
            }
            assertThat(threadsNamed("hindsight-watch")).isEqualTo(before + 40);
        } finally {
            for (SiteWatcher w : all) {
                w.close();
            }
        }
        // close() waits for its own threads; the JDK's poller threads end just after their service closes.
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (threadsNamed("FileSystemWatcher") > jdkBefore && System.nanoTime() < end) {
            Thread.sleep(20);
        }
        assertThat(threadsNamed("hindsight-watch")).isEqualTo(before);
        assertThat(threadsNamed("FileSystemWatcher")).isLessThanOrEqualTo(jdkBefore);
    }

    @Test
    void knowsWhatToIgnore() throws Exception {
        Path content = Files.createDirectories(dir.resolve(".projects/site/content"));
        try (SiteWatcher w = new SiteWatcher(List.of(content), List.of(dir.resolve("public")), SHORT, s -> { })) {
            assertThat(w.ignored(dir.resolve("content/.git"))).isTrue();
            assertThat(w.ignored(dir.resolve("content/a.md~"))).isTrue();
            assertThat(w.ignored(dir.resolve("content/4913"))).isTrue();
            assertThat(w.ignored(dir.resolve("public/index.html"))).isTrue();
            assertThat(w.ignored(dir.resolve("content/a.md"))).isFalse();
            assertThat(w.ignored(content.resolve(".git/objects/ab12"))).as("under a hidden folder").isTrue();
            assertThat(w.ignored(content.resolve("postmortems/a.md"))).as("the root's own path may be hidden").isFalse();
            assertThat(w.ignored(content)).isFalse();
        }
    }
}
