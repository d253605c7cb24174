package dev.hindsight.index;

import dev.hindsight.model.Validate;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Resolves a {@link QueryText} against a {@link Vocabulary}; {@code planQuery} in
 * {@code assets/js/search-engine.js} applies the same rules to the exported dictionary:
 * <ol>
 *   <li>a word the corpus uses matches its term; as the last word of a query still being typed (prefix), also
 *       up to {@value #COMPLETIONS} completions, weighted {@value #COMPLETION_WEIGHT} (1 when the word itself is
 *       not in the corpus);</li>
 *   <li>a compound the corpus never uses is replaced by its parts (stop words left out), each a word of its own;</li>
 *   <li>otherwise the closest corpus word within the typo distance replaces it, and the plan says so;</li>
 *   <li>a prefix shorter than 2 characters that matches nothing is ignored (the user is still typing);
 *       any other word that matches nothing makes the query match nothing.</li>
 * </ol>
 */
public final class QueryPlanner {
    /** Completions of the last word, at most. */
    public static final int COMPLETIONS = 8;
    /** Weight of a completion when the typed word is a corpus word too. */
    public static final double COMPLETION_WEIGHT = 0.5;
    /** Shortest prefix that is completed. */
    public static final int MIN_PREFIX = 2;

    private final Vocabulary vocabulary;

    /** Creates a planner over a vocabulary. */
    public QueryPlanner(Vocabulary vocabulary) {
        this.vocabulary = Validate.notNull(vocabulary, "vocabulary");
    }

    /** Resolves a parsed query. */
    public QueryPlan plan(QueryText query) {
        Validate.notNull(query, "query");
        List<QueryPlan.Clause> clauses = new ArrayList<>();
        List<QueryPlan.PhraseTerms> phrases = new ArrayList<>();
        List<QueryPlan.Correction> corrections = new ArrayList<>();
        List<String> unmatched = new ArrayList<>();
        for (int i = 0; i < query.words().size(); i++) {
            boolean prefix = query.lastPrefix() && i == query.words().size() - 1;
            word(query.words().get(i), prefix, clauses, corrections, unmatched);
        }
        for (QueryText.Phrase p : query.phrases()) {
            List<String> terms = new ArrayList<>();
            for (String w : p.words()) {
                Optional<String> exact = exactOrCorrected(w, corrections, unmatched);
                exact.ifPresent(t -> {
                    terms.add(t);
                    clauses.add(new QueryPlan.Clause(w, List.of(new QueryPlan.Alternative(t, 1))));
                });
            }
            if (terms.size() == p.words().size()) {
                phrases.add(new QueryPlan.PhraseTerms(terms, p.offsets()));
            }
        }
        return new QueryPlan(clauses, phrases, corrections, unmatched);
    }

    private void word(String w, boolean prefix, List<QueryPlan.Clause> clauses, List<QueryPlan.Correction> corrections,
                      List<String> unmatched) {
        Optional<String> own = vocabulary.term(w);
        List<QueryPlan.Alternative> alts = new ArrayList<>();
        own.ifPresent(t -> alts.add(new QueryPlan.Alternative(t, 1)));
        if (prefix && w.length() >= MIN_PREFIX) {
            double weight = own.isPresent() ? COMPLETION_WEIGHT : 1;
            for (String t : vocabulary.completions(w, COMPLETIONS)) {
                alts.add(new QueryPlan.Alternative(t, weight));
            }
        }
        if (!alts.isEmpty()) {
            clauses.add(new QueryPlan.Clause(w, alts));
            return;
        }
        if (prefix && w.length() < MIN_PREFIX) {
            return;
        }
        if (WordSplitter.isCompound(w)) {
            for (String part : WordSplitter.parts(w)) {
                if (!IncidentAnalyzer.STOPWORDS.contains(part)) {
                    word(part, false, clauses, corrections, unmatched);
                }
            }
            return;
        }
        exactOrCorrected(w, corrections, unmatched)
                .ifPresent(t -> clauses.add(new QueryPlan.Clause(lastCorrection(w, corrections),
                        List.of(new QueryPlan.Alternative(t, 1)))));
    }

    private Optional<String> exactOrCorrected(String w, List<QueryPlan.Correction> corrections, List<String> unmatched) {
        Optional<String> own = vocabulary.term(w);
        if (own.isPresent()) {
            return own;
        }
        Optional<String> fixed = vocabulary.correction(w);
        Optional<String> term = fixed.flatMap(vocabulary::term);
        if (term.isPresent()) {
            corrections.add(new QueryPlan.Correction(w, fixed.get()));
            return term;
        }
        unmatched.add(w);
        return Optional.empty();
    }

    private static String lastCorrection(String w, List<QueryPlan.Correction> corrections) {
        for (int i = corrections.size() - 1; i >= 0; i--) {
            if (corrections.get(i).from().equals(w)) {
                return corrections.get(i).to();
            }
        }
        return w;
    }
}
