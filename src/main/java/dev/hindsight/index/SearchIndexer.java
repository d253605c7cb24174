package dev.hindsight.index;

import dev.hindsight.analyze.Analysis;
import dev.hindsight.model.CacheFolder;
import dev.hindsight.model.IncidentDigests;
import dev.hindsight.model.KeyHash;
import dev.hindsight.model.Postmortem;
import dev.hindsight.model.Problem;
import dev.hindsight.model.RecordCodec;
import dev.hindsight.model.Result;
import dev.hindsight.model.Site;
import dev.hindsight.model.SiteConfig;
import dev.hindsight.model.SiteWriter;
import dev.hindsight.model.SynonymGroup;
import dev.hindsight.model.Term;
import dev.hindsight.model.Validate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The index stage: builds (or reuses) the Lucene index in the cache folder, exports it for the browser under
 * {@code search/}, and computes similar incidents.
 */
public final class SearchIndexer {
    private final int threads;

    /** Creates an indexer that uses every core for similar incidents. */
    public SearchIndexer() {
        this(Runtime.getRuntime().availableProcessors());
    }

    /** Creates an indexer with a number of threads for similar incidents. */
    public SearchIndexer(int threads) {
        Validate.isTrue(threads > 0, "threads must be positive");
        this.threads = threads;
    }

    /** Indexes a site into the cache folder and writes the static search export. */
    public Result<SearchIndex> index(Site site, Analysis analysis, Path cacheDir, SiteWriter out) {
        return index(site, analysis, cacheDir, out, CacheFolder.none());
    }

    /**
     * Indexes a site and writes the export, or, when a build cache holds the stage's output for the same incidents
     * and vocabularies, writes that: the export's files and the similar-incident lists depend on nothing else.
     */
    public Result<SearchIndex> index(Site site, Analysis analysis, Path cacheDir, SiteWriter out, CacheFolder cache) {
        return index(site, analysis, cacheDir, out, cache, IncidentDigests.of(site.postmortems()));
    }

    /** Indexes a site as {@link #index(Site, Analysis, Path, SiteWriter, CacheFolder)} does, with its incidents' digests made once for the build. */
    public Result<SearchIndex> index(Site site, Analysis analysis, Path cacheDir, SiteWriter out, CacheFolder cache,
                                     IncidentDigests digests) {
        Validate.notNull(cacheDir, "cacheDir");
        try (Indexing indexing = open(site, Optional.of(cacheDir), cache, digests)) {
            return indexing.exportAll(out);
        }
    }

    /**
     * Brings the index up to date and makes the similar-incident lists, leaving the export to write: the pipeline
     * makes the preview's first pages in between, since a page shows the lists and not the export. The lists and the
     * export are the stage's output kept by the build before when the cache holds it for the same inputs.
     *
     * @param cacheDir the cache folder the Lucene index is kept in between builds; empty for a build without one (the
     *                 index is then made in memory)
     */
    public Indexing open(Site site, Optional<Path> cacheDir, CacheFolder cache, IncidentDigests digests) {
        Validate.notNull(site, "site");
        Validate.notNull(cacheDir, "cacheDir");
        Validate.notNull(cache, "cache");
        Validate.notNull(digests, "digests");
        Background side = new Background();
        if (!cache.enabled()) {
            return made(site, cacheDir, cache, Inputs.NONE, Optional.empty(), side);
        }
        Inputs inputs = inputs(site, digests);
        String key = cache.key("index", inputs.digest());
        return kept(cache, key, site, side).orElseGet(() -> made(site, cacheDir, cache, inputs, Optional.of(key), side));
    }

    /**
     * Returns the stage's output kept by the build before for the same inputs, when it and every export file it names
     * read back; its export writes the kept files.
     */
    private static Optional<Indexing> kept(CacheFolder cache, String key, Site site, Background side) {
        Optional<Output> kept = kept(cache, key, Output.class);
        if (kept.isEmpty()) {
            return Optional.empty();
        }
        Output o = kept.get();
        // The export's bytes are the compressed files' memo's, which the build that kept the output left.
        Map<String, byte[]> zipped = kept(cache, cache.key(ZIPS), Zips.class).map(Zips::files).orElse(Map.of());
        if (!o.files().stream().allMatch(f -> zipped.containsKey(f.key()))) {
            return Optional.empty();
        }
        SearchIndex index = new SearchIndex(o.similar(), o.manifest(), site.postmortems().size());
        return Optional.of(new Indexing(Result.of(index), out -> {
            try {
                for (ExportFile f : o.files()) {
                    out.write(f.path(), zipped.get(f.key()));
                }
            } catch (IOException | UncheckedIOException e) {
                return new Result<>(new SearchIndex(Map.of(), ""), List.of(Problem.error("", 0, "io",
                        "could not write the search export: " + e.getMessage())));
            }
            return new Result<>(index, cache.collect());
        }, List.of(side::close)));
    }

    /**
     * What the stage made: the export's files by path, each with its key among the compressed files' memo (which
     * holds their bytes: keeping them here too was a second copy of the export to encode and store every build), the
     * similar lists and the manifest's path.
     */
    private record Output(List<ExportFile> files, Map<String, List<Similar>> similar, String manifest) {
    }

    private record ExportFile(String path, String key) {
    }

    /**
     * Returns the digest of everything the stage reads: every incident whole (the build's digests of them, in order),
     * and the vocabularies and synonyms.
     */
    private static Inputs inputs(Site site, IncidentDigests digests) {
        KeyHash md = KeyHash.start();
        Map<Postmortem, String> byIncident = new java.util.IdentityHashMap<>();
        for (Postmortem p : site.postmortems()) {
            String d = digests.of(p);
            md.update(d.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            byIncident.put(p, d);
        }
        RecordCodec.digest(vocabularies(site.config()), md);
        return new Inputs(md.hex(), byIncident);
    }

    /** The digest of the stage's inputs, and of each incident whole (by the instance), which the export's memos key by. */
    private record Inputs(String digest, Map<Postmortem, String> incidents) {
        static final Inputs NONE = new Inputs("", Map.of());

        Optional<String> of(Postmortem p) {
            return Optional.ofNullable(incidents.get(p));
        }
    }

    private static Vocabularies vocabularies(SiteConfig c) {
        return new Vocabularies(c.synonyms(), c.severities(), c.causes(), c.services(), c.teams());
    }

    /**
     * Returns the key of the similar-incident state: one entry, replaced by each build, under the vocabularies it was
     * made with (the generator's own build is in every key).
     */
    private static String stateKey(CacheFolder cache, SiteConfig c) {
        return cache.key("similar-state", RecordCodec.hash(vocabularies(c)));
    }

    /**
     * What the vocabulary step leaves for the next build: each document's distinct words by the digest of what it
     * indexes (joined by a line feed, which no word holds: one string per document reads back far faster than a list
     * of words), and the vocabulary they made. The next build splits only the documents that are new or changed, and
     * counts only the words of those and of the ones gone (splitting every document was a fifth of the stage at
     * 10,000 incidents; decoding and counting every document's words then was most of what remained).
     */
    private record WordMemo(Map<String, String> words, IndexVocabulary.State vocabulary) {
    }

    private static final String WORD_BREAK = "\n";

    /**
     * Returns the vocabulary of an index's documents (in document order, with their {@link IndexStore#digest}s), from
     * the one the build before made when the cache holds it; the memo for the next build is stored on the background
     * thread.
     */
    private static IndexVocabulary vocabulary(List<Postmortem> docs, List<String> digests, CacheFolder cache,
                                              Background side) {
        String key = cache.key("vocabulary-words");
        Optional<Before> before = memo(cache, key);
        Map<String, String> known = before.map(Before::words).orElse(Map.of());
        Map<String, List<String>> joined = new java.util.concurrent.ConcurrentHashMap<>();
        java.util.stream.IntStream.range(0, docs.size()).parallel().filter(d -> !known.containsKey(digests.get(d)))
                .forEach(d -> joined.put(digests.get(d), IndexVocabulary.distinctWords(docs.get(d))));
        Set<String> now = new java.util.HashSet<>(digests);
        // Each digest names one document (it holds the slug and the source path); the guard keeps the counts exact
        // if two ever shared one.
        boolean incremental = before.isPresent() && now.size() == docs.size()
                && known.size() == before.get().vocabulary().docCount();
        IndexVocabulary vocabulary;
        if (incremental) {
            List<List<String>> left = known.entrySet().stream().filter(e -> !now.contains(e.getKey()))
                    .map(e -> split(e.getValue())).toList();
            if (left.isEmpty() && joined.isEmpty()) {
                return before.get().vocabulary();
            }
            vocabulary = before.get().vocabulary().update(left, List.copyOf(joined.values()), docs.size());
        } else {
            vocabulary = IndexVocabulary.of(docs, d -> {
                String kept = known.get(digests.get(d));
                return kept != null ? split(kept) : joined.get(digests.get(d));
            });
        }
        if (cache.enabled()) {
            Map<String, String> next = new java.util.HashMap<>();
            for (String digest : digests) {
                String kept = known.get(digest);
                next.put(digest, kept != null ? kept : String.join(WORD_BREAK, joined.get(digest)));
            }
            IndexVocabulary.State state = vocabulary.state();
            side.later(() -> cache.putRecord(key, new WordMemo(next, state)));
        }
        return vocabulary;
    }

    /** The memo the build before left, its vocabulary made whole. */
    private record Before(Map<String, String> words, IndexVocabulary vocabulary) {
    }

    /** Returns the memo the build before left, or none when there is none or it does not read. */
    private static Optional<Before> memo(CacheFolder cache, String key) {
        Optional<WordMemo> memo = kept(cache, key, WordMemo.class);
        try {
            return memo.map(m -> new Before(m.words(), IndexVocabulary.of(m.vocabulary())));
        } catch (IllegalArgumentException e) {
            // Words that do not make a vocabulary are split again, and counted.
            return Optional.empty();
        }
    }

    /**
     * Returns an entry the build before left under a key, read back as a record; empty when there is none or it does
     * not read (then what it would have saved is made again).
     */
    private static <T extends Record> Optional<T> kept(CacheFolder cache, String key, Class<T> type) {
        return cache.getRecord(key, type);
    }

    private static List<String> split(String words) {
        return words.isEmpty() ? List.of() : List.of(words.split(WORD_BREAK, -1));
    }

    private static final String ZIPS = "export-gzip";

    /** The compressed files of the export, by payload digest and method, and the compressor's probe ({@link GzipMemo}). */
    private record Zips(String probe, Map<String, byte[]> files) {
    }

    /** Returns the memo of the export's compressed files, from what the build before left when the cache holds it. */
    private static GzipMemo zips(CacheFolder cache) {
        if (!cache.enabled()) {
            return GzipMemo.none();
        }
        Zips z = kept(cache, cache.key(ZIPS), Zips.class).orElse(new Zips("", Map.of()));
        return GzipMemo.after(z.probe(), z.files());
    }

    private static final String FRAGMENTS = "export-fragments";

    /** The export's fragment files, by the digests of their incidents and labels ({@link FragmentMemo}). */
    private record Fragments(Map<String, byte[]> files) {
    }

    /** Returns the memo of the export's fragment files, from what the build before left when the cache holds it. */
    private static FragmentMemo fragments(CacheFolder cache, Inputs inputs) {
        if (!cache.enabled()) {
            return FragmentMemo.none();
        }
        return FragmentMemo.after(inputs::of, kept(cache, cache.key(FRAGMENTS), Fragments.class).map(Fragments::files).orElse(Map.of()));
    }

    /** Returns the similar-incident state the build before left, or none when there is none or it does not read. */
    private static SimilarState before(CacheFolder cache, String key) {
        return kept(cache, key, SimilarState.class).orElse(SimilarState.NONE);
    }

    private record Vocabularies(List<SynonymGroup> synonyms, List<Term> severities, List<Term> causes,
                                List<Term> services, List<Term> teams) {
    }

    /** What the export reads of the build before: the vocabulary made from its, and its compressed and fragment files. */
    private record Memos(IndexVocabulary vocabulary, GzipMemo zips, FragmentMemo fragments) {
    }

    /**
     * Brings the index up to date and makes the similar lists. What needs no index (the vocabulary, and reading the
     * memos and the similar-incident state of the build before) is done on the background thread while the index is
     * brought up to date; the export's files are written and the memos for the next build stored there too.
     */
    private Indexing made(Site site, Optional<Path> cacheDir, CacheFolder cache, Inputs inputs,
                          Optional<String> outputKey, Background side) {
        List<Problem> problems = new ArrayList<>();
        IndexStore store = null;
        try {
            List<Postmortem> docs = site.postmortems().stream().sorted(IndexStore.ORDER).toList();
            Map<Postmortem, Digests> digested = digests(docs, cache, inputs, side);
            java.util.function.Function<Postmortem, String> hashes = p -> digested.get(p).index();
            List<String> ordered = docs.stream().map(hashes).toList();
            java.util.concurrent.Future<Memos> memos = side.start(() ->
                    new Memos(vocabulary(docs, ordered, cache, side), zips(cache), fragments(cache, inputs)));
            String key = stateKey(cache, site.config());
            java.util.concurrent.Future<SimilarState> before = side.start(() -> before(cache, key));
            // Without a cache folder the index would not be read again: it is made in memory.
            Result<IndexStore> opened = cacheDir.isPresent() ? IndexStore.open(site, cacheDir.get(), hashes)
                    : Result.of(IndexStore.inMemory(docs, hashes));
            problems.addAll(opened.problems());
            store = opened.value();
            Memos m = Background.join(memos);
            Map<String, String> words = m.vocabulary().displayWords();
            SimilarFinder.Found similar = new SimilarFinder(store, t -> words.getOrDefault(t, t))
                    .findAll(threads, Background.join(before),
                            store.docs().stream().map(p -> digested.get(p).similar()).toList());
            if (!similar.state().docs().isEmpty()) {
                side.later(() -> cache.putRecord(key, similar.state()));
            }
            SearchIndex index = new SearchIndex(similar.lists(), SearchFiles.FOLDER + SearchFiles.MANIFEST,
                    store.docs().size() - similar.made());
            IndexStore open = store;
            // An index opened with an error is not kept for the next build.
            Optional<String> keep = problems.stream().anyMatch(Problem::isError) ? Optional.empty() : outputKey;
            return new Indexing(new Result<>(index, problems),
                    out -> exported(open, m, site, out, cache, keep, side, index, cacheDir),
                    List.of(side::close, open::close));
        } catch (IOException | UncheckedIOException e) {
            problems.add(Indexing.problem(cacheDir, e));
            List<java.io.Closeable> held = store == null ? List.of(side::close) : List.of(side::close, store::close);
            return Indexing.failed(new Result<>(new SearchIndex(Map.of(), ""), problems), held);
        }
    }

    /**
     * Makes the export from the index and writes it (on the background thread, with the memos for the next build),
     * stores the stage's output under its key, waits for the background work and sweeps the cache.
     */
    private static Result<SearchIndex> exported(IndexStore store, Memos m, Site site, SiteWriter out, CacheFolder cache,
                                                Optional<String> outputKey, Background side, SearchIndex index,
                                                Optional<Path> cacheDir) {
        List<Problem> problems = new ArrayList<>();
        try {
            StaticExport.Made export = new StaticExport().make(store, m.vocabulary(), site.config(), m.zips(),
                    m.fragments());
            Validate.isTrue(export.stats().manifest().equals(index.manifestPath()),
                    "the manifest is where the pages were told it is");
            side.later(() -> {
                try {
                    export.writeTo(out);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            if (cache.enabled()) {
                side.later(() -> cache.putRecord(cache.key(ZIPS), new Zips(m.zips().probeNow(), m.zips().entries())));
                side.later(() -> cache.putRecord(cache.key(FRAGMENTS), new Fragments(m.fragments().entries())));
            }
            outputKey.ifPresent(k -> {
                List<ExportFile> files = export.keys().entrySet().stream()
                        .map(e -> new ExportFile(e.getKey(), e.getValue())).toList();
                cache.putRecord(k, new Output(files, index.similar(), index.manifestPath()));
            });
            side.await();
        } catch (IOException | UncheckedIOException e) {
            problems.add(Indexing.problem(cacheDir, e));
            return new Result<>(new SearchIndex(Map.of(), ""), problems);
        }
        // The entries of earlier contents are swept, or each build that changed an incident would leave one behind.
        if (cache.enabled()) {
            problems.addAll(cache.collect());
        }
        return new Result<>(index, problems);
    }

    private static final String DIGESTS = "index-digests";

    /** Each incident's digests, by the digest of the incident whole, of which both are functions. */
    private record IndexDigests(Map<String, Digests> byIncident) {
    }

    /**
     * The digests of one incident: what the index holds of it ({@link IndexStore#digest}) and everything its similar
     * list reads of it ({@link SimilarInputs#digest}).
     */
    private record Digests(String index, String similar) {
        static Digests of(Postmortem p) {
            String index = IndexStore.digest(p);
            return new Digests(index, SimilarInputs.digest(p, index));
        }
    }

    /**
     * Returns each document's digests, by instance: kept from the build before for an incident whole the same, made
     * for the rest (digesting every incident's indexed text and gist again was most of opening an index that one edit
     * changed, and a fifth of making its lists); the next build's memo is stored on the background thread.
     */
    private static Map<Postmortem, Digests> digests(List<Postmortem> docs, CacheFolder cache, Inputs inputs,
                                                    Background side) {
        Map<String, Digests> known = cache.enabled()
                ? kept(cache, cache.key(DIGESTS), IndexDigests.class).map(IndexDigests::byIncident).orElse(Map.of())
                : Map.of();
        List<Digests> made = docs.parallelStream()
                .map(p -> inputs.of(p).map(known::get).orElseGet(() -> Digests.of(p))).toList();
        Map<Postmortem, Digests> out = new java.util.IdentityHashMap<>();
        Map<String, Digests> next = new java.util.HashMap<>();
        for (int i = 0; i < docs.size(); i++) {
            out.put(docs.get(i), made.get(i));
            String whole = inputs.of(docs.get(i)).orElse(null);
            if (whole != null) {
                next.put(whole, made.get(i));
            }
        }
        if (cache.enabled()) {
            side.later(() -> cache.putRecord(cache.key(DIGESTS), new IndexDigests(next)));
        }
        return out;
    }
}
