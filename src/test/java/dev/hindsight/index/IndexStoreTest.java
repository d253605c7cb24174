package dev.hindsight.index;

import dev.hindsight.model.Postmortem;
import dev.hindsight.model.Result;
import dev.hindsight.model.Site;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.CollectionStatistics;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class IndexStoreTest {
    @TempDir
    Path cache;

    @Test
    void reusesAnUnchangedIndexAndMakesAgainOneWhoseFilesAreDamaged() throws IOException {
        Site site = Incidents.site();
        try (IndexStore first = IndexStore.open(site, cache).value()) {
            assertThat(first.rebuilt()).isTrue();
        }
        try (IndexStore again = IndexStore.open(site, cache).value()) {
            assertThat(again.rebuilt()).as("an unchanged index is reused").isFalse();
        }
        // The commit point, a postings file and a term dictionary: flipped, cut in half, emptied.
        damage(f -> f.startsWith("segments_"), b -> flip(b));
        assertRebuiltAndSearchable(site);
        damage(f -> f.endsWith(".doc"), b -> Arrays.copyOf(b, b.length / 2));
        assertRebuiltAndSearchable(site);
        damage(f -> f.endsWith(".tim"), b -> new byte[0]);
        assertRebuiltAndSearchable(site);
        damage(f -> f.endsWith(".pos"), b -> flip(b));
        assertRebuiltAndSearchable(site);
    }

    @Test
    void anUpdatedIndexHoldsWhatOneWrittenFromScratchHolds() throws IOException {
        Site site = Incidents.site();
        try (IndexStore first = IndexStore.open(site, cache).value()) {
            assertThat(first.documentsWritten()).isEqualTo(site.postmortems().size());
        }
        List<Postmortem> changed = new ArrayList<>(site.postmortems());
        Postmortem edited = changed.remove(0);
        changed.remove(changed.size() - 1);
        changed.add(Incidents.pm(edited.slug(), edited.title(), "SEV1", "Checkout failed again with HTTP 503.",
                "The pool was exhausted a third time; a quokka deployment skipped the connection cap.", "capacity",
                "checkout-api", "connection-pool"));
        changed.add(Incidents.pm("2019-02-03-added-oldest", "An added oldest incident about DNS timeouts", "SEV3",
                "DNS timeouts in 2019.", "CoreDNS timed out under load long before the others.", "capacity", "dns", "coredns"));
        Site next = new Site(site.config(), changed, site.pages(), site.files());
        try (IndexStore updated = IndexStore.open(next, cache).value();
             IndexStore fresh = IndexStore.inMemory(next.postmortems())) {
            assertThat(updated.documentsWritten()).as("only the edited and the added incident are analyzed").isEqualTo(2);
            assertThat(updated.reader().numDeletedDocs()).isZero();
            assertThat(updated.reader().leaves()).hasSize(1);
            assertThat(updated.docs()).isEqualTo(fresh.docs());
            assertThat(contents(updated)).isEqualTo(contents(fresh));
        }
        try (IndexStore again = IndexStore.open(next, cache).value()) {
            assertThat(again.rebuilt()).as("and kept as it is next time").isFalse();
        }
    }

    @Test
    void anIndexsCommitHoldsEveryDocumentsDigestSoAnUpdateNeedNotReadThemFromTheDocuments() throws IOException {
        Site site = Incidents.site();
        try (IndexStore first = IndexStore.open(site, cache).value()) {
            assertThat(committedDigests(first)).isEqualTo(digests(first));
        }
        List<Postmortem> changed = new ArrayList<>(site.postmortems());
        Postmortem edited = changed.remove(0);
        changed.add(Incidents.pm(edited.slug(), edited.title(), "SEV1", "Checkout failed again.", "A quokka pool ran dry.",
                "capacity", "checkout-api", "connection-pool"));
        Site next = new Site(site.config(), changed, site.pages(), site.files());
        try (IndexStore updated = IndexStore.open(next, cache).value()) {
            assertThat(updated.documentsWritten()).isEqualTo(1);
            assertThat(committedDigests(updated)).isEqualTo(digests(updated));
        }
    }

    private static java.util.Map<String, String> committedDigests(IndexStore store) throws IOException {
        return CommittedDocs.of(store.reader().getIndexCommit().getUserData()).orElseThrow().bySlug();
    }

    private static java.util.Map<String, String> digests(IndexStore store) {
        java.util.Map<String, String> out = new java.util.HashMap<>();
        for (int d = 0; d < store.docs().size(); d++) {
            out.put(store.docs().get(d).slug(), store.digest(d));
        }
        return out;
    }

    /** Every statistic, posting, position and norm of the text fields, in doc-id order. */
    private static List<String> contents(IndexStore store) throws IOException {
        List<String> out = new ArrayList<>();
        LeafReader leaf = store.reader().leaves().get(0).reader();
        for (String field : IndexFields.TEXT) {
            CollectionStatistics stats = store.searcher().collectionStatistics(field);
            out.add(field + " " + stats);
            NumericDocValues norms = leaf.getNormValues(field);
            for (int d = 0; d < leaf.maxDoc(); d++) {
                out.add(field + " norm " + d + " " + (norms != null && norms.advanceExact(d) ? norms.longValue() : -1));
            }
            TermsEnum te = leaf.terms(field).iterator();
            PostingsEnum pe = null;
            for (BytesRef t = te.next(); t != null; t = te.next()) {
                StringBuilder sb = new StringBuilder(field).append(' ').append(t.utf8ToString()).append(' ')
                        .append(te.docFreq()).append(' ').append(te.totalTermFreq()).append(':');
                pe = te.postings(pe, PostingsEnum.POSITIONS);
                for (int d = pe.nextDoc(); d != PostingsEnum.NO_MORE_DOCS; d = pe.nextDoc()) {
                    sb.append(' ').append(d).append('x').append(pe.freq());
                    for (int i = 0; i < pe.freq(); i++) {
                        sb.append(i == 0 ? '@' : ',').append(pe.nextPosition());
                    }
                }
                out.add(sb.toString());
            }
        }
        return out;
    }

    private void assertRebuiltAndSearchable(Site site) throws IOException {
        Result<IndexStore> opened = IndexStore.open(site, cache);
        assertThat(opened.problems()).isEmpty();
        try (IndexStore store = opened.value()) {
            assertThat(store.rebuilt()).as("a damaged index is made again").isTrue();
            assertThat(store.reader().numDocs()).isEqualTo(site.postmortems().size());
            for (var leaf : store.reader().leaves()) {
                leaf.reader().checkIntegrity();
            }
        }
        try (IndexStore store = IndexStore.open(site, cache).value()) {
            assertThat(store.rebuilt()).as("and kept again").isFalse();
        }
    }

    private void damage(Predicate<String> which, java.util.function.UnaryOperator<byte[]> how) throws IOException {
        Path folder = cache.resolve(IndexStore.FOLDER);
        List<Path> files;
        try (Stream<Path> s = Files.list(folder)) {
            files = s.filter(f -> which.test(f.getFileName().toString())).toList();
        }
        assertThat(files).as("files to damage").isNotEmpty();
        for (Path f : files) {
            Files.write(f, how.apply(Files.readAllBytes(f)));
        }
    }

    private static byte[] flip(byte[] b) {
        b[b.length / 2] ^= 0x5a;
        return b;
    }
}
