package dev.hindsight.index;

import dev.hindsight.model.Validate;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A search: query text, facet filters, an optional earliest date, how many hits, and whether the last word is
 * still being typed.
 *
 * @param text    the query as typed
 * @param filters facet dimension to accepted values (any of them; every dimension must match)
 * @param since   earliest incident date, if any
 * @param limit   hits wanted
 * @param prefix  true to complete the last word as the browser does while typing
 */
public record SearchRequest(String text, Map<String, Set<String>> filters, Optional<LocalDate> since, int limit,
                            boolean prefix) {
    public SearchRequest {
        Validate.notNull(text, "text");
        Validate.notNull(since, "since");
        Validate.isTrue(limit > 0, "limit must be positive");
        TreeMap<String, Set<String>> copy = new TreeMap<>();
        filters.forEach((k, v) -> {
            Validate.isTrue(IndexFields.FACETS.contains(k), "not a facet: " + k);
            copy.put(k, Set.copyOf(new TreeSet<>(v)));
        });
        filters = Map.copyOf(copy);
    }

    /** Returns the same search for another text. */
    public SearchRequest withText(String other) {
        return new SearchRequest(other, filters, since, limit, prefix);
    }

    /** Returns a plain query for complete words, no filters. */
    public static SearchRequest of(String text, int limit) {
        return new SearchRequest(text, Map.of(), Optional.empty(), limit, false);
    }
}
