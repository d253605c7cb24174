package dev.hindsight.index;

import java.util.List;

/**
 * What a search found.
 *
 * @param plan  how the query was understood (corrections, unmatched words)
 * @param total how many incidents match
 * @param hits  the best of them, best first
 */
public record SearchResult(QueryPlan plan, int total, List<SearchHit> hits) {
    public SearchResult {
        hits = List.copyOf(hits);
    }
}
