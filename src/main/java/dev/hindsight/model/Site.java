package dev.hindsight.model;

import java.util.List;
import java.util.Optional;

/**
 * Everything loaded from a content folder: settings, incidents (newest first), pages and the file accounting.
 */
public record Site(SiteConfig config, List<Postmortem> postmortems, List<Page> pages, List<SourceFile> files) {
    public Site {
        Validate.notNull(config, "config");
        postmortems = List.copyOf(postmortems);
        pages = List.copyOf(pages);
        files = List.copyOf(files);
    }

    /** Returns the incident with a slug, if there is one. */
    public Optional<Postmortem> postmortem(String slug) {
        return postmortems.stream().filter(p -> p.slug().equals(slug)).findFirst();
    }

    /** Returns the latest year any incident started in, or 0 when none has a date. */
    public int lastYear() {
        return postmortems.stream().flatMap(p -> p.year().stream()).mapToInt(Integer::intValue).max().orElse(0);
    }
}
