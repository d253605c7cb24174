package dev.hindsight.index;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.hindsight.model.JsonOut;
import dev.hindsight.model.Postmortem;
import dev.hindsight.model.SiteConfig;
import dev.hindsight.model.SiteWriter;
import dev.hindsight.model.Validate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Exports a Lucene index as the static search files under {@code public/search/}, read by
 * {@code assets/js/search-engine.js}. A query downloads the manifest, the dictionary shards of its words, their
 * postings shards, tails when it needs every match, the facet columns, and the fragments of the visible results;
 * positions only for quoted phrases and a typo lexicon file only for a word that matches nothing.
 *
 * <p>The manifest ({@code manifest.bin}, gzip-compressed JSON) holds the document and term counts, the
 * stop words, the folder of each kind of file with the first word or term number of every shard, the facet
 * dimensions and year ranges, the typo files by word length and the query constants (main tier size, completion
 * limits). The manifest keeps one name (see {@link SearchFiles#MANIFEST}); every other file sits in a folder named
 * after the hash of all files of its kind ({@code post.<hash>/12.bin}), so the manifest stays small at 10,000
 * incidents and any change gives new URLs. The output is byte-identical for the same input.
 */
final class StaticExport {
    /**
     * Compressed bytes of facet columns a query loads up front (in dimension order); the client loads the others
     * when their filter is shown or used. Small sites load them all.
     */
    static final int FACET_BUDGET = 32 * 1024;

    /**
     * What was written.
     *
     * @param manifest the manifest's site path ({@code search/manifest.bin})
     * @param docs     documents
     * @param terms    index terms
     * @param words    dictionary words
     * @param postings (term, document) postings
     * @param files    files per kind
     * @param bytes    compressed bytes per kind
     */
    record Stats(String manifest, int docs, int terms, int words, long postings, Map<String, Integer> files,
                 Map<String, Long> bytes) {
    }

    /** Writes the export of an index and returns what was written. */
    Stats write(IndexStore store, IndexVocabulary vocabulary, SiteConfig config, SiteWriter out) throws IOException {
        return write(store, vocabulary, config, out, GzipMemo.none(), FragmentMemo.none());
    }

    /**
     * Writes the export of an index, taking from the memos of the build before the compressed files of the same
     * payloads and the fragment files of the same incidents, and returns what was written.
     */
    Stats write(IndexStore store, IndexVocabulary vocabulary, SiteConfig config, SiteWriter out, GzipMemo zips,
                FragmentMemo fragmentMemo) throws IOException {
        Made made = make(store, vocabulary, config, zips, fragmentMemo);
        made.writeTo(out);
        return made.stats();
    }

    /**
     * An export made and not written yet: what it holds, its files by site path ({@code search/...}), to be written
     * while the build goes on, and each file's key among the compressed files' memo ({@link GzipMemo#entries}; empty
     * when it remembers nothing), by site path.
     */
    record Made(Stats stats, Map<String, byte[]> files, Map<String, String> keys) {
        /** Writes every file, several at once (at 10,000 incidents they are some 13,000 files). */
        void writeTo(SiteWriter out) throws IOException {
            try {
                files.entrySet().parallelStream().forEach(e -> {
                    try {
                        out.write(e.getKey(), e.getValue());
                    } catch (IOException x) {
                        throw new java.io.UncheckedIOException(x);
                    }
                });
            } catch (java.io.UncheckedIOException x) {
                throw x.getCause();
            }
        }
    }

    /** Makes the export of an index as {@link #write(IndexStore, IndexVocabulary, SiteConfig, SiteWriter, GzipMemo, FragmentMemo)} writes it. */
    Made make(IndexStore store, IndexVocabulary vocabulary, SiteConfig config, GzipMemo zips, FragmentMemo fragmentMemo)
            throws IOException {
        return make(store, vocabulary, Synonyms.of(config.synonyms()), config, zips, fragmentMemo);
    }

    private Made make(IndexStore store, IndexVocabulary vocabulary, Synonyms synonyms, SiteConfig config,
                      GzipMemo zips, FragmentMemo fragmentMemo) throws IOException {
        Validate.notNull(store, "store");
        SearchFiles files = new SearchFiles(zips);
        PostingsExport postings = new PostingsExport(files, false);
        PostingsExport described = new PostingsExport(files, true);
        new TermScores(store.searcher(), true).forEach(e -> {
            postings.accept(e);
            described.accept(e);
        });
        postings.finish();
        described.finish();
        DictionaryExport dictionary = new DictionaryExport();
        dictionary.write(vocabulary, postings, files);
        FacetExport facets = new FacetExport();
        facets.write(store.docs(), config, files);
        String fragments = new FragmentExport().write(store.docs(), config, files, fragmentMemo);

        String json = JsonOut.string(JsonOut.Layout.COMPACT, m -> manifest(m, store, config, synonyms, postings, described,
                dictionary, facets, fragments));
        String manifest = SearchFiles.FOLDER + files.addManifest(json.getBytes(StandardCharsets.UTF_8));
        Map<String, byte[]> bySitePath = new java.util.TreeMap<>();
        files.files().forEach((name, bytes) -> bySitePath.put(SearchFiles.FOLDER + name, bytes));
        Map<String, String> keys = new java.util.TreeMap<>();
        files.keys().forEach((name, key) -> keys.put(SearchFiles.FOLDER + name, key));
        return new Made(new Stats(manifest, store.docs().size(), postings.termCount(), dictionary.words(),
                postings.postingsCount(), Map.copyOf(files.counts()), Map.copyOf(files.bytesByKind())),
                java.util.Collections.unmodifiableMap(bySitePath), java.util.Collections.unmodifiableMap(keys));
    }

    /** Writes the manifest: counts, constants, and the folder and first entries of every kind of file. */
    private static void manifest(JsonGenerator m, IndexStore store, SiteConfig config, Synonyms synonyms,
                                 PostingsExport postings, PostingsExport described, DictionaryExport dictionary,
                                 FacetExport facets, String fragments) throws IOException {
        m.writeStartObject();
        m.writeNumberField("v", 2);
        m.writeNumberField("docs", store.docs().size());
        m.writeNumberField("terms", postings.termCount());
        JsonOut.strings(m, "stopwords", IncidentAnalyzer.STOPWORDS);
        m.writeNumberField("maxWord", WordSplitter.MAX_WORD);
        m.writeObjectFieldStart("dict");
        m.writeStringField("folder", dictionary.folder());
        JsonOut.strings(m, "first", dictionary.first());
        m.writeEndObject();
        m.writeObjectFieldStart("mode");
        m.writeNumberField("shortWords", QueryMode.SHORT_WORDS);
        m.writeNumberField("longWords", QueryMode.LONG_WORDS);
        m.writeNumberField("maxWords", QueryMode.MAX_WORDS);
        m.writeNumberField("page", QueryMode.PAGE);
        m.writeNumberField("best", QueryMode.BEST);
        m.writeFieldName("minShare");
        JsonOut.decimal(m, QueryMode.MIN_SHARE, SearchOutput.DECIMALS);
        m.writeFieldName("corrected");
        JsonOut.decimal(m, QueryPlanner.CORRECTED_WEIGHT, SearchOutput.DECIMALS);
        m.writeNumberField("pasteTerms", PasteTerms.MAX_TERMS);
        m.writeNumberField("pasteMinDocs", PasteTerms.MIN_DOCS);
        m.writeEndObject();
        m.writeArrayFieldStart("names");
        for (Mentions.Name n : Mentions.of(store.docs(), config).names()) {
            m.writeStartArray();
            m.writeNumber(Mentions.DIMENSIONS.indexOf(n.dimension()));
            m.writeString(n.id());
            m.writeString(n.label());
            m.writeEndArray();
        }
        m.writeEndArray();
        m.writeArrayFieldStart("synonyms");
        for (List<List<String>> group : synonyms.groups()) {
            m.writeStartArray();
            for (List<String> phrase : group) {
                if (phrase.stream().allMatch(t -> postings.ord(t) >= 0)) {
                    ints(m, phrase.stream().map(postings::ord).toList());
                }
            }
            m.writeEndArray();
        }
        m.writeEndArray();
        postings(m, "post", "tail", postings);
        postings(m, "postd", "taild", described);
        m.writeObjectFieldStart("pos");
        m.writeStringField("folder", postings.positionsFolder());
        m.writeFieldName("first");
        ints(m, postings.positionsFirst());
        m.writeNumberField("span", TermScores.FIELD_SPAN);
        m.writeEndObject();
        m.writeObjectFieldStart("frag");
        m.writeStringField("folder", fragments);
        m.writeNumberField("chunk", FragmentExport.CHUNK);
        m.writeEndObject();
        facets(m, facets);
        m.writeObjectFieldStart("typo");
        m.writeStringField("folder", dictionary.typoFolder());
        m.writeObjectFieldStart("files");
        for (var e : dictionary.typo().entrySet()) {
            m.writeNumberField(Integer.toString(e.getKey()), e.getValue());
        }
        m.writeEndObject();
        m.writeNumberField("min", TypoDistance.MIN_WORD);
        m.writeNumberField("long", TypoDistance.LONG_WORD);
        m.writeEndObject();
        m.writeObjectFieldStart("prefix");
        m.writeNumberField("min", QueryPlanner.MIN_PREFIX);
        m.writeNumberField("max", QueryPlanner.COMPLETIONS);
        m.writeFieldName("weight");
        JsonOut.decimal(m, QueryPlanner.COMPLETION_WEIGHT, SearchOutput.DECIMALS);
        m.writeEndObject();
        m.writeEndObject();
    }

    /** Writes a postings export's two entries: its main-tier shards and its tails. */
    private static void postings(JsonGenerator m, String name, String tailName, PostingsExport p) throws IOException {
        m.writeObjectFieldStart(name);
        m.writeStringField("folder", p.postingsFolder());
        m.writeFieldName("first");
        ints(m, p.postingsFirst());
        m.writeNumberField("main", PostingsExport.MAIN_TIER);
        m.writeEndObject();
        m.writeObjectFieldStart(tailName);
        m.writeStringField("folder", p.tailFolder());
        m.writeNumberField("files", p.tailCount());
        m.writeEndObject();
    }

    private static void facets(JsonGenerator m, FacetExport facets) throws IOException {
        m.writeObjectFieldStart("facets");
        m.writeStringField("folder", facets.folder());
        m.writeArrayFieldStart("dims");
        for (FacetExport.Dim dim : facets.dims()) {
            m.writeStartObject();
            m.writeStringField("id", dim.id());
            m.writeStringField("title", FacetExport.TITLES.get(dim.id()));
            m.writeNumberField("natural", FacetExport.NATURAL.contains(dim.id()) ? 1 : 0);
            m.writeNumberField("file", dim.file());
            m.writeNumberField("bytes", dim.bytes());
            m.writeEndObject();
        }
        m.writeEndArray();
        m.writeArrayFieldStart("years");
        for (var y : facets.years()) {
            m.writeStartArray();
            m.writeString(y.getKey());
            m.writeNumber(y.getValue());
            m.writeString(y.getKey().equals(Postmortem.UNDATED) ? Postmortem.UNDATED_LABEL : y.getKey());
            m.writeEndArray();
        }
        m.writeEndArray();
        m.writeNumberField("eager", FACET_BUDGET);
        m.writeEndObject();
    }

    private static void ints(JsonGenerator m, List<Integer> values) throws IOException {
        m.writeStartArray();
        for (int v : values) {
            m.writeNumber(v);
        }
        m.writeEndArray();
    }
}
