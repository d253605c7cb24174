package dev.hindsight.report;

import dev.hindsight.analyze.Analysis;
import dev.hindsight.index.SearchIndex;
import dev.hindsight.model.Result;
import dev.hindsight.model.Site;
import dev.hindsight.model.Validate;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Writes one report as a single document, for {@code hindsight report}: Markdown for a meeting document, JSON for
 * other tools, or a standalone HTML page. The content is the same as the site's report page.
 */
public final class ReportExport {
    /** The document formats. */
    public enum Format {
        HTML, MD, JSON;

        /** Parses "html", "md" (or "markdown") and "json", in any case. */
        public static Optional<Format> parse(String s) {
            return switch (s.trim().toLowerCase(Locale.ROOT)) {
                case "html" -> Optional.of(HTML);
                case "md", "markdown" -> Optional.of(MD);
                case "json" -> Optional.of(JSON);
                default -> Optional.empty();
            };
        }
    }

    private final Path projectDir;

    /** Creates an exporter whose HTML uses the theme of a project folder (or the built-in one). */
    public ReportExport(Path projectDir) {
        this.projectDir = Validate.notNull(projectDir, "projectDir");
    }

    /** Returns the report of a scope as a document in a format. */
    public Result<String> export(Site site, Analysis analysis, SearchIndex index, ReportScope scope, Format format) {
        return export(new ReportFactory(site, analysis, index), scope, format);
    }

    /** Returns the report of a scope, from a factory already made for the site, as a document in a format. */
    public Result<String> export(ReportFactory factory, ReportScope scope, Format format) {
        Validate.notNull(factory, "factory");
        Validate.notNull(format, "format");
        Report report = factory.report(scope);
        return switch (format) {
            case MD -> Result.of(MarkdownReport.of(report));
            case JSON -> Result.of(ReportJson.report(report));
            case HTML -> new StandalonePage(projectDir).html(report, factory.language());
        };
    }
}
