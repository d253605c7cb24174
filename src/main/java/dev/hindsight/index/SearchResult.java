package dev.hindsight.index;

import java.util.List;

/**
 * What a search found.
 *
 * @param plan  how the query was understood (mode, corrections, words no incident uses)
 * @param total how many incidents match every word (for pasted text: how many match at least the minimum)
 * @param hits  the best of them, best first; in relaxed mode the partial matches follow those matching every word
 * @param mentions for pasted text, the cause, service and team names it mentions (empty otherwise)
 */
public record SearchResult(QueryPlan plan, int total, List<SearchHit> hits, List<Mentions.Name> mentions) {
    public SearchResult {
        hits = List.copyOf(hits);
        mentions = List.copyOf(mentions);
    }
}
