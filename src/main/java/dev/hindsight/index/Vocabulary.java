package dev.hindsight.index;

import java.util.List;
import java.util.Optional;

/**
 * The words a corpus uses: what a query word can match. The Lucene side reads it from the index
 * ({@link IndexVocabulary}); the browser reads the same facts from the exported dictionary and typo lexicon.
 */
public interface Vocabulary {

    /** Returns the index term of a surface word seen in the corpus, or empty when the corpus never uses it. */
    Optional<String> term(String surface);

    /** Returns up to {@code max} distinct terms of other surface words starting with a prefix, most documents first. */
    List<String> completions(String prefix, int max);

    /**
     * Returns the index term of a word's stem when the index has that term, for a word the corpus never uses
     * in this form ({@code crashed} finds {@code crash}); identifiers are not stemmed.
     */
    Optional<String> stemmed(String surface);

    /** Returns the number of documents using a surface word (0 when none does). */
    int surfaceDf(String surface);

    /** Returns the number of documents holding an index term (0 when none does). */
    int termDf(String term);

    /**
     * Returns the document frequency the exported dictionary gives a stem: that of the surface word spelling it when
     * one spells it with itself as its term, else the term's.
     */
    int stemDf(String term);

    /** Returns the closest known word within the typo distance for the word's length, if there is one. */
    Optional<String> correction(String surface);
}
