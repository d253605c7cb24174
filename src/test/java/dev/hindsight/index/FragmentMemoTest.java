package dev.hindsight.index;

import dev.hindsight.model.Postmortem;
import dev.hindsight.model.RecordCodec;
import dev.hindsight.model.Site;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The search export's memo of fragment files: kept while their incidents and labels are the same, made otherwise.
 */
class FragmentMemoTest {
    private final Site site = Incidents.site();
    private final List<Postmortem> docs = site.postmortems();

    private static Optional<String> digest(Postmortem p) {
        return Optional.of(RecordCodec.hash(p));
    }

    @Test
    void aSecondExportMakesNoFileAndWritesTheSameFiles() {
        SearchFiles plain = new SearchFiles();
        new FragmentExport().write(docs, site.config(), plain);

        FragmentMemo first = FragmentMemo.after(FragmentMemoTest::digest, Map.of());
        new FragmentExport().write(docs, site.config(), new SearchFiles(), first);
        assertThat(first.entries()).hasSize(docs.size());

        SearchFiles warm = new SearchFiles();
        new FragmentExport().write(docs, site.config(), warm, FragmentMemo.after(FragmentMemoTest::digest, first.entries()));
        assertThat(warm.files()).containsOnlyKeys(plain.files().keySet());
        plain.files().forEach((name, bytes) -> assertThat(warm.files().get(name)).as(name).isEqualTo(bytes));

        // The files do come from the memo: entries made to differ are what the export writes.
        Map<String, byte[]> marked = new HashMap<>();
        first.entries().keySet().forEach(k -> marked.put(k, "[]".getBytes()));
        SearchFiles fromMemo = new SearchFiles();
        new FragmentExport().write(docs, site.config(), fromMemo, FragmentMemo.after(FragmentMemoTest::digest, marked));
        assertThat(fromMemo.files().values()).hasSize(docs.size()).allMatch(b -> java.util.Arrays.equals(b, SearchFiles.gzip("[]".getBytes())));
    }

    @Test
    void anotherContextMakesEveryFile() {
        FragmentMemo first = FragmentMemo.after(FragmentMemoTest::digest, Map.of());
        docs.forEach(p -> first.file(List.of(p), "labels one way", () -> new byte[]{1}));
        FragmentMemo second = FragmentMemo.after(FragmentMemoTest::digest, first.entries());
        AtomicInteger made = new AtomicInteger();
        docs.forEach(p -> second.file(List.of(p), "labels another way", () -> new byte[]{(byte) made.incrementAndGet()}));
        assertThat(made).hasValue(docs.size());
    }

    @Test
    void onlyTheFileOfAChangedIncidentIsMade() {
        Map<Postmortem, String> digests = new HashMap<>();
        docs.forEach(p -> digests.put(p, RecordCodec.hash(p)));
        FragmentMemo first = FragmentMemo.after(p -> Optional.of(digests.get(p)), Map.of());
        docs.forEach(p -> first.file(List.of(p), "x", () -> p.slug().getBytes()));

        Postmortem edited = docs.get(3);
        digests.put(edited, "another digest");
        FragmentMemo second = FragmentMemo.after(p -> Optional.of(digests.get(p)), first.entries());
        AtomicInteger made = new AtomicInteger();
        for (Postmortem p : docs) {
            byte[] file = second.file(List.of(p), "x", () -> {
                made.incrementAndGet();
                return "fresh".getBytes();
            });
            assertThat(new String(file)).isEqualTo(p == edited ? "fresh" : p.slug());
        }
        assertThat(made).hasValue(1);
        // The stale entry of the edited incident is not kept for the build after.
        assertThat(second.entries()).hasSize(docs.size());
    }

    @Test
    void anIncidentWithoutADigestIsAlwaysMade() {
        FragmentMemo memo = FragmentMemo.after(p -> Optional.empty(), Map.of());
        AtomicInteger made = new AtomicInteger();
        memo.file(List.of(docs.get(0)), "x", () -> new byte[made.incrementAndGet()]);
        memo.file(List.of(docs.get(0)), "x", () -> new byte[made.incrementAndGet()]);
        assertThat(made).hasValue(2);
        assertThat(memo.entries()).isEmpty();
        assertThat(FragmentMemo.none().file(List.of(docs.get(0)), "x", () -> new byte[]{7})).containsExactly(7);
    }
}
