package dev.hindsight.index;

import dev.hindsight.model.KeyHash;
import dev.hindsight.model.Postmortem;
import dev.hindsight.model.Problem;
import dev.hindsight.model.Result;
import dev.hindsight.model.Site;
import dev.hindsight.model.Validate;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.LogByteSizeMergePolicy;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.Lock;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.Version;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The Lucene index of a site, kept in the cache folder and brought up to date when the indexed content changed:
 * the documents whose digest changed are replaced and the index is merged back into one segment, which drops
 * the replaced documents from every statistic (a deleted document would still count in docFreq and maxDoc), so the
 * index answers exactly as one written from scratch. Documents are numbered newest first (then by slug); the index
 * is sorted by that order, so a Lucene doc id is that number, the position in {@link #docs()}.
 */
public final class IndexStore implements AutoCloseable {
    /** The folder inside the cache folder that holds the index. */
    public static final String FOLDER = "search-index";
    private static final String FINGERPRINT = "hindsight.fingerprint";
    /** What the documents' fields are made by: an index of another format is written again, not updated. */
    private static final String FORMAT = "hindsight.format";
    /** Newest first, then by slug: the order of export document numbers. */
    static final Comparator<Postmortem> ORDER = Postmortem.NEWEST_FIRST;

    private final Directory directory;
    private final DirectoryReader reader;
    private final IndexSearcher searcher;
    private final List<Postmortem> docs;
    private final boolean rebuilt;
    private final int written;
    /** Each document's digest, by document number. */
    private final List<String> hashes;

    private IndexStore(Directory directory, List<Postmortem> docs, Contents contents, boolean rebuilt, int written)
            throws IOException {
        this.directory = directory;
        this.reader = DirectoryReader.open(directory);
        try {
            checkOrder(reader, docs);
        } catch (IOException e) {
            reader.close();
            throw e;
        }
        this.searcher = new IndexSearcher(reader);
        this.searcher.setQueryCache(null);
        this.docs = docs;
        this.hashes = contents.hashes();
        this.rebuilt = rebuilt;
        this.written = written;
    }

    /**
     * Opens the index of a site in the cache folder, building it first when it is missing or stale.
     * When another process holds the cache's lock, the index is built in memory and a note says so.
     */
    public static Result<IndexStore> open(Site site, Path cacheDir) throws IOException {
        return open(site, cacheDir, IndexStore::digest);
    }

    /**
     * Opens the index of a site as {@link #open(Site, Path)} does, with each incident's {@link #digest} given (from
     * a memo of the build before, say) rather than made.
     */
    static Result<IndexStore> open(Site site, Path cacheDir, java.util.function.Function<Postmortem, String> digests)
            throws IOException {
        Validate.notNull(site, "site");
        Validate.notNull(cacheDir, "cacheDir");
        List<Postmortem> docs = site.postmortems().stream().sorted(ORDER).toList();
        Contents contents = Contents.of(docs, digests);
        Path folder = cacheDir.resolve(FOLDER);
        Files.createDirectories(folder);
        Directory dir = new UnsyncedDirectory(FSDirectory.open(folder));
        try {
            Map<String, String> committed = commitData(dir);
            Optional<IndexStore> kept = reuse(dir, docs, contents, committed);
            if (kept.isPresent()) {
                return Result.of(kept.get());
            }
            Optional<IndexStore> updated = update(dir, docs, contents, committed);
            if (updated.isPresent()) {
                return Result.of(updated.get());
            }
            replace(dir, docs, contents);
            return Result.of(new IndexStore(dir, docs, contents, true, docs.size()));
        } catch (LockObtainFailedException e) {
            dir.close();
            Directory memory = new ByteBuffersDirectory();
            write(memory, docs, contents);
            return new Result<>(new IndexStore(memory, docs, contents, true, docs.size()), List.of(Problem.info("", 0, "search-index",
                    "the search index cache " + folder + " is in use by another build; indexed in memory instead")));
        } catch (IOException | RuntimeException e) {
            dir.close();
            throw e;
        }
    }

    /** Builds an index in memory, for tests and one-off use. */
    public static IndexStore inMemory(List<Postmortem> postmortems) throws IOException {
        return inMemory(postmortems, IndexStore::digest);
    }

    /**
     * Builds an index in memory, with each incident's {@link #digest} given: for a build without a cache folder,
     * whose index would not be read again.
     */
    static IndexStore inMemory(List<Postmortem> postmortems, java.util.function.Function<Postmortem, String> digests)
            throws IOException {
        List<Postmortem> docs = postmortems.stream().sorted(ORDER).toList();
        Directory memory = new ByteBuffersDirectory();
        Contents contents = Contents.of(docs, digests);
        write(memory, docs, contents);
        return new IndexStore(memory, docs, contents, true, docs.size());
    }

    /** Returns the incidents by document number. */
    public List<Postmortem> docs() {
        return docs;
    }

    /** Returns the digest of everything a document put into the index, by document number. */
    String digest(int doc) {
        return hashes.get(doc);
    }

    /** Returns the searcher (BM25, the default similarity). */
    public IndexSearcher searcher() {
        return searcher;
    }

    /** Returns the reader. */
    public DirectoryReader reader() {
        return reader;
    }

    /** Returns how many documents this open analyzed and wrote: none when reused, the changed ones when updated. */
    int documentsWritten() {
        return written;
    }

    /** Returns true when this open built or updated the index rather than reusing the cached one. */
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
    private static Optional<IndexStore> reuse(Directory dir, List<Postmortem> docs, Contents contents,
                                              Map<String, String> committed) throws IOException {
        try {
            if (!contents.digest().equals(committed.getOrDefault(FINGERPRINT, ""))) {
                return Optional.empty();
            }
            IndexStore store = new IndexStore(dir, docs, contents, false, 0);
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
    private static void replace(Directory dir, List<Postmortem> docs, Contents contents) throws IOException {
        try {
            write(dir, docs, contents);
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
            write(dir, docs, contents);
        }
    }

    /** Returns the data of the index's last commit; none when there is no index or it cannot be read. */
    private static Map<String, String> commitData(Directory dir) {
        try {
            if (!DirectoryReader.indexExists(dir)) {
                return Map.of();
            }
            // The commit point alone: opening a reader opened every segment's files too.
            return SegmentInfos.readLatestCommit(dir).getUserData();
        } catch (IOException | RuntimeException e) {
            // Unreadable: neither reused nor updated, but written again with OpenMode.CREATE.
            return Map.of();
        }
    }

    /**
     * Brings an index of the same format up to date: deletes the documents that are gone or changed, adds the new
     * and changed ones, and merges into one segment without deleted documents. Empty when there is no such index,
     * when it fails its checksums, or when most documents changed (then writing it again is as cheap); the caller
     * writes it from scratch then.
     */
    private static Optional<IndexStore> update(Directory dir, List<Postmortem> docs, Contents contents,
                                               Map<String, String> committed) {
        try {
            if (!format().equals(committed.get(FORMAT))) {
                return Optional.empty();
            }
            Optional<CommittedDocs> committedDocs = CommittedDocs.of(committed);
            Map<String, String> indexed = new HashMap<>(committedDocs.map(CommittedDocs::bySlug).orElse(Map.of()));
            try (DirectoryReader r = DirectoryReader.open(dir)) {
                for (LeafReaderContext leaf : r.leaves()) {
                    leaf.reader().checkIntegrity();
                    Bits live = leaf.reader().getLiveDocs();
                    StoredFields stored = leaf.reader().storedFields();
                    // An index committed without its documents' digests (or whose entry does not read) is read whole.
                    if (committedDocs.isEmpty()) {
                        for (int d = 0; d < leaf.reader().maxDoc(); d++) {
                            if (live == null || live.get(d)) {
                                Document doc = stored.document(d, Set.of(IndexFields.SLUG, IndexFields.HASH));
                                indexed.put(doc.get(IndexFields.SLUG), doc.get(IndexFields.HASH));
                            }
                        }
                    }
                }
            }
            List<Postmortem> added = new ArrayList<>();
            List<String> hashes = new ArrayList<>();
            Set<String> wanted = new HashSet<>();
            for (int i = 0; i < docs.size(); i++) {
                Postmortem p = docs.get(i);
                String hash = contents.hashes().get(i);
                wanted.add(p.slug());
                if (!hash.equals(indexed.get(p.slug()))) {
                    added.add(p);
                    hashes.add(hash);
                }
            }
            List<String> gone = indexed.keySet().stream().filter(slug -> !wanted.contains(slug)).sorted().toList();
            // Two incidents with one slug (a check error) cannot be replaced one by one: a delete by slug takes both.
            if (wanted.size() < docs.size() || added.size() + gone.size() > docs.size() / 2) {
                return Optional.empty();
            }
            try (IndexWriter w = new IndexWriter(dir, config(IndexWriterConfig.OpenMode.APPEND))) {
                for (String slug : gone) {
                    w.deleteDocuments(new Term(IndexFields.SLUG, slug));
                }
                for (int i = 0; i < added.size(); i++) {
                    w.deleteDocuments(new Term(IndexFields.SLUG, added.get(i).slug()));
                    w.addDocument(IndexFields.document(added.get(i), hashes.get(i)));
                }
                w.forceMerge(1);
                w.setLiveCommitData(commit(docs, contents).entrySet());
                w.commit();
            }
            IndexStore store = new IndexStore(dir, docs, contents, true, added.size());
            if (store.reader.numDeletedDocs() > 0 || store.reader.leaves().size() > 1) {
                store.reader.close();
                return Optional.empty();
            }
            return Optional.of(store);
        } catch (IOException | RuntimeException e) {
            // A damaged or unreadable index: written again from scratch by the caller.
            return Optional.empty();
        }
    }

    private static void write(Directory dir, List<Postmortem> docs, Contents contents) throws IOException {
        try (IndexWriter w = new IndexWriter(dir, config(IndexWriterConfig.OpenMode.CREATE))) {
            for (int i = 0; i < docs.size(); i++) {
                w.addDocument(IndexFields.document(docs.get(i), contents.hashes().get(i)));
            }
            w.forceMerge(1);
            w.setLiveCommitData(commit(docs, contents).entrySet());
            w.commit();
        }
    }

    /**
     * The writer's settings. The index is sorted by {@link IndexFields#orderKey}: documents are added in that order
     * when the index is written whole (the sort then has nothing to do), and an update's new documents are merged
     * into their places.
     */
    private static IndexWriterConfig config(IndexWriterConfig.OpenMode mode) {
        return new IndexWriterConfig(IndexFields.analyzer())
                .setOpenMode(mode)
                .setIndexSort(new Sort(new SortField(IndexFields.ORDER, SortField.Type.STRING)))
                .setMergePolicy(new LogByteSizeMergePolicy())
                .setRAMBufferSizeMB(64)
                // 10,000 incidents fit the buffer and flush as one segment. Flushed as a compound file, that
                // segment counted as "not merged", so forceMerge(1) rewrote the whole index (about 1.3 s of
                // CPU at 10k); without compound files it has nothing to do.
                .setUseCompoundFile(false)
                .setCommitOnClose(false);
    }

    private static Map<String, String> commit(List<Postmortem> docs, Contents contents) {
        return Map.of(FINGERPRINT, contents.digest(), FORMAT, format(),
                CommittedDocs.KEY, CommittedDocs.entry(docs, contents.hashes()));
    }

    /** The analyzer's and Lucene's versions, which decide what a document's fields hold. */
    private static String format() {
        return IncidentAnalyzer.VERSION + "/" + Version.LATEST;
    }

    /** Checks that every Lucene doc id is its document's position in the list: the same order key. */
    private static void checkOrder(DirectoryReader reader, List<Postmortem> docs) throws IOException {
        if (reader.maxDoc() != docs.size()) {
            throw new IOException("the search index holds " + reader.maxDoc() + " documents, not " + docs.size());
        }
        for (LeafReaderContext leaf : reader.leaves()) {
            SortedDocValues keys = leaf.reader().getSortedDocValues(IndexFields.ORDER);
            for (int d = 0; d < leaf.reader().maxDoc(); d++) {
                if (keys == null || !keys.advanceExact(d)
                        || !keys.lookupOrd(keys.ordValue()).equals(IndexFields.orderKey(docs.get(leaf.docBase + d)))) {
                    throw new IOException("the search index is out of document order at doc " + (leaf.docBase + d));
                }
            }
        }
    }

    /**
     * What goes into the index: each document's digest, in document order, and the digest of them all with the
     * analyzer's and Lucene's versions (the index's fingerprint).
     */
    record Contents(List<String> hashes, String digest) {
        static Contents of(List<Postmortem> docs, java.util.function.Function<Postmortem, String> digests) {
            List<String> hashes = docs.parallelStream().map(digests).toList();
            KeyHash md = KeyHash.start();
            md.update(format().getBytes(StandardCharsets.UTF_8));
            hashes.forEach(h -> md.update(h.getBytes(StandardCharsets.US_ASCII)));
            return new Contents(hashes, md.hex());
        }
    }

    /** Hashes everything one incident puts into the index. */
    static String digest(Postmortem p) {
        StringBuilder sb = new StringBuilder();
        sb.append(p.slug()).append('\u0000').append(p.source()).append('\u0000').append(p.isoDate());
        for (String f : IndexFields.TEXT) {
            sb.append('\u0000').append(IndexFields.text(p, f));
        }
        for (String f : IndexFields.FACETS) {
            sb.append('\u0000').append(String.join("\u0002", IndexFields.facet(p, f)));
        }
        return KeyHash.hex(sb.toString());
    }
}
