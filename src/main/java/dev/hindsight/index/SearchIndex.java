package dev.hindsight.index;

import java.util.List;
import java.util.Map;

/**
 * What the index stage hands on: similar incidents per slug.
 *
 * @param similar      per slug, up to five similar incidents, most similar first
 * @param manifestPath site-relative path of the search manifest ({@code search/manifest.bin}), or "" when none was written
 * @param keptLists    how many incidents' similar lists were kept from the build cache rather than made
 */
public record SearchIndex(Map<String, List<Similar>> similar, String manifestPath, int keptLists) {
    public SearchIndex {
        similar = Map.copyOf(similar);
        dev.hindsight.model.Validate.notNull(manifestPath, "manifestPath");
    }

    /** Creates the output of a stage that made every list. */
    public SearchIndex(Map<String, List<Similar>> similar, String manifestPath) {
        this(similar, manifestPath, 0);
    }

    /**
     * Returns the lists of some incidents only, each naming only those incidents: the lists of a build before, for
     * the incidents still there.
     */
    public SearchIndex within(java.util.Set<String> slugs) {
        if (names(slugs)) {
            // Every incident there still (an edit, not a deletion): the same lists, not copied.
            return new SearchIndex(similar, manifestPath, 0);
        }
        Map<String, List<Similar>> kept = new java.util.HashMap<>();
        similar.forEach((slug, list) -> {
            if (slugs.contains(slug)) {
                kept.put(slug, list.stream().filter(s -> slugs.contains(s.slug())).toList());
            }
        });
        return new SearchIndex(kept, manifestPath, 0);
    }

    /** Returns true when every incident with a list, and every incident a list names, is among some slugs. */
    private boolean names(java.util.Set<String> slugs) {
        for (Map.Entry<String, List<Similar>> e : similar.entrySet()) {
            if (!slugs.contains(e.getKey())) {
                return false;
            }
            for (Similar s : e.getValue()) {
                if (!slugs.contains(s.slug())) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Returns the similar incidents of a slug, possibly none. */
    public List<Similar> similarTo(String slug) {
        return similar.getOrDefault(slug, List.of());
    }
}
