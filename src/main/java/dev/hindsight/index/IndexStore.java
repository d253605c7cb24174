package dev.hindsight.index;

import dev.hindsight.model.Postmortem;
import dev.hindsight.model.Problem;
import dev.hindsight.model.Result;
import dev.hindsight.model.Site;
import dev.hindsight.model.Validate;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.LogByteSizeMergePolicy;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.Lock;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.util.Version;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Lucene index of a site, kept in the cache folder and rebuilt only when the indexed content changed.
 * Documents are numbered newest first (then by slug) and a Lucene doc id is that number, the position in
 * {@link #docs()}.
 */
public final class IndexStore implements AutoCloseable {
    /** The folder inside the cache folder that holds the index. */
    public static final String FOLDER = "search-index";
    private static final String FINGERPRINT = "hindsight.fingerprint";
    /** Newest first, then by slug: the order of export document numbers. */
    static final Comparator<Postmortem> ORDER = Postmortem.NEWEST_FIRST;

    private final Directory directory;
    private final DirectoryReader reader;
    private final IndexSearcher searcher;
    private final List<Postmortem> docs;
    private final boolean rebuilt;

    private IndexStore(Directory directory, List<Postmortem> docs, boolean rebuilt) throws IOException {
        this.directory = directory;
        this.reader = DirectoryReader.open(directory);
        try {
            checkOrder(reader);
        } catch (IOException e) {
            reader.close();
            throw e;
        }
        this.searcher = new IndexSearcher(reader);
        this.searcher.setQueryCache(null);
        this.docs = docs;
        this.rebuilt = rebuilt;
    }

    /**
     * Opens the index of a site in the cache folder, building it first when it is missing or stale.
     * When another process holds the cache's lock, the index is built in memory and a note says so.
     */
    public static Result<IndexStore> open(Site site, Path cacheDir) throws IOException {
        Validate.notNull(site, "site");
        Validate.notNull(cacheDir, "cacheDir");
        List<Postmortem> docs = site.postmortems().stream().sorted(ORDER).toList();
        String fingerprint = fingerprint(docs);
        Path folder = cacheDir.resolve(FOLDER);
        Files.createDirectories(folder);
        Directory dir = new Unsynced(FSDirectory.open(folder));
        try {
            Optional<IndexStore> kept = reuse(dir, docs, fingerprint);
            if (kept.isPresent()) {
                return Result.of(kept.get());
            }
            replace(dir, docs, fingerprint);
            return Result.of(new IndexStore(dir, docs, true));
        } catch (LockObtainFailedException e) {
            dir.close();
            Directory memory = new ByteBuffersDirectory();
            write(memory, docs, fingerprint);
            return new Result<>(new IndexStore(memory, docs, true), List.of(Problem.info("", 0, "search-index",
                    "the search index cache " + folder + " is in use by another build; indexed in memory instead")));
        } catch (IOException | RuntimeException e) {
            dir.close();
            throw e;
        }
    }

    /** Builds an index in memory, for tests and one-off use. */
    public static IndexStore inMemory(List<Postmortem> postmortems) throws IOException {
        List<Postmortem> docs = postmortems.stream().sorted(ORDER).toList();
        Directory memory = new ByteBuffersDirectory();
        write(memory, docs, fingerprint(docs));
        return new IndexStore(memory, docs, true);
    }

    /** Returns the incidents by document number. */
    public List<Postmortem> docs() {
        return docs;
    }

    /** Returns the searcher (BM25, the default similarity). */
    public IndexSearcher searcher() {
        return searcher;
    }

    /** Returns the reader. */
    public DirectoryReader reader() {
        return reader;
    }

    /** Returns true when this open built the index rather than reusing the cached one. */
    public boolean rebuilt() {
        return rebuilt;
    }

    @Override
    public void close() throws IOException {
        try {
            reader.close();
        } finally {
            directory.close();
        }
    }

    /**
     * Returns the index kept in a folder when it was made from the same documents and every one of its files passes
     * its checksum; a missing, stale, truncated or damaged index is empty, to be made again: a cache never fails a build.
     */
    private static Optional<IndexStore> reuse(Directory dir, List<Postmortem> docs, String fingerprint) throws IOException {
        try {
            if (!fingerprint.equals(storedFingerprint(dir))) {
                return Optional.empty();
            }
            IndexStore store = new IndexStore(dir, docs, false);
            try {
                for (LeafReaderContext leaf : store.reader.leaves()) {
                    leaf.reader().checkIntegrity();
                }
                return Optional.of(store);
            } catch (IOException | RuntimeException e) {
                store.reader.close();
                return Optional.empty();
            }
        } catch (IOException | RuntimeException e) {
            // Unreadable: written again below with OpenMode.CREATE, which replaces every file.
            return Optional.empty();
        }
    }

    /**
     * Writes the index over a stale one. When Lucene cannot even read the old index's last commit to replace it (a
     * damaged cache), its files are deleted first, under its write lock, so a process writing it now is never
     * disturbed: a held lock ends in {@link LockObtainFailedException}, and the caller indexes in memory.
     */
    private static void replace(Directory dir, List<Postmortem> docs, String fingerprint) throws IOException {
        try {
            write(dir, docs, fingerprint);
        } catch (LockObtainFailedException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            try (Lock lock = dir.obtainLock(IndexWriter.WRITE_LOCK_NAME)) {
                for (String file : dir.listAll()) {
                    if (!file.equals(IndexWriter.WRITE_LOCK_NAME)) {
                        dir.deleteFile(file);
                    }
                }
            }
            write(dir, docs, fingerprint);
        }
    }

    private static String storedFingerprint(Directory dir) throws IOException {
        if (!DirectoryReader.indexExists(dir)) {
            return "";
        }
        try (DirectoryReader r = DirectoryReader.open(dir)) {
            return r.getIndexCommit().getUserData().getOrDefault(FINGERPRINT, "");
        }
    }

    private static void write(Directory dir, List<Postmortem> docs, String fingerprint) throws IOException {
        // One thread adds documents in number order and a LogMergePolicy merges only neighbouring segments, so
        // doc ids follow the numbers without the cost of index sorting; checkOrder() verifies it.
        IndexWriterConfig cfg = new IndexWriterConfig(IndexFields.analyzer())
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE)
                .setMergePolicy(new LogByteSizeMergePolicy())
                .setRAMBufferSizeMB(64)
                // 10,000 incidents fit the buffer and flush as one segment. Flushed as a compound file, that
                // segment counted as "not merged", so forceMerge(1) below rewrote the whole index (about 1.3 s of
                // CPU at 10k); without compound files it has nothing to do.
                .setUseCompoundFile(false)
                .setCommitOnClose(false);
        try (IndexWriter w = new IndexWriter(dir, cfg)) {
            for (int i = 0; i < docs.size(); i++) {
                w.addDocument(IndexFields.document(docs.get(i), i));
            }
            w.forceMerge(1);
            w.setLiveCommitData(Map.of(FINGERPRINT, fingerprint).entrySet());
            w.commit();
        }
    }

    /** Checks that every Lucene doc id equals the document number stored with it. */
    private static void checkOrder(DirectoryReader reader) throws IOException {
        for (LeafReaderContext leaf : reader.leaves()) {
            NumericDocValues ords = leaf.reader().getNumericDocValues(IndexFields.ORD);
            for (int d = 0; d < leaf.reader().maxDoc(); d++) {
                if (ords == null || !ords.advanceExact(d) || ords.longValue() != leaf.docBase + d) {
                    throw new IOException("the search index is out of document order at doc " + (leaf.docBase + d));
                }
            }
        }
    }

    /** Hashes everything that goes into the index, with the analyzer and Lucene versions. */
    static String fingerprint(List<Postmortem> docs) {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
        StringBuilder sb = new StringBuilder(IncidentAnalyzer.VERSION).append('\u0000').append(Version.LATEST);
        for (Postmortem p : docs) {
            sb.append('\u0001').append(p.slug()).append('\u0000').append(p.source()).append('\u0000').append(p.isoDate());
            for (String f : IndexFields.TEXT) {
                sb.append('\u0000').append(IndexFields.text(p, f));
            }
            for (String f : IndexFields.FACETS) {
                sb.append('\u0000').append(String.join("\u0002", IndexFields.facet(p, f)));
            }
            md.update(sb.toString().getBytes(StandardCharsets.UTF_8));
            sb.setLength(0);
        }
        return HexFormat.of().formatHex(md.digest());
    }

    /**
     * The cache folder's index without fsync. The index is a cache: a commit that a crash left half on disk fails its
     * checksums on the next open and is made again (see {@link #reuse}), so waiting for the disk buys nothing, and
     * the waits were most of the index stage's time on a small site (a preview rebuild after each save).
     */
    private static final class Unsynced extends org.apache.lucene.store.FilterDirectory {
        Unsynced(Directory in) {
            super(in);
        }

        @Override
        public void sync(java.util.Collection<String> names) {
            // not needed for a cache; see the class comment
        }

        @Override
        public void syncMetaData() {
            // not needed for a cache; see the class comment
        }
    }
}
