package dev.hindsight.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class CacheFolderTest {
    @TempDir
    Path dir;

    @Test
    void keepsPagesBetweenBuildsAndRendersAgainWhenAnEntryIsDamaged() throws IOException {
        CacheFolder first = CacheFolder.in(dir, "stamp-1");
        String key = first.key("incidents/a/index.html", "digest-a");
        first.put(key, "<p>A</p>".getBytes(StandardCharsets.UTF_8));
        CacheFolder second = CacheFolder.in(dir, "stamp-1");
        assertThat(second.get(key)).hasValueSatisfying(b -> assertThat(new String(b, StandardCharsets.UTF_8)).isEqualTo("<p>A</p>"));
        assertThat(CacheFolder.in(dir, "stamp-2").key("incidents/a/index.html", "digest-a")).isNotEqualTo(key);
        Path entry = entries().get(0);
        byte[] bytes = Files.readAllBytes(entry);
        bytes[bytes.length - 2] ^= 1;
        Files.write(entry, bytes);
        CacheFolder third = CacheFolder.in(dir, "stamp-1");
        assertThat(third.get(key)).isEmpty();
        assertThat(third.collect()).singleElement().satisfies(p -> assertThat(p.message()).contains("damaged"));
        Files.write(entry, new byte[] {'H', 'P'});
        assertThat(CacheFolder.in(dir, "stamp-1").get(key)).isEmpty();
    }

    @Test
    void everyFlippedBitAndEveryTruncationOfAnEntryIsNoticed() throws Exception {
        byte[] page = new byte[300];
        new java.util.Random(7).nextBytes(page);
        String key = CacheFolder.in(dir, "s").key("p.html", "1");
        CacheFolder.in(dir, "s").put(key, page);
        Path entry = entries().stream().filter(f -> f.getFileName().toString().equals(key)).findFirst().orElseThrow();
        byte[] good = Files.readAllBytes(entry);
        assertThat(CacheFolder.in(dir, "s").get(key)).hasValueSatisfying(v -> assertThat(v).isEqualTo(page));
        for (int bit = 0; bit < good.length * 8; bit++) {
            byte[] bad = good.clone();
            bad[bit / 8] ^= (byte) (1 << (bit % 8));
            Files.write(entry, bad);
            assertThat(CacheFolder.in(dir, "s").get(key)).as("bit %d flipped", bit).isEmpty();
        }
        for (int length = 0; length < good.length; length++) {
            Files.write(entry, java.util.Arrays.copyOf(good, length));
            assertThat(CacheFolder.in(dir, "s").get(key)).as("cut to %d bytes", length).isEmpty();
        }
        // An entry in the format before (a SHA-256 after the magic word) is damaged too, not misread.
        byte[] old = new byte[4 + 32 + page.length];
        System.arraycopy(new byte[] {'H', 'P', 'C', '1'}, 0, old, 0, 4);
        System.arraycopy(java.security.MessageDigest.getInstance("SHA-256").digest(page), 0, old, 4, 32);
        System.arraycopy(page, 0, old, 36, page.length);
        Files.write(entry, old);
        assertThat(CacheFolder.in(dir, "s").get(key)).isEmpty();
    }

    @Test
    void aWholeBuildRemovesTheEntriesNoPageUsed() throws IOException {
        CacheFolder first = CacheFolder.in(dir, "s");
        first.put(first.key("a.html", "1"), new byte[] {1});
        first.put(first.key("b.html", "1"), new byte[] {2});
        CacheFolder second = CacheFolder.in(dir, "s");
        assertThat(second.get(second.key("a.html", "1"))).isPresent();
        second.put(second.key("b.html", "2"), new byte[] {3});
        assertThat(second.collect()).isEmpty();
        assertThat(entries()).hasSize(3).anySatisfy(f -> assertThat(f.getFileName()).hasToString("STAMP"));
        assertThat(CacheFolder.in(dir, "s").get(second.key("b.html", "1"))).isEmpty();
    }

    @Test
    void aMemoryInFrontAnswersFromMemoryAndKeepsTheFolderCurrentWithoutWalkingIt() throws IOException {
        CacheMemory memory = CacheMemory.create();
        CacheFolder first = CacheFolder.in(dir, "s", memory);
        String a = first.key("a.html", "1");
        String b = first.key("b.html", "1");
        first.put(a, new byte[] {1});
        first.put(b, new byte[] {2});
        assertThat(first.collect()).isEmpty();
        assertThat(entries()).hasSize(3);

        // A second build reads from memory: an entry deleted from the folder meanwhile is still found.
        Files.delete(entries().stream().filter(f -> f.getFileName().toString().equals(a)).findFirst().orElseThrow());
        CacheFolder second = CacheFolder.in(dir, "s", memory);
        assertThat(second.get(a)).hasValueSatisfying(v -> assertThat(v).containsExactly(1));
        String b2 = second.key("b.html", "2");
        second.put(b2, new byte[] {3});
        assertThat(second.collect()).isEmpty();
        // b was not used: gone from memory and, by its key, from the folder; b2 was written to both.
        assertThat(memory.size()).isEqualTo(2);
        assertThat(entries()).extracting(f -> f.getFileName().toString()).containsExactlyInAnyOrder("STAMP", b2);
        assertThat(CacheFolder.in(dir, "s").get(b2)).hasValueSatisfying(v -> assertThat(v).containsExactly(3));
    }

    @Test
    void withoutTheFolderTheMemoryAloneKeepsEntriesAndNoMemoryKeepsNothing() {
        CacheMemory memory = CacheMemory.create();
        CacheFolder first = CacheFolder.memory(memory, "pages", "s");
        String key = first.key("a.html", "1");
        first.put(key, new byte[] {7});
        first.collect();
        assertThat(CacheFolder.memory(memory, "pages", "s").get(key)).isPresent();
        assertThat(CacheFolder.memory(memory, "load", "s").get(key)).as("each folder name has its own entries").isEmpty();
        CacheFolder none = CacheFolder.memory(CacheMemory.none(), "pages", "s");
        none.put(key, new byte[] {7});
        assertThat(none.enabled()).isFalse();
        assertThat(none.get(key)).isEmpty();
    }

    record Note(String text, List<String> words) {
    }

    @Test
    void aRecordIsKeptAsItselfInMemoryAndAsBytesOnDisk() {
        CacheMemory memory = CacheMemory.create();
        CacheFolder first = CacheFolder.in(dir, "s", memory);
        String key = first.key("note", "1");
        Note note = new Note("disk full", List.of("disk", "full"));
        first.putRecord(key, note);
        first.collect();
        // The next build of the process takes the very record; a process without the memory decodes an equal one.
        assertThat(CacheFolder.in(dir, "s", memory).getRecord(key, Note.class)).containsSame(note);
        Note decoded = CacheFolder.in(dir, "s").getRecord(key, Note.class).orElseThrow();
        assertThat(decoded).isEqualTo(note).isNotSameAs(note);
        // Bytes written under the key replace the record; bytes that are no such record read as none.
        CacheFolder third = CacheFolder.in(dir, "s", memory);
        third.put(key, new byte[] {1, 2, 3});
        assertThat(third.getRecord(key, Note.class)).isEmpty();
        assertThat(CacheFolder.memory(CacheMemory.none(), "x", "s").getRecord(key, Note.class)).isEmpty();
    }

    private List<Path> entries() throws IOException {
        try (Stream<Path> w = Files.walk(dir)) {
            return w.filter(Files::isRegularFile).sorted().toList();
        }
    }

    @Test
    void eachStampKeepsItsOwnEntriesAndOnlyTheLastOtherOneIsKept() throws IOException {
        CacheFolder first = CacheFolder.in(dir, "drafts-off-gen-1");
        first.put(first.key("a.html", "1"), new byte[] {1});
        assertThat(first.collect()).isEmpty();
        // Another stamp (another theme, say) starts cold, with a note, and leaves the first one's entries alone.
        CacheFolder second = CacheFolder.in(dir, "drafts-on-gen-1");
        assertThat(second.get(second.key("a.html", "1"))).isEmpty();
        second.put(second.key("a.html", "1"), new byte[] {2});
        assertThat(second.collect()).singleElement().satisfies(p -> assertThat(p.message()).contains("starts cold"));
        CacheFolder again = CacheFolder.in(dir, "drafts-off-gen-1");
        assertThat(again.get(again.key("a.html", "1"))).hasValueSatisfying(b -> assertThat(b).containsExactly(1));
        assertThat(again.collect()).isEmpty();
        // Builds are seconds apart; here they are not, so say which stamp was used last.
        Files.setLastModifiedTime(dir.resolve("drafts-on-gen-1/STAMP"), java.nio.file.attribute.FileTime.fromMillis(1_000_000));
        Files.setLastModifiedTime(dir.resolve("drafts-off-gen-1/STAMP"), java.nio.file.attribute.FileTime.fromMillis(2_000_000));
        // A third stamp (a new build of Hindsight): of the others, only the one used last stays.
        CacheFolder third = CacheFolder.in(dir, "drafts-off-gen-2");
        third.put(third.key("a.html", "1"), new byte[] {3});
        assertThat(third.collect()).hasSize(1);
        try (Stream<Path> dirs = Files.list(dir)) {
            assertThat(dirs.map(d -> d.getFileName().toString()).sorted().toList())
                    .containsExactly("drafts-off-gen-1", "drafts-off-gen-2");
        }
    }

    @Test
    void anEntryOfAnySizeComesBackWholeAndOneCutShortIsDamaged() throws IOException {
        CacheFolder first = CacheFolder.in(dir, "s");
        byte[] big = new byte[3_000_017];
        new java.util.Random(11).nextBytes(big);
        first.put(first.key("empty"), new byte[0]);
        first.put(first.key("big"), big);
        CacheFolder second = CacheFolder.in(dir, "s");
        assertThat(second.get(second.key("empty"))).hasValueSatisfying(b -> assertThat(b).isEmpty());
        assertThat(second.get(second.key("big"))).hasValueSatisfying(b -> assertThat(b).isEqualTo(big));
        assertThat(second.hits()).isEqualTo(2);
        assertThat(second.collect()).isEmpty();
        Path entry = entries().stream().filter(f -> f.toFile().length() > 1000).findFirst().orElseThrow();
        byte[] whole = Files.readAllBytes(entry);
        for (int cut : new int[] {whole.length - 1, 36, 35, 4, 0}) {
            Files.write(entry, java.util.Arrays.copyOf(whole, cut));
            CacheFolder cutShort = CacheFolder.in(dir, "s");
            assertThat(cutShort.get(cutShort.key("big"))).as("cut at %d", cut).isEmpty();
            assertThat(cutShort.hits()).isZero();
            assertThat(cutShort.collect()).as("cut at %d", cut).singleElement()
                    .satisfies(p -> assertThat(p.message()).contains("damaged"));
        }
    }
}
