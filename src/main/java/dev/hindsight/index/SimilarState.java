package dev.hindsight.index;

import java.util.List;
import java.util.Map;

/**
 * What one build's similar-incident lists were made from, kept in the build cache so that the next build can keep
 * every list its changes cannot reach ({@link SimilarReuse}).
 *
 * @param globals the rounded statistics every list depends on: the document count MoreLikeThis sees, the most
 *                documents a query term may be in, and each scored field's rounded document count and total length
 * @param terms   per term of some incident's gist, what a list that uses it reads of it
 * @param facets  per cause and service ({@code field:value}), its rounded document frequency
 * @param docs    per incident, by slug, how its list was made and the list itself
 */
record SimilarState(List<Long> globals, Map<String, TermMark> terms, Map<String, Long> facets, Map<String, DocState> docs) {
    static final SimilarState NONE = new SimilarState(List.of(), Map.of(), Map.of(), Map.of());

    /**
     * What a list reads of one body term: its rounded document frequency as MoreLikeThis and BM25 see it (0 when it
     * is too rare or too common to be a query term: then nothing else is read), whether incidents return to it (a
     * reason must), and the word shown for it.
     */
    record TermMark(long docFreq, boolean recurring, String display) {
        static final TermMark UNUSED = new TermMark(0, false, "");
    }

    /** One clause of a stored query: a field, a term and its boost. */
    record Clause(String field, String text, double boost) {
    }

    /**
     * The weakest document a query kept: a document that scores more (or as much, and comes before it) would have
     * been kept too. An open bar kept fewer than it asked for, so any document with a query term would be kept.
     */
    record Bar(boolean open, double score, String slug) {
        static final Bar OPEN = new Bar(true, 0, "");
    }

    /**
     * How one incident's list was made.
     *
     * @param digest     the digest of everything the list reads of the incident itself
     * @param gist       the distinct body terms of its gist, from which MoreLikeThis picks the query
     * @param text       the MoreLikeThis query, in order (empty when there was none); {@code textBar} its weakest kept
     * @param facet      the shared causes and services query, in order; {@code facetBar} its weakest kept
     * @param candidates every other incident either query kept, by slug
     * @param similar    the list
     */
    record DocState(String digest, List<String> gist, List<Clause> text, Bar textBar, List<Clause> facet, Bar facetBar,
                    List<String> candidates, List<Similar> similar) {
    }
}
