package dev.hindsight.index;

import java.util.List;
import java.util.Map;

/**
 * What the index stage hands on: similar incidents per slug.
 *
 * @param similar per slug, up to five similar incidents, most similar first
 */
public record SearchIndex(Map<String, List<Similar>> similar) {
    public SearchIndex {
        similar = Map.copyOf(similar);
    }

    /** Returns the similar incidents of a slug, possibly none. */
    public List<Similar> similarTo(String slug) {
        return similar.getOrDefault(slug, List.of());
    }
}
