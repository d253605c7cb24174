package dev.hindsight.index;

import dev.hindsight.model.Postmortem;

import java.util.List;

/**
 * One ranked incident.
 *
 * @param doc        its document number in the index and the static export
 * @param postmortem the incident
 * @param score      its score (sum of clause scores; 0 when the query has no words)
 * @param snippet    a passage with the matched words
 * @param partial    true when it matches only some of the words (a relaxed or "more like this" match)
 * @param matched    the query words it matches (for pasted text: the picked words it shares)
 * @param missing    the query words it lacks, words no incident uses included
 */
public record SearchHit(int doc, Postmortem postmortem, float score, Snippet snippet, boolean partial,
                        List<String> matched, List<String> missing) {
    public SearchHit {
        matched = List.copyOf(matched);
        missing = List.copyOf(missing);
    }
}
