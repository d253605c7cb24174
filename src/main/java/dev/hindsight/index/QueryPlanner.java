package dev.hindsight.index;

import dev.hindsight.model.Validate;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Resolves a {@link QueryText} against a {@link Vocabulary}; {@code plan} in {@code assets/js/search-engine.js}
 * applies the same rules to the exported dictionary:
 * <ol>
 *   <li>a word the corpus uses matches its term; as the last word of a query still being typed (prefix), also
 *       up to {@value #COMPLETIONS} completions, weighted {@value #COMPLETION_WEIGHT} (1 when the word itself is
 *       not in the corpus);</li>
 *   <li>a compound the corpus never uses is replaced by its parts (stop words left out), each a word of its own;</li>
 *   <li>a word whose stem is an index term matches that term ({@code crashed} finds {@code crash});</li>
 *   <li>otherwise the closest corpus word within the typo distance replaces it, and the plan says so; in a
 *       description (more than {@value QueryMode#SHORT_WORDS} words) it weighs {@value #CORRECTED_WEIGHT}, since a
 *       word the postmortems do not use is there more often a real word than a typo ("kicked" is not "picked");</li>
 *   <li>a prefix shorter than 2 characters that matches nothing is ignored (the user is still typing);
 *       any other word that matches nothing is dropped and listed as unmatched;</li>
 *   <li>runs of loose words that form a phrase of a {@link Synonyms} group become one clause matched by any phrase
 *       of the group (longest first, left to right).</li>
 * </ol>
 * A word of CJK letters ({@link CjkGrams}) matches an incident holding every one of its bigrams, anywhere: one clause
 * whose one alternative is all of them, scored by their mean, as a phrase synonym is. It is never completed, cut
 * into parts, stemmed or corrected: when a bigram is in no incident, the word is unmatched. Quoted, its bigrams must
 * also stand side by side, as any quoted phrase's words must.
 * Pasted text ({@link QueryText#isLong}) is planned by {@link PasteTerms} instead.
 */
public final class QueryPlanner {
    /** Completions of the last word, at most. */
    public static final int COMPLETIONS = 8;
    /** Weight of a completion when the typed word is a corpus word too. */
    public static final double COMPLETION_WEIGHT = 0.5;
    /** Weight of a typo correction in a description (more than {@value QueryMode#SHORT_WORDS} words). */
    public static final double CORRECTED_WEIGHT = 0.5;
    /** Shortest prefix that is completed. */
    public static final int MIN_PREFIX = 2;

    private final Vocabulary vocabulary;
    private final Synonyms synonyms;

    /** Creates a planner over a vocabulary, with synonyms. */
    public QueryPlanner(Vocabulary vocabulary, Synonyms synonyms) {
        this.vocabulary = Validate.notNull(vocabulary, "vocabulary");
        this.synonyms = Validate.notNull(synonyms, "synonyms");
    }

    /** Resolves a parsed query of typed words (short or relaxed mode). */
    public QueryPlan plan(QueryText query) {
        Validate.notNull(query, "query");
        List<QueryPlan.Clause> loose = new ArrayList<>();
        List<QueryPlan.PhraseTerms> phrases = new ArrayList<>();
        List<QueryPlan.Correction> corrections = new ArrayList<>();
        List<String> unmatched = new ArrayList<>();
        int typed = query.words().size() + query.phrases().stream().mapToInt(QueryText.Phrase::typed).sum();
        double corrected = typed > QueryMode.SHORT_WORDS ? CORRECTED_WEIGHT : 1;
        for (int i = 0; i < query.words().size(); i++) {
            boolean prefix = query.lastPrefix() && i == query.words().size() - 1;
            word(query.words().get(i), prefix, corrected, loose, corrections, unmatched);
        }
        List<QueryPlan.Clause> clauses = withSynonyms(loose);
        boolean broken = false;
        for (QueryText.Phrase p : query.phrases()) {
            List<String> terms = new ArrayList<>();
            for (String w : p.words()) {
                Optional<String> exact = exactOrCorrected(w, corrections, unmatched);
                exact.ifPresent(t -> {
                    terms.add(t);
                    clauses.add(new QueryPlan.Clause(w, List.of(QueryPlan.Alternative.of(t, 1))));
                });
            }
            if (terms.size() == p.words().size()) {
                phrases.add(new QueryPlan.PhraseTerms(terms, p.offsets()));
            } else {
                broken = true;
            }
        }
        boolean shortQuery = typed <= QueryMode.SHORT_WORDS && unmatched.isEmpty();
        int words = clauses.stream().mapToInt(QueryPlan.Clause::size).sum();
        int min = phrases.isEmpty() && !broken ? QueryMode.minMatch(words) : words;
        return new QueryPlan(shortQuery ? QueryMode.SHORT : QueryMode.RELAXED, clauses, phrases, corrections, unmatched,
                min, broken);
    }

    private void word(String w, boolean prefix, double corrected, List<QueryPlan.Clause> clauses,
                      List<QueryPlan.Correction> corrections, List<String> unmatched) {
        if (CjkGrams.isRun(w)) {
            cjkWord(w, prefix, clauses, unmatched);
            return;
        }
        Optional<String> own = vocabulary.term(w);
        List<QueryPlan.Alternative> alts = new ArrayList<>();
        own.ifPresent(t -> alts.add(QueryPlan.Alternative.of(t, 1)));
        if (prefix && w.length() >= MIN_PREFIX) {
            double weight = own.isPresent() ? COMPLETION_WEIGHT : 1;
            for (String t : vocabulary.completions(w, COMPLETIONS)) {
                alts.add(QueryPlan.Alternative.of(t, weight));
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
                    word(part, false, corrected, clauses, corrections, unmatched);
                }
            }
            return;
        }
        int before = corrections.size();
        exactOrCorrected(w, corrections, unmatched)
                .ifPresent(t -> clauses.add(new QueryPlan.Clause(lastCorrection(w, corrections),
                        List.of(QueryPlan.Alternative.of(t, corrections.size() > before ? corrected : 1)))));
    }

    /** Plans a word of CJK letters: every bigram (or the lone letter) must be an index term. */
    private void cjkWord(String w, boolean prefix, List<QueryPlan.Clause> clauses, List<String> unmatched) {
        List<String> terms = new ArrayList<>();
        for (String gram : CjkGrams.distinctGrams(w)) {
            Optional<String> t = vocabulary.term(gram);
            if (t.isEmpty()) {
                if (!prefix || w.length() >= MIN_PREFIX) {
                    unmatched.add(w);
                }
                return;
            }
            terms.add(t.get());
        }
        clauses.add(new QueryPlan.Clause(w, List.of(new QueryPlan.Alternative(terms, 1))));
    }

    private Optional<String> exactOrCorrected(String w, List<QueryPlan.Correction> corrections, List<String> unmatched) {
        Optional<String> own = vocabulary.term(w);
        if (own.isPresent()) {
            return own;
        }
        Optional<String> stemmed = vocabulary.stemmed(w);
        if (stemmed.isPresent()) {
            return stemmed;
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

    /** Merges runs of clauses that spell a synonym phrase into one clause matched by every phrase of the group. */
    private List<QueryPlan.Clause> withSynonyms(List<QueryPlan.Clause> in) {
        List<List<String>> own = new ArrayList<>();
        for (QueryPlan.Clause c : in) {
            QueryPlan.Alternative first = c.alternatives().get(0);
            own.add(first.weight() == 1 ? first.terms() : List.of());
        }
        List<QueryPlan.Clause> out = new ArrayList<>();
        int i = 0;
        while (i < in.size()) {
            Optional<Synonyms.Match> m = synonyms.longestAt(own, i);
            if (m.isEmpty()) {
                out.add(in.get(i++));
                continue;
            }
            int n = m.get().length();
            List<QueryPlan.Alternative> alts = new ArrayList<>(n == 1 ? in.get(i).alternatives() : List.of());
            List<String> words = new ArrayList<>();
            List<String> matched = new ArrayList<>();
            for (int k = i; k < i + n; k++) {
                words.add(in.get(k).word());
                matched.addAll(own.get(k));
            }
            if (n > 1) {
                alts.add(new QueryPlan.Alternative(matched, 1));
            }
            for (List<String> phrase : m.get().group()) {
                if (alts.stream().noneMatch(a -> a.terms().equals(phrase))) {
                    alts.add(new QueryPlan.Alternative(phrase, 1));
                }
            }
            out.add(new QueryPlan.Clause(String.join(" ", words), alts));
            i += n;
        }
        return out;
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
