package dev.hindsight.check;

import dev.hindsight.model.Problem;
import dev.hindsight.model.Site;

import java.util.List;

/**
 * Checks a loaded site: schema, vocabularies, links and blameless language. (Stub.)
 */
public final class SiteChecker {

    /** Returns the problems found in a site, in a stable order. */
    public List<Problem> check(Site site) {
        return List.of();
    }
}
