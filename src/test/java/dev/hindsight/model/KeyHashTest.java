package dev.hindsight.model;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class KeyHashTest {
    @Test
    void isXxh3With128BitsHighHalfFirst() {
        // The reference implementation's XXH128 of no input (xxhsum -H2 of an empty file).
        assertThat(KeyHash.hex(new byte[0])).isEqualTo("99aa06d3014798d86001c324468d497f");
        assertThat(KeyHash.start().digest()).hasSize(KeyHash.BYTES);
    }

    @Test
    void feedingInPiecesGivesTheHashOfTheWhole() {
        Random random = new Random(11);
        for (int round = 0; round < 200; round++) {
            byte[] whole = new byte[random.nextInt(5000)];
            random.nextBytes(whole);
            KeyHash pieces = KeyHash.start();
            for (int at = 0; at < whole.length; ) {
                int n = Math.min(whole.length - at, random.nextInt(300));
                if (n == 1 || random.nextInt(10) == 0 && n > 0) {
                    pieces.update(whole[at]);
                    at++;
                } else {
                    pieces.update(whole, at, n);
                    at += n;
                }
            }
            assertThat(pieces.hex()).isEqualTo(KeyHash.hex(whole));
        }
    }

    @Test
    void nearInputsGetDistinctHashes() {
        Set<String> seen = new HashSet<>();
        byte[] page = "<p>The disk filled on db-primary-02 after a deploy.</p>".getBytes(StandardCharsets.UTF_8);
        seen.add(KeyHash.hex(page));
        for (int i = 0; i < page.length * 8; i++) {
            byte[] flipped = page.clone();
            flipped[i / 8] ^= (byte) (1 << (i % 8));
            seen.add(KeyHash.hex(flipped));
        }
        for (int n = 0; n < page.length; n++) {
            seen.add(KeyHash.hex(java.util.Arrays.copyOf(page, n)));
        }
        assertThat(seen).as("every flipped bit and every cut").hasSize(1 + page.length * 8 + page.length);
        assertThat(KeyHash.hex("a")).isEqualTo(KeyHash.hex(new byte[] {'a'}));
    }
}
