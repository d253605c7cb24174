package dev.hindsight.model;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * Compresses bytes in memory into the gzip format, as the site publishes some of its larger files (the search
 * export's shards, incidents.json's yearly parts).
 *
 * <p>The header carries no time and no name, so the same bytes at the same level always give the same file. What
 * a build keeps compressed in its cache is reused only under the same {@link #probe()}: another zlib may choose
 * other (equally valid) bytes, and a warm build must write what a cold one would.
 */
public final class Gzip {
    /** The fast level, for big files a reader takes little of. */
    public static final int FAST = 4;
    /** zlib's default level (6): nearly the best size at half the best level's time. */
    public static final int DEFAULT = 6;
    /** The best level (9). */
    public static final int BEST = Deflater.BEST_COMPRESSION;

    private Gzip() {
    }

    /** Compresses bytes at a level (0 to 9) with zlib's default strategy. */
    public static byte[] compress(byte[] payload, int level) {
        return compress(payload, level, Deflater.DEFAULT_STRATEGY);
    }

    /** Compresses bytes at a level with a strategy of {@link Deflater} (its DEFAULT_STRATEGY or HUFFMAN_ONLY). */
    public static byte[] compress(byte[] payload, int level, int strategy) {
        ByteArrayOutputStream bo = new ByteArrayOutputStream(payload.length / 2 + 64);
        try (GZIPOutputStream gz = new GZIPOutputStream(bo, 8192) {
            {
                def.setLevel(level);
                def.setStrategy(strategy);
            }
        }) {
            gz.write(payload);
        } catch (IOException e) {
            throw new UncheckedIOException("compressing in memory cannot fail", e);
        }
        return bo.toByteArray();
    }

    /**
     * Returns the digest of a fixed sample compressed at every level and strategy the build uses: the same digest
     * means the same compressor, which turns every payload into the same bytes.
     */
    public static String probe() {
        byte[] sample = new byte[24 * 1024];
        long x = 0x9E3779B97F4A7C15L;
        String words = "the disk filled on the primary database after a deploy rolled back ";
        for (int i = 0; i < sample.length; i++) {
            x = x * 6364136223846793005L + 1442695040888963407L;
            sample[i] = (x >>> 60) < 12 ? (byte) words.charAt(i % words.length()) : (byte) (x >>> 33);
        }
        KeyHash md = KeyHash.start();
        md.update(compress(sample, BEST));
        md.update(compress(sample, BEST, Deflater.HUFFMAN_ONLY));
        md.update(compress(sample, FAST));
        md.update(compress(sample, DEFAULT));
        return md.hex();
    }
}
