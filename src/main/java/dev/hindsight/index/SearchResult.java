package dev.hindsight.index;

import java.util.List;

/**
 * What a search found.
 *
 * @param plan  how the query was understood (mode, corrections, words no incident uses)
 * @param total how many incidents match every word (for pasted text: how many match at least the minimum)
 * @param hits  the best of them, best first; in relaxed mode the partial matches follow those matching every word
 * @param mentions for pasted text, the cause, service and team names it mentions (empty otherwise)
 * @param unquoted true when no incident had the quoted phrases as written, and these are the results of the same
 *                 words without the quotes (a pasted log line quotes its values; see {@link IncidentSearcher#search})
 */
public record SearchResult(QueryPlan plan, int total, List<SearchHit> hits, List<Mentions.Name> mentions,
                           boolean unquoted) {
    public SearchResult {
        hits = List.copyOf(hits);
        mentions = List.copyOf(mentions);
    }

    /** Returns the same results, said to be those of the query without its quotes. */
    SearchResult asUnquoted() {
        return new SearchResult(plan, total, hits, mentions, true);
    }
}
