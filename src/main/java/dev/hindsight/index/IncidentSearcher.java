package dev.hindsight.index;

import dev.hindsight.model.Postmortem;
import dev.hindsight.model.Validate;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
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

    /** Creates a searcher over an open index. */
    public IncidentSearcher(IndexStore store) throws IOException {
        this.store = Validate.notNull(store, "store");
        this.vocabulary = IndexVocabulary.of(store);
        this.planner = new QueryPlanner(vocabulary);
    }

    /** Returns the vocabulary of the index. */
    public IndexVocabulary vocabulary() {
        return vocabulary;
    }

    /** Plans a query the way the browser does. */
    public QueryPlan plan(SearchRequest request) {
        QueryText text = QueryText.parse(request.text(), Set.copyOf(IncidentAnalyzer.STOPWORDS));
        return planner.plan(request.prefix() ? text : text.complete());
    }

    /** Runs a search: best hits first (ties: newest first), with the exact number of matches. */
    public SearchResult search(SearchRequest request) throws IOException {
        Validate.notNull(request, "request");
        QueryPlan plan = plan(request);
        Query query = LuceneQuery.build(plan, request.filters());
        if (request.since().isPresent()) {
            query = new BooleanQuery.Builder().add(query, BooleanClause.Occur.MUST)
                    .add(IntPoint.newRangeQuery(IndexFields.DAY, (int) request.since().get().toEpochDay(), Integer.MAX_VALUE),
                            BooleanClause.Occur.FILTER).build();
        }
        TopDocs top = store.searcher().search(query, new TopScoreDocCollectorManager(request.limit(), Integer.MAX_VALUE));
        Set<String> terms = new HashSet<>();
        plan.clauses().forEach(c -> c.alternatives().forEach(a -> terms.add(a.term())));
        SurfaceTerms mapper = new SurfaceTerms();
        List<SearchHit> hits = new ArrayList<>();
        for (ScoreDoc sd : top.scoreDocs) {
            Postmortem p = store.docs().get(sd.doc);
            String text = p.summary().orElse("") + "\n" + p.bodyText();
            hits.add(new SearchHit(sd.doc, p, plan.clauses().isEmpty() ? 0 : sd.score, Snippet.of(text, terms, mapper)));
        }
        return new SearchResult(plan, (int) top.totalHits.value, hits);
    }
}
