package dev.hindsight.report;

import dev.hindsight.model.Postmortem;
import dev.hindsight.model.Site;
import dev.hindsight.model.SiteConfig;
import dev.hindsight.model.Term;
import dev.hindsight.model.Validate;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The categories the report files an incident under: its cause categories, or, when it names none and its tags
 * were taken from a "Category:" line of the text (as in many public postmortems), those tags.
 * The fallback keeps the report meaningful for write-ups without front matter; the report says when it was used.
 */
final class CauseCategories {
    private final SiteConfig config;
    private final Set<String> causeIds = new HashSet<>();

    CauseCategories(Site site) {
        Validate.notNull(site, "site");
        this.config = site.config();
        site.config().causes().forEach(t -> causeIds.add(t.id()));
        site.postmortems().forEach(p -> causeIds.addAll(p.causes()));
    }

    /** Returns the categories of an incident, each once, in the order written. */
    List<String> of(Postmortem p) {
        return p.categories();
    }

    /** Returns true when the incident names no causes and its categories come from inferred tags. */
    boolean fromCategoryLine(Postmortem p) {
        return p.categoriesFromTags();
    }

    /** Returns the display label of a category. */
    String label(String id) {
        return SiteConfig.label(config.causes(), id);
    }

    /** Returns the taxonomy whose term page describes a category: "causes", or "tags" for a fallback category. */
    String taxonomy(String id) {
        return causeIds.contains(id) ? "causes" : "tags";
    }

    /** Returns the cause vocabulary, for ordering. */
    List<Term> vocabulary() {
        return config.causes();
    }
}
