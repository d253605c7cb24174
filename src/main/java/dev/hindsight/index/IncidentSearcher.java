package dev.hindsight.index;

import dev.hindsight.model.Postmortem;
import dev.hindsight.model.SiteConfig;
import dev.hindsight.model.Validate;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Searches the Lucene index the way the browser searches the static export: the same query parsing, planning
 * and scoring, so the terminal and the site agree (the parity test checks it).
 */
public final class IncidentSearcher {
    private final IndexStore store;
    private final IndexVocabulary vocabulary;
    private final QueryPlanner planner;
    private final Mentions mentions;

    /** Creates a searcher over an open index, with the shipped synonyms only and names as their ids. */
    public IncidentSearcher(IndexStore store) throws IOException {
        this(store, Synonyms.of(List.of()), Mentions.of(store.docs(), java.util.Map.of()));
    }

    /** Creates a searcher over an open index with a site's synonyms and names. */
    public IncidentSearcher(IndexStore store, SiteConfig config) throws IOException {
        this(store, Synonyms.of(config.synonyms()), Mentions.of(store.docs(), config));
    }

    private IncidentSearcher(IndexStore store, Synonyms synonyms, Mentions mentions) throws IOException {
        this.store = Validate.notNull(store, "store");
        this.vocabulary = IndexVocabulary.of(store);
        this.planner = new QueryPlanner(vocabulary, synonyms);
        this.mentions = mentions;
    }

    /** Returns the vocabulary of the index. */
    public IndexVocabulary vocabulary() {
        return vocabulary;
    }

    /** Plans a query the way the browser does: pasted text as "more like this", typed words as words. */
    public QueryPlan plan(SearchRequest request) {
        if (QueryText.isLong(request.text())) {
            return PasteTerms.plan(request.text(), vocabulary, store.docs().size());
        }
        QueryText text = QueryText.parse(request.text(), Set.copyOf(IncidentAnalyzer.STOPWORDS));
        return planner.plan(request.prefix() ? text : text.complete());
    }

    /**
     * Runs a search: incidents matching every word first (ties: newest first) with their exact number; then, when
     * fewer than a page match every word and the plan allows it, incidents matching enough of the words. When quoted
     * phrases match nothing, the same words are searched without the quotes, and the result says so: quotes in a
     * pasted log line or JSON ({@code msg="..."}) are the text's own, not a request for exact phrases.
     */
    public SearchResult search(SearchRequest request) throws IOException {
        Validate.notNull(request, "request");
        SearchResult result = run(request);
        if (result.hits().isEmpty() && result.plan().hasPhrases()) {
            return run(request.withText(QueryText.unquoted(request.text()))).asUnquoted();
        }
        return result;
    }

    private SearchResult run(SearchRequest request) throws IOException {
        QueryPlan plan = plan(request);
        if (wordless(plan, request)) {
            return new SearchResult(plan, 0, List.of(), List.of(), false);
        }
        IndexSearcher searcher = store.searcher();
        List<ScoreDoc> ranked = new ArrayList<>();
        Set<Integer> every = new HashSet<>();
        int total;
        if (plan.mode() == QueryMode.LONG) {
            TopDocs top = searcher.search(since(LuceneQuery.build(plan, request.filters(), plan.minMatch()), request),
                    new TopScoreDocCollectorManager(request.limit(), Integer.MAX_VALUE));
            ranked.addAll(List.of(top.scoreDocs));
            total = (int) top.totalHits.value;
            fillWithOneWord(searcher, plan, request, ranked);
        } else {
            TopDocs top = searcher.search(since(LuceneQuery.build(plan, request.filters()), request),
                    new TopScoreDocCollectorManager(request.limit(), Integer.MAX_VALUE));
            total = (int) top.totalHits.value;
            for (ScoreDoc sd : top.scoreDocs) {
                ranked.add(sd);
                every.add(sd.doc);
            }
            if (plan.relaxes() && total < QueryMode.PAGE && ranked.size() < request.limit()) {
                TopDocs more = searcher.search(since(LuceneQuery.build(plan, request.filters(), plan.minMatch()), request),
                        new TopScoreDocCollectorManager(request.limit() + total, Integer.MAX_VALUE));
                for (ScoreDoc sd : more.scoreDocs) {
                    if (ranked.size() < request.limit() && !every.contains(sd.doc)) {
                        ranked.add(sd);
                    }
                }
                fillWithOneWord(searcher, plan, request, ranked);
            }
        }
        Set<String> terms = new HashSet<>();
        plan.clauses().forEach(c -> c.alternatives().forEach(a -> terms.addAll(a.terms())));
        Set<String> runs = new HashSet<>();
        plan.clauses().stream().map(QueryPlan.Clause::word).filter(CjkGrams::isRun).forEach(runs::add);
        SurfaceTerms mapper = new SurfaceTerms();
        List<SearchHit> hits = new ArrayList<>();
        for (ScoreDoc sd : ranked) {
            Postmortem p = store.docs().get(sd.doc);
            String text = p.summary().orElse("") + "\n" + p.bodyText();
            List<String> matched = new ArrayList<>();
            List<String> missing = new ArrayList<>();
            for (QueryPlan.Clause c : plan.clauses()) {
                (searcher.explain(LuceneQuery.clause(c, IndexFields.DESCRIPTION_WEIGHTS), sd.doc).isMatch() ? matched : missing)
                        .add(c.word());
            }
            missing.addAll(plan.unmatched());
            boolean partial = plan.mode() == QueryMode.LONG || !every.contains(sd.doc);
            hits.add(new SearchHit(sd.doc, p, plan.clauses().isEmpty() ? 0 : sd.score, Snippet.of(text, terms, runs, mapper),
                    partial, matched, partial ? missing : plan.unmatched()));
        }
        return new SearchResult(plan, total, hits, plan.mode() == QueryMode.LONG ? mentions.in(request.text()) : List.of(),
                false);
    }

    /**
     * Fills the first page with incidents matching one word only, best first, when fewer than a page match the
     * words a partial match needs: a description or a paste that shares one rare word with its incident (an error
     * code, a host) still finds it, and a query never comes back empty while some incident has one of its words.
     */
    private static void fillWithOneWord(IndexSearcher searcher, QueryPlan plan, SearchRequest request,
                                        List<ScoreDoc> ranked) throws IOException {
        int wanted = Math.min(QueryMode.PAGE, request.limit()) - ranked.size();
        if (wanted <= 0 || plan.minMatch() <= 1 || plan.impossible()) {
            return;
        }
        Set<Integer> listed = new HashSet<>();
        ranked.forEach(sd -> listed.add(sd.doc));
        TopDocs one = searcher.search(since(LuceneQuery.build(plan, request.filters(), 1), request),
                new TopScoreDocCollectorManager(wanted + listed.size(), Integer.MAX_VALUE));
        for (ScoreDoc sd : one.scoreDocs) {
            if (wanted > 0 && listed.add(sd.doc)) {
                ranked.add(sd);
                wanted--;
            }
        }
    }

    /**
     * Returns true when a query that was typed holds nothing to search for ("((((", an emoji) and no filter narrows
     * it: then nothing matches, where a plan that asks for nothing would list every incident.
     */
    static boolean wordless(QueryPlan plan, SearchRequest request) {
        return plan.mode() != QueryMode.LONG && plan.matchesAll() && !request.text().isBlank()
                && request.filters().isEmpty() && request.since().isEmpty();
    }

    private static Query since(Query query, SearchRequest request) {
        if (request.since().isEmpty()) {
            return query;
        }
        return new BooleanQuery.Builder().add(query, BooleanClause.Occur.MUST)
                .add(IntPoint.newRangeQuery(IndexFields.DAY, (int) request.since().get().toEpochDay(), Integer.MAX_VALUE),
                        BooleanClause.Occur.FILTER).build();
    }
}
