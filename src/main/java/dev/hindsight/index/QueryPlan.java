package dev.hindsight.index;

import java.util.List;

/**
 * A query resolved against a vocabulary: how it is read, what each word matches, the phrases to verify, and what was
 * corrected or dropped. A document's score is the sum over the clauses it matches of the best weighted alternative.
 * Documents matching every clause (and every phrase) come first; in relaxed and long modes, documents matching at
 * least {@code minMatch} of the words follow, a clause counting as the words it covers ({@link Clause#size}).
 *
 * @param mode         how the query is read
 * @param clauses      one per loose word, phrase word, synonym span or (long mode) picked term
 * @param phrases      phrases, as terms with offsets
 * @param corrections  typo corrections made
 * @param unmatched    words no incident uses, dropped from the query
 * @param minMatch     words a partial match needs, at least (see {@link Clause#size})
 * @param brokenPhrase true when a quoted phrase holds a word no incident uses (then nothing matches)
 */
public record QueryPlan(QueryMode mode, List<Clause> clauses, List<PhraseTerms> phrases, List<Correction> corrections,
                        List<String> unmatched, int minMatch, boolean brokenPhrase) {

    /**
     * A word and what satisfies it.
     *
     * @param word         the query word (after correction), or the words a synonym phrase covers
     * @param alternatives what satisfies it, with weights; the first is the word's own term when it has one
     */
    public record Clause(String word, List<Alternative> alternatives) {
        public Clause {
            alternatives = List.copyOf(alternatives);
        }

        /**
         * Returns how many query words the clause covers: one, or the words of a synonym phrase it merged ("internal
         * server error" is three). Partial matches count words, so an incident holding the whole phrase has three of
         * them, as it would without the synonym.
         */
        public int size() {
            return wordCount(word);
        }
    }

    /**
     * Terms that together satisfy a clause: one term, or the words of a synonym phrase (all of them, anywhere in the
     * incident). Its score is the weight times the mean of its terms' scores.
     *
     * @param terms  index terms
     * @param weight 1, or less for a completion of a word the corpus also has whole
     */
    public record Alternative(List<String> terms, double weight) {
        public Alternative {
            terms = List.copyOf(terms);
        }

        /** Returns an alternative of one term. */
        public static Alternative of(String term, double weight) {
            return new Alternative(List.of(term), weight);
        }
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

    /** Returns true when no document can match: a broken phrase, or words of which none is used. */
    public boolean impossible() {
        return brokenPhrase || clauses.isEmpty() && phrases.isEmpty() && !unmatched.isEmpty();
    }

    /** Returns true when typed words held quoted phrases, found in the corpus or not. */
    public boolean hasPhrases() {
        return mode != QueryMode.LONG && (!phrases.isEmpty() || brokenPhrase);
    }

    /** Returns true when the plan asks for nothing (every document matches, newest first). */
    public boolean matchesAll() {
        return clauses.isEmpty() && phrases.isEmpty() && unmatched.isEmpty();
    }

    /** Returns how many query words a clause's or a missing item's text is: "internal server error" is three. */
    public static int wordCount(String item) {
        return (int) item.chars().filter(ch -> ch == ' ').count() + 1;
    }

    /** Returns the number of query words the clauses cover. */
    public int words() {
        return clauses.stream().mapToInt(Clause::size).sum();
    }

    /** Returns true when documents matching only some words may be listed after those matching all. */
    public boolean relaxes() {
        return !impossible() && minMatch < words();
    }
}
