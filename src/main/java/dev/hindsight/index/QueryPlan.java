package dev.hindsight.index;

import java.util.List;

/**
 * A query resolved against a vocabulary: what each word matches, the phrases to verify, and what was corrected.
 * A document matches when it matches every clause and every phrase; its score is the sum over clauses of the
 * best weighted alternative.
 *
 * @param clauses     one per loose word or phrase word
 * @param phrases     phrases, as terms with offsets
 * @param corrections typo corrections made
 * @param unmatched   words that match nothing (then no document matches)
 */
public record QueryPlan(List<Clause> clauses, List<PhraseTerms> phrases, List<Correction> corrections,
                        List<String> unmatched) {

    /**
     * A word and the terms that satisfy it.
     *
     * @param word         the query word (after correction)
     * @param alternatives terms with weights; the first is the word's own term when it has one
     */
    public record Clause(String word, List<Alternative> alternatives) {
        public Clause {
            alternatives = List.copyOf(alternatives);
        }
    }

    /**
     * A term that satisfies a clause, with the weight its impact is multiplied by.
     *
     * @param term   the index term
     * @param weight 1 for the word itself, less for a completion of a word the corpus also has whole
     */
    public record Alternative(String term, double weight) {
    }

    /**
     * A phrase as index terms.
     *
     * @param terms   terms in order
     * @param offsets each term's position offset from the first
     */
    public record PhraseTerms(List<String> terms, List<Integer> offsets) {
        public PhraseTerms {
            terms = List.copyOf(terms);
            offsets = List.copyOf(offsets);
        }
    }

    /**
     * A corrected word.
     *
     * @param from as typed
     * @param to   the closest corpus word
     */
    public record Correction(String from, String to) {
    }

    public QueryPlan {
        clauses = List.copyOf(clauses);
        phrases = List.copyOf(phrases);
        corrections = List.copyOf(corrections);
        unmatched = List.copyOf(unmatched);
    }

    /** Returns true when some word matches nothing, so no document can match. */
    public boolean impossible() {
        return !unmatched.isEmpty();
    }

    /** Returns true when the plan asks for nothing (every document matches, newest first). */
    public boolean matchesAll() {
        return clauses.isEmpty() && phrases.isEmpty() && unmatched.isEmpty();
    }
}
