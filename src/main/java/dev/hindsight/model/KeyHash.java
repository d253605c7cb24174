package dev.hindsight.model;

import com.dynatrace.hash4j.hashing.HashStream128;
import com.dynatrace.hash4j.hashing.HashValue128;
import com.dynatrace.hash4j.hashing.Hashing;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * The hash every cache key and memo is made with: XXH3's 128-bit variant, fed as a stream.
 *
 * <p>A key only has to tell apart the inputs one project's builds meet, not withstand someone forging a collision
 * (the content is the team's own, and a collision could at worst show a stale page): with 128 bits, ten million
 * entries collide by chance with a probability near 10<sup>-25</sup>. Hugo keys its caches with xxHash for the same
 * reason. SHA-256 was the key before; builds run with C1 alone (bin/hindsight), where SHA-256 is plain Java code at
 * about 150 MB/s and was a third of a warm build's samples, while XXH3 runs at about 1.9 GB/s. Names that end up
 * in the published site (asset fingerprints) keep SHA-256, so a change of key hash never renames them.
 */
public final class KeyHash {
    /** The length of a finished hash, in bytes. */
    public static final int BYTES = 16;
    private final HashStream128 stream = Hashing.xxh3_128().hashStream();

    private KeyHash() {
    }

    /** Returns a new, empty hash. */
    public static KeyHash start() {
        return new KeyHash();
    }

    /** Returns the hash of some bytes, as hex. */
    public static String hex(byte[] bytes) {
        return start().update(bytes).hex();
    }

    /** Returns the hash of a string's UTF-8 bytes, as hex. */
    public static String hex(String text) {
        return hex(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Feeds one byte. */
    public KeyHash update(byte b) {
        stream.putByte(b);
        return this;
    }

    /** Feeds some bytes. */
    public KeyHash update(byte[] bytes) {
        stream.putBytes(bytes);
        return this;
    }

    /** Feeds part of an array. */
    public KeyHash update(byte[] bytes, int offset, int length) {
        stream.putBytes(bytes, offset, length);
        return this;
    }

    /** Returns the hash of everything fed so far, as {@value #BYTES} bytes, high half first. */
    public byte[] digest() {
        HashValue128 v = stream.get();
        byte[] out = new byte[BYTES];
        long hi = v.getMostSignificantBits();
        long lo = v.getLeastSignificantBits();
        for (int i = 0; i < 8; i++) {
            out[i] = (byte) (hi >>> (56 - 8 * i));
            out[8 + i] = (byte) (lo >>> (56 - 8 * i));
        }
        return out;
    }

    /** Returns the hash of everything fed so far, as hex. */
    public String hex() {
        return HexFormat.of().formatHex(digest());
    }
}
