package dev.hindsight.index;

import dev.hindsight.model.Gzip;
import dev.hindsight.model.KeyHash;

import java.util.Map;
import java.util.TreeMap;
import java.util.zip.Deflater;

/**
 * The files of the static search export: each payload gzip-compressed (the browser inflates it with
 * {@code DecompressionStream}, so no host setting is needed) under a content-hashed name such as
 * {@code post.3f9a0c1b2e/12.bin}, but for the manifest, which keeps one name ({@link #MANIFEST}) so that a page
 * that names it stays the same bytes when only the search export changed. The {@code .bin} extension keeps hosts
 * from re-encoding them or marking them {@code Content-Encoding: gzip}. Same payloads give the same bytes and names.
 */
final class SearchFiles {
    /** The site folder of the export. */
    static final String FOLDER = "search/";
    private final Map<String, byte[]> files = new TreeMap<>();
    /** Each file's key among the memo's entries, by name (empty when the memo remembers nothing). */
    private final Map<String, String> keys = new TreeMap<>();
    private final Map<String, Integer> counts = new TreeMap<>();
    private final Map<String, Long> bytes = new TreeMap<>();
    private final GzipMemo memo;

    /** Creates an export's files, every payload compressed. */
    SearchFiles() {
        this(GzipMemo.none());
    }

    /** Creates an export's files that take a payload compressed the same way by the build before from a memo. */
    SearchFiles(GzipMemo memo) {
        this.memo = java.util.Objects.requireNonNull(memo, "memo");
    }

    /**
     * The manifest's name in the folder. It is the one name without a hash: every page names it, and a page must not
     * change with every edit of any incident (a deploy would upload every page again). The host must have browsers
     * revalidate it (netlify.toml sends {@code no-cache}), so a reader never gets a manifest that names shards the
     * host no longer has.
     */
    static final String MANIFEST = "manifest.bin";

    /** Compresses the manifest under its fixed name and returns that name (relative to the folder). */
    String addManifest(byte[] payload) {
        GzipMemo.Zipped zipped = compress(payload, BEST);
        byte[] gz = zipped.bytes();
        files.put(MANIFEST, gz);
        keys.put(MANIFEST, zipped.key());
        counts.merge("manifest", 1, Integer::sum);
        bytes.merge("manifest", (long) gz.length, Long::sum);
        return MANIFEST;
    }

    /**
     * Compresses a numbered group of payloads into a folder named after the kind and the hash of them all,
     * {@code frag.<hash>/0.bin, 1.bin, ...}, and returns the folder name. Used where listing a hash per file
     * would make the manifest grow with the corpus: any change renames the whole folder.
     */
    String addGroup(String kind, java.util.List<byte[]> payloads) {
        return addGroup(kind, payloads, false);
    }

    /** Like {@link #addGroup(String, java.util.List)}; smallest picks the better of two compression strategies. */
    String addGroup(String kind, java.util.List<byte[]> payloads, boolean smallest) {
        return addGroup(kind, payloads, smallest ? SMALLEST : BEST);
    }

    /** Returns a payload compressed as {@link #addGroup(String, java.util.List, boolean)} compresses it. */
    byte[] compressed(byte[] payload, boolean smallest) {
        return compress(payload, smallest ? SMALLEST : BEST).bytes();
    }

    /**
     * Like {@link #addGroup(String, java.util.List)} with a faster compression level, for the big kinds a query
     * reads little of (positions, tails): level 4 is about six times faster than 9 on them and 1% larger.
     */
    String addGroupFast(String kind, java.util.List<byte[]> payloads) {
        return addGroup(kind, payloads, FAST);
    }

    /** A way of compressing, named so the memo keeps each payload's bytes per way. */
    private record Method(String name, java.util.function.Function<byte[], byte[]> zip) {
    }

    private static final Method BEST = new Method("best", SearchFiles::gzip);
    private static final Method SMALLEST = new Method("smallest", SearchFiles::gzipSmallest);
    private static final Method FAST = new Method("fast", SearchFiles::gzipFast);

    private GzipMemo.Zipped compress(byte[] payload, Method how) {
        return memo.zip(payload, how.name(), how.zip());
    }

    /**
     * Compresses a group's payloads on all cores (in their order: the output is the same) and adds them; compressing
     * at the best level was most of the export's time on one core.
     */
    private String addGroup(String kind, java.util.List<byte[]> payloads, Method how) {
        java.util.List<GzipMemo.Zipped> gz = payloads.parallelStream().map(p -> compress(p, how)).toList();
        KeyHash md = KeyHash.start();
        gz.forEach(z -> md.update(z.bytes()));
        String folder = kind + "." + md.hex().substring(0, 10);
        for (int i = 0; i < gz.size(); i++) {
            files.put(folder + "/" + i + ".bin", gz.get(i).bytes());
            keys.put(folder + "/" + i + ".bin", gz.get(i).key());
            bytes.merge(kind, (long) gz.get(i).bytes().length, Long::sum);
        }
        counts.merge(kind, gz.size(), Integer::sum);
        return folder;
    }

    /** Returns each file's key among the memo's entries (empty when it remembers nothing), by name. */
    Map<String, String> keys() {
        return keys;
    }

    /** Returns the files written so far by name. */
    Map<String, byte[]> files() {
        return files;
    }

    /** Returns the number of files per kind. */
    Map<String, Integer> counts() {
        return counts;
    }

    /** Returns the compressed bytes per kind. */
    Map<String, Long> bytesByKind() {
        return bytes;
    }

    /** Compresses with the best compression level. */
    static byte[] gzip(byte[] payload) {
        return Gzip.compress(payload, Gzip.BEST);
    }

    /** Compresses at the faster level used for the big kinds a query reads little of. */
    static byte[] gzipFast(byte[] payload) {
        return Gzip.compress(payload, Gzip.FAST);
    }

    /** Compresses twice, with and without string matching, and keeps the smaller (for columns of small numbers). */
    static byte[] gzipSmallest(byte[] payload) {
        byte[] a = Gzip.compress(payload, Gzip.BEST);
        byte[] b = Gzip.compress(payload, Gzip.BEST, Deflater.HUFFMAN_ONLY);
        return b.length < a.length ? b : a;
    }
}
