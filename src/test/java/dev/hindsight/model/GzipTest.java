package dev.hindsight.model;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;

public class GzipTest {
    /** Returns the bytes a gzip file holds, as any reader of the format gets them. */
    public static byte[] inflate(byte[] gz) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
            return in.readAllBytes();
        }
    }

    private static byte[] sample(long seed, int size) {
        Random r = new Random(seed);
        String[] words = {"the ", "disk ", "filled ", "on ", "primary ", "replica ", "lag ", "{\"slug\":", "\u00e9t\u00e9 ", "\n"};
        StringBuilder b = new StringBuilder();
        while (b.length() < size) {
            b.append(r.nextInt(8) == 0 ? Integer.toString(r.nextInt()) : words[r.nextInt(words.length)]);
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void everyLevelAndStrategyGivesBackTheSameBytes() throws IOException {
        for (int seed = 0; seed < 20; seed++) {
            byte[] payload = sample(seed, seed * 997);
            for (int level : new int[] {Gzip.FAST, Gzip.DEFAULT, Gzip.BEST}) {
                assertThat(inflate(Gzip.compress(payload, level))).as("seed %d level %d", seed, level).isEqualTo(payload);
            }
            assertThat(inflate(Gzip.compress(payload, Gzip.BEST, Deflater.HUFFMAN_ONLY))).isEqualTo(payload);
        }
    }

    @Test
    void theHeaderHasNoTimeSoTheSameBytesGiveTheSameFile() {
        byte[] payload = sample(7, 50_000);
        byte[] a = Gzip.compress(payload, Gzip.DEFAULT);
        byte[] b = Gzip.compress(payload.clone(), Gzip.DEFAULT);
        assertThat(a).isEqualTo(b);
        // Magic, deflate, no flags (no name, no comment), then a modification time of zero.
        assertThat(a[0]).isEqualTo((byte) 0x1f);
        assertThat(a[1]).isEqualTo((byte) 0x8b);
        assertThat(a[2]).isEqualTo((byte) 8);
        assertThat(a[3]).isEqualTo((byte) 0);
        assertThat(new byte[] {a[4], a[5], a[6], a[7]}).containsOnly(0);
    }

    @Test
    void higherLevelsAreNoLargerOnText() {
        byte[] payload = sample(3, 200_000);
        int fast = Gzip.compress(payload, Gzip.FAST).length;
        int def = Gzip.compress(payload, Gzip.DEFAULT).length;
        int best = Gzip.compress(payload, Gzip.BEST).length;
        assertThat(def).isLessThanOrEqualTo(fast);
        assertThat(best).isLessThanOrEqualTo(def);
        assertThat(best).isLessThan(payload.length / 2);
    }

    @Test
    void theProbeIsTheSameInOneJvmAndIsAHash() {
        assertThat(Gzip.probe()).isEqualTo(Gzip.probe()).matches("[0-9a-f]{32}");
    }
}
