package dev.hindsight.index;

import dev.hindsight.model.Postmortem;

/**
 * One ranked incident.
 *
 * @param doc        its document number in the index and the static export
 * @param postmortem the incident
 * @param score      its score (sum of clause scores; 0 when the query has no words)
 * @param snippet    a passage with the matched words
 */
public record SearchHit(int doc, Postmortem postmortem, float score, Snippet snippet) {
}
