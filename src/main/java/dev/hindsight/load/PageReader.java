package dev.hindsight.load;

import dev.hindsight.config.YamlFields;
import dev.hindsight.model.Page;
import dev.hindsight.model.Problem;
import dev.hindsight.model.SiteConfig;
import dev.hindsight.model.SourceFile;
import dev.hindsight.model.Status;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Loads a plain page from {@code pages/}: the title from front matter, else the first H1, else the file name; the
 * navigation weight from {@code weight:} (pages without one come last, by title); the slug from the file name
 * (or {@code slug:}), which must not be one of the site's own top-level names ({@link Slugs#RESERVED}).
 */
final class PageReader {
    /** The weight of a page that does not set one. */
    static final int DEFAULT_WEIGHT = 1000;

    private final SiteConfig config;
    private final boolean drafts;
    private final MarkdownEngine engine;
    private final HtmlSanitizer sanitizer;

    /**
     * The result for one page file.
     *
     * @param page     the page, when the file became one
     * @param outcome  what happened to the file
     * @param reason   why, when skipped or failed
     * @param problems the problems found
     * @param dates    what its reading made of the date range
     */
    record Loaded(Optional<Page> page, SourceFile.Outcome outcome, String reason, List<Problem> problems,
                  DatesRead dates) {
    }

    PageReader(SiteConfig config, boolean drafts, MarkdownEngine engine, HtmlSanitizer sanitizer) {
        this.config = config;
        this.drafts = drafts;
        this.engine = engine;
        this.sanitizer = sanitizer;
    }

    /** Loads a page from its text; the stem is the file name without extension. */
    Loaded read(String path, String text, String stem) {
        List<Problem> problems = new ArrayList<>();
        FrontMatter fm = FrontMatter.split(text, path);
        problems.addAll(fm.problems());
        Draft d = new Draft();
        DateBounds bounds = new DateBounds(config.dates(), path, problems);
        fm.keys().ifPresent(k -> new FrontMatterReader(new YamlFields(path, problems), config, bounds)
                .read(k, fm.form(), d));
        if (d.status == Status.DRAFT && !drafts) {
            return new Loaded(Optional.empty(), SourceFile.Outcome.SKIPPED, SourceFile.DRAFT, List.of(),
                    DatesRead.ANY);
        }
        String slug = d.slug.orElseGet(() -> Slugs.of(stem));
        if (Slugs.isReserved(slug)) {
            String reason = "page slug '" + slug + "' is reserved for the site's own pages: rename the file or set `slug:`";
            problems.add(Problem.error(path, 1, "slug", reason));
            return new Loaded(Optional.empty(), SourceFile.Outcome.FAILED, reason, problems, bounds.read());
        }
        ParsedBody body = ParsedBody.of(fm.body(), d.title, engine, sanitizer, path, fm.bodyLine());
        problems.addAll(body.problems());
        String title = d.title.or(body::titleH1).orElseGet(() -> FileNames.title(stem));
        int weight = (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, d.weight.orElse(DEFAULT_WEIGHT)));
        return new Loaded(Optional.of(new Page(slug, path, title, weight, body.html(), body.text())),
                SourceFile.Outcome.RENDERED, "", problems, bounds.read());
    }
}
