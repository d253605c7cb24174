package dev.hindsight.index;

import dev.hindsight.model.Site;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The search export's memo of compressed files: the same bytes as compressing, fewer compressions.
 */
class GzipMemoTest {
    private static final byte[] A = "the primary ran out of disk after the log rotation stopped".getBytes(StandardCharsets.UTF_8);
    private static final byte[] B = "a certificate expired on the edge proxies".getBytes(StandardCharsets.UTF_8);

    @Test
    void aPayloadCompressedTheSameWayBeforeIsNotCompressedAgain() {
        GzipMemo first = GzipMemo.after("", Map.of());
        AtomicInteger zips = new AtomicInteger();
        byte[] a = first.compress(A, "best", p -> count(zips, p));
        first.compress(B, "best", p -> count(zips, p));
        assertThat(zips).hasValue(2);
        assertThat(a).isEqualTo(SearchFiles.gzip(A));

        GzipMemo second = GzipMemo.after(first.probeNow(), first.entries());
        assertThat(second.compress(A, "best", p -> count(zips, p))).isEqualTo(a);
        assertThat(zips).hasValue(2);
        // The same payload compressed another way is compressed.
        assertThat(second.compress(A, "fast", p -> count(zips, p))).isEqualTo(SearchFiles.gzip(A));
        assertThat(zips).hasValue(3);
        // Only what this build used is kept for the next: B went unused.
        assertThat(second.entries()).hasSize(2);
    }

    @Test
    void entriesOfAnotherCompressorAreNotUsed() {
        GzipMemo first = GzipMemo.after("", Map.of());
        first.compress(A, "best", SearchFiles::gzip);
        Map<String, byte[]> tampered = new HashMap<>();
        first.entries().keySet().forEach(k -> tampered.put(k, new byte[]{1, 2, 3}));

        // Under the same probe, the memo is trusted (which is what makes it save work) ...
        assertThat(GzipMemo.after(first.probeNow(), tampered).compress(A, "best", SearchFiles::gzip))
                .containsExactly(1, 2, 3);
        // ... and under another probe, as when a cache is restored on a machine whose zlib differs, it is not.
        assertThat(GzipMemo.after("another zlib", tampered).compress(A, "best", SearchFiles::gzip))
                .isEqualTo(SearchFiles.gzip(A));
    }

    @Test
    void theProbeIsStableInOneJvm() {
        assertThat(dev.hindsight.model.Gzip.probe()).isEqualTo(dev.hindsight.model.Gzip.probe()).hasSize(2 * dev.hindsight.model.KeyHash.BYTES);
    }

    @Test
    void noMemoRecordsNothing() {
        GzipMemo none = GzipMemo.none();
        assertThat(none.compress(A, "best", SearchFiles::gzip)).isEqualTo(SearchFiles.gzip(A));
        assertThat(none.entries()).isEmpty();
    }

    @Test
    void anExportFromTheMemoIsTheExportMadeWithout(@TempDir Path a, @TempDir Path b, @TempDir Path c) throws IOException {
        Site site = Incidents.site();
        IndexStore store = IndexStore.inMemory(site.postmortems());
        IndexVocabulary vocabulary = new IncidentSearcher(store).vocabulary();
        FolderWriter plain = new FolderWriter(a);
        new StaticExport().write(store, vocabulary, site.config(), plain);

        GzipMemo first = GzipMemo.after("", Map.of());
        new StaticExport().write(store, vocabulary, site.config(), new FolderWriter(b), first, FragmentMemo.none());
        GzipMemo second = GzipMemo.after(first.probeNow(), first.entries());
        FolderWriter warm = new FolderWriter(c);
        new StaticExport().write(store, vocabulary, site.config(), warm, second, FragmentMemo.none());

        assertThat(warm.files.keySet()).isEqualTo(plain.files.keySet());
        for (String path : plain.files.keySet()) {
            assertThat(warm.files.get(path)).as(path).isEqualTo(plain.files.get(path));
        }
        // The second export compressed the very payloads the first did: each was in the memo.
        assertThat(second.entries().keySet()).isEqualTo(first.entries().keySet());
    }

    private static byte[] count(AtomicInteger n, byte[] payload) {
        n.incrementAndGet();
        return SearchFiles.gzip(payload);
    }
}
