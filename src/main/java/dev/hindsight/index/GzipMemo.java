package dev.hindsight.index;

import dev.hindsight.model.Gzip;
import dev.hindsight.model.KeyHash;

import java.util.Map;
import java.util.function.Function;

/**
 * The search export's compressed files of the build before, by the digest of what was compressed and how.
 *
 * <p>Compressing is most of the export's work that one edit leaves unchanged: at 10,000 incidents the export gzips
 * about 25,000 payloads (one fragment file per incident, postings, tails, positions, dictionary and facet columns),
 * about 2.5 s of a warm build, and an edit changes a few of them. A payload the build before compressed the same way
 * is taken from here; its hash costs a small share of compressing it. The bytes are the same as compressing
 * again because the memo is used only when this JVM's compressor turns a fixed sample into the same bytes as the
 * compressor that filled it ({@link Gzip#probe}): a cache restored under another zlib starts empty.
 */
final class GzipMemo {
    private final String probe;
    private final KeptFiles files;

    private GzipMemo(String probe, KeptFiles files) {
        this.probe = probe;
        this.files = files;
    }

    /** Returns a memo that remembers nothing: every payload is compressed. */
    static GzipMemo none() {
        return new GzipMemo("", KeptFiles.none());
    }

    /**
     * Returns a memo that reuses what a build before left (its probe and its entries) when this JVM compresses the
     * same way, and records what this build compresses for the next one.
     */
    static GzipMemo after(String probeBefore, Map<String, byte[]> before) {
        String now = Gzip.probe();
        return new GzipMemo(now, KeptFiles.after(now.equals(probeBefore) ? before : Map.of()));
    }

    /** Returns a payload compressed by a named method: from the build before when it compressed the same payload so. */
    byte[] compress(byte[] payload, String method, Function<byte[], byte[]> zip) {
        return zip(payload, method, zip).bytes();
    }

    /**
     * A payload compressed, and its key among this build's {@link #entries} (empty when the memo remembers nothing).
     *
     * @param key   the entry's key: the method and the payload's digest
     * @param bytes the compressed bytes
     */
    record Zipped(String key, byte[] bytes) {
    }

    /** Returns a payload compressed as {@link #compress} compresses it, with its key among this build's entries. */
    Zipped zip(byte[] payload, String method, Function<byte[], byte[]> zip) {
        if (!files.recording()) {
            return new Zipped("", zip.apply(payload));
        }
        String key = method + ":" + KeyHash.hex(payload);
        return new Zipped(key, files.get(key, () -> zip.apply(payload)));
    }

    /** Returns the probe this build's entries were made under, to keep beside them. */
    String probeNow() {
        return probe;
    }

    /** Returns what this build compressed, by key: the entries for the next build. */
    Map<String, byte[]> entries() {
        return files.entries();
    }
}
