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
     * fewer than a page match every word and the plan allows it, incidents matching enough of the words.
     */
    public SearchResult search(SearchRequest request) throws IOException {
        Validate.notNull(request, "request");
        QueryPlan plan = plan(request);
        if (wordless(plan, request)) {
            return new SearchResult(plan, 0, List.of(), List.of());
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
        return new SearchResult(plan, total, hits, plan.mode() == QueryMode.LONG ? mentions.in(request.text()) : List.of());
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
