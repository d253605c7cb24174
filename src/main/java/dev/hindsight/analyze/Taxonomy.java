package dev.hindsight.analyze;

import java.util.List;
import java.util.Map;

/**
 * One index dimension (tags, causes, services, teams, severities, years): each term with its incidents.
 *
 * @param name   the URL name of the taxonomy ("causes")
 * @param title  its display title ("Causes")
 * @param terms  term id to incident slugs (newest first), terms in display order
 * @param labels term id to display label
 */
public record Taxonomy(String name, String title, Map<String, List<String>> terms, Map<String, String> labels) {
    public Taxonomy {
        terms = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(terms));
        labels = Map.copyOf(labels);
    }

    /** Returns the display label of a term. */
    public String label(String term) {
        return labels.getOrDefault(term, term);
    }
}
