package dev.hindsight.index;

import dev.hindsight.model.Validate;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Turns a {@link QueryPlan} and facet filters into a Lucene query whose scores are what the static client sums:
 * each clause is the best weighted alternative, an alternative is its term's BM25 over the text fields times
 * their weights, phrases and facets only filter. Without words every filtered document scores the same, so
 * Lucene returns them in document order: newest first.
 */
public final class LuceneQuery {
    private LuceneQuery() {
    }

    /** Builds the query for documents matching every clause and phrase; filters are dimension to accepted values. */
    public static Query build(QueryPlan plan, Map<String, Set<String>> filters) {
        return build(plan, filters, plan.words());
    }

    /**
     * Builds the query for documents matching at least {@code min} of the words and every phrase, scored by the sum
     * of the clauses they match; filters are dimension to accepted values (any of them), all dimensions required. A
     * clause counts as the words it covers ({@link QueryPlan.Clause#size}): a document qualifies by matching
     * {@code min} clauses, or one clause of {@code min} words or more. That is the word count exactly for the
     * {@code min} of one or two that {@link QueryMode#minMatch} gives.
     */
    public static Query build(QueryPlan plan, Map<String, Set<String>> filters, int min) {
        Validate.notNull(plan, "plan");
        Validate.notNull(filters, "filters");
        if (plan.impossible()) {
            return new MatchNoDocsQuery("a word matches nothing");
        }
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        boolean all = min >= plan.words();
        Map<String, Float> weights = IndexFields.weights(plan.mode());
        List<Query> clauses = plan.clauses().stream().map(c -> clause(c, weights)).toList();
        clauses.forEach(q -> b.add(q, all ? BooleanClause.Occur.MUST : BooleanClause.Occur.SHOULD));
        if (!all && plan.clauses().stream().noneMatch(c -> c.size() > 1)) {
            b.setMinimumNumberShouldMatch(min);
        } else if (!all) {
            b.setMinimumNumberShouldMatch(1);
            b.add(enoughWords(plan, clauses, min), BooleanClause.Occur.FILTER);
        }
        for (QueryPlan.PhraseTerms p : plan.phrases()) {
            b.add(phrase(p), BooleanClause.Occur.FILTER);
        }
        for (var e : new TreeMap<>(filters).entrySet()) {
            if (e.getValue().isEmpty()) {
                continue;
            }
            BooleanQuery.Builder any = new BooleanQuery.Builder();
            e.getValue().stream().sorted().forEach(v -> any.add(new TermQuery(new Term(e.getKey(), v)), BooleanClause.Occur.SHOULD));
            b.add(any.build(), BooleanClause.Occur.FILTER);
        }
        if (plan.clauses().isEmpty()) {
            b.add(new MatchAllDocsQuery(), BooleanClause.Occur.FILTER);
            return new ConstantScoreQuery(b.build());
        }
        return b.build();
    }

    /** Returns the query for documents matching {@code min} clauses, or one clause of {@code min} words or more. */
    private static Query enoughWords(QueryPlan plan, List<Query> clauses, int min) {
        BooleanQuery.Builder some = new BooleanQuery.Builder();
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        for (int i = 0; i < clauses.size(); i++) {
            some.add(clauses.get(i), BooleanClause.Occur.SHOULD);
            if (plan.clauses().get(i).size() >= min) {
                any.add(clauses.get(i), BooleanClause.Occur.SHOULD);
            }
        }
        some.setMinimumNumberShouldMatch(min);
        any.add(some.build(), BooleanClause.Occur.SHOULD);
        return any.build();
    }

    /** Returns the query matching documents that satisfy one clause, scored as the static client scores it. */
    public static Query clause(QueryPlan.Clause c, Map<String, Float> weights) {
        if (c.alternatives().size() == 1) {
            return alternative(c.alternatives().get(0), weights);
        }
        List<Query> alts = new ArrayList<>();
        for (QueryPlan.Alternative a : c.alternatives()) {
            alts.add(alternative(a, weights));
        }
        return new DisjunctionMaxQuery(alts, 0f);
    }

    /** Returns the query for one term: BM25 in each text field times the field weight, summed. */
    public static Query term(String term, Map<String, Float> weights) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        for (String f : IndexFields.TEXT) {
            b.add(new BoostQuery(new TermQuery(new Term(f, term)), weights.get(f)), BooleanClause.Occur.SHOULD);
        }
        return b.build();
    }

    private static Query alternative(QueryPlan.Alternative a, Map<String, Float> weights) {
        Query q;
        if (a.terms().size() == 1) {
            q = term(a.terms().get(0), weights);
        } else {
            BooleanQuery.Builder every = new BooleanQuery.Builder();
            a.terms().forEach(t -> every.add(term(t, weights), BooleanClause.Occur.MUST));
            q = every.build();
        }
        double boost = a.weight() / a.terms().size();
        return boost == 1 ? q : new BoostQuery(q, (float) boost);
    }

    private static Query phrase(QueryPlan.PhraseTerms p) {
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        for (String f : IndexFields.TEXT) {
            PhraseQuery.Builder pb = new PhraseQuery.Builder();
            for (int i = 0; i < p.terms().size(); i++) {
                pb.add(new Term(f, p.terms().get(i)), p.offsets().get(i));
            }
            any.add(pb.build(), BooleanClause.Occur.SHOULD);
        }
        return any.build();
    }
}
