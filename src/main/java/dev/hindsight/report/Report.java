package dev.hindsight.report;

import dev.hindsight.model.Validate;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The meta-review of one scope, ready to be written as HTML, Markdown, JSON or CSV.
 *
 * @param siteTitle the site title
 * @param baseUrl   the site's base URL, for absolute links in Markdown
 * @param scope     the year, or all years
 * @param today     the day the report is as of (open and overdue items are measured against it)
 * @param incidents how many incidents the scope has
 * @param summary   what the report opens with: the headline numbers and short lists
 * @param sections  the nine sections in order
 */
public record Report(String siteTitle, String baseUrl, ReportScope scope, LocalDate today, int incidents, Summary summary,
                     List<Section> sections) {
    public Report {
        Validate.notBlank(siteTitle, "siteTitle");
        Validate.notNull(baseUrl, "baseUrl");
        Validate.notNull(scope, "scope");
        Validate.notNull(today, "today");
        Validate.notNull(summary, "summary");
        sections = List.copyOf(sections);
    }

    /** Creates a report without a summary. */
    public Report(String siteTitle, String baseUrl, ReportScope scope, LocalDate today, int incidents, List<Section> sections) {
        this(siteTitle, baseUrl, scope, today, incidents, Summary.none(), sections);
    }

    /** Returns the page title, such as "Meta-review 2025". */
    public String title() {
        return "Meta-review " + scope.title();
    }

    /** Returns the section with an id, if there is one. */
    public Optional<Section> section(String id) {
        return sections.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    /** Returns every table of every section, in page order. */
    public List<Table> tables() {
        return sections.stream().flatMap(s -> s.tables().stream()).toList();
    }
}
