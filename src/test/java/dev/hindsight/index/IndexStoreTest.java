package dev.hindsight.index;

import dev.hindsight.model.Result;
import dev.hindsight.model.Site;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
