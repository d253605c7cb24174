package dev.hindsight.index;

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
 * <p>The manifest ({@code manifest.<hash>.bin}, gzip-compressed JSON) holds the document and term counts, the
 * stop words, the folder of each kind of file with the first word or term number of every shard, the facet
 * dimensions and year ranges, the typo files by word length and the query constants (main tier size, completion
 * limits). The manifest's name carries the hash of its bytes; every other file sits in a folder named after the
 * hash of all files of its kind ({@code post.<hash>/12.bin}), so the manifest stays small at 10,000 incidents
 * and any change gives new URLs. The output is byte-identical for the same input.
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
     * @param manifest the manifest's site path ({@code search/manifest.<hash>.bin})
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
        return write(store, vocabulary, Synonyms.of(config.synonyms()), out, config);
    }

    private Stats write(IndexStore store, IndexVocabulary vocabulary, Synonyms synonyms, SiteWriter out, SiteConfig config)
            throws IOException {
        Validate.notNull(store, "store");
        SearchFiles files = new SearchFiles();
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
        String fragments = new FragmentExport().write(store.docs(), config, files);

        JsonText m = new JsonText().obj().put("v", 2).put("docs", store.docs().size())
                .put("terms", postings.termCount()).put("stopwords", IncidentAnalyzer.STOPWORDS).put("maxWord", WordSplitter.MAX_WORD);
        m.key("dict").obj().put("folder", dictionary.folder()).put("first", dictionary.first()).endObj();
        m.key("mode").obj().put("shortWords", QueryMode.SHORT_WORDS).put("longWords", QueryMode.LONG_WORDS)
                .put("maxWords", QueryMode.MAX_WORDS).put("page", QueryMode.PAGE).put("best", QueryMode.BEST)
                .key("minShare").value(QueryMode.MIN_SHARE).put("pasteTerms", PasteTerms.MAX_TERMS)
                .put("pasteMinDocs", PasteTerms.MIN_DOCS).endObj();
        m.key("names").arr();
        for (Mentions.Name n : Mentions.of(store.docs(), config).names()) {
            m.arr().value(Mentions.DIMENSIONS.indexOf(n.dimension())).value(n.id()).value(n.label()).endArr();
        }
        m.endArr();
        m.key("synonyms").arr();
        for (List<List<String>> group : synonyms.groups()) {
            m.arr();
            for (List<String> phrase : group) {
                if (phrase.stream().allMatch(t -> postings.ord(t) >= 0)) {
                    m.arr();
                    phrase.forEach(t -> m.value(postings.ord(t)));
                    m.endArr();
                }
            }
            m.endArr();
        }
        m.endArr();
        m.key("post").obj().put("folder", postings.postingsFolder()).key("first");
        ints(m, postings.postingsFirst());
        m.put("main", PostingsExport.MAIN_TIER).endObj();
        m.key("tail").obj().put("folder", postings.tailFolder()).put("files", postings.tailCount()).endObj();
        m.key("postd").obj().put("folder", described.postingsFolder()).key("first");
        ints(m, described.postingsFirst());
        m.put("main", PostingsExport.MAIN_TIER).endObj();
        m.key("taild").obj().put("folder", described.tailFolder()).put("files", described.tailCount()).endObj();
        m.key("pos").obj().put("folder", postings.positionsFolder()).key("first");
        ints(m, postings.positionsFirst());
        m.put("span", TermScores.FIELD_SPAN).endObj();
        m.key("frag").obj().put("folder", fragments).put("chunk", FragmentExport.CHUNK).endObj();
        m.key("facets").obj().put("folder", facets.folder()).key("dims").arr();
        for (FacetExport.Dim dim : facets.dims()) {
            m.obj().put("id", dim.id()).put("title", FacetExport.TITLES.get(dim.id()))
                    .put("natural", FacetExport.NATURAL.contains(dim.id()) ? 1 : 0).put("file", dim.file())
                    .put("bytes", dim.bytes()).endObj();
        }
        m.endArr().key("years").arr();
        facets.years().forEach(y -> m.arr().value(y.getKey()).value(y.getValue())
                .value(y.getKey().equals(Postmortem.UNDATED) ? Postmortem.UNDATED_LABEL : y.getKey()).endArr());
        m.endArr().put("eager", FACET_BUDGET).endObj();
        m.key("typo").obj().put("folder", dictionary.typoFolder()).key("files").obj();
        dictionary.typo().forEach((len, file) -> m.put(Integer.toString(len), file));
        m.endObj().put("min", TypoDistance.MIN_WORD).put("long", TypoDistance.LONG_WORD).endObj();
        m.key("prefix").obj().put("min", QueryPlanner.MIN_PREFIX).put("max", QueryPlanner.COMPLETIONS)
                .key("weight").value(QueryPlanner.COMPLETION_WEIGHT).endObj();
        m.endObj();
        String manifest = SearchFiles.FOLDER + files.add("manifest", m.toString().getBytes(StandardCharsets.UTF_8));
        files.writeTo(out);
        return new Stats(manifest, store.docs().size(), postings.termCount(), dictionary.words(),
                postings.postingsCount(), Map.copyOf(files.counts()), Map.copyOf(files.bytesByKind()));
    }

    private static void ints(JsonText m, List<Integer> values) {
        m.arr();
        values.forEach(m::value);
        m.endArr();
    }
}
