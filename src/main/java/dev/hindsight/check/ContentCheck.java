package dev.hindsight.check;

import dev.hindsight.config.SiteConfigLoader;
import dev.hindsight.load.ContentLoader;
import dev.hindsight.model.Problem;
import dev.hindsight.model.Result;
import dev.hindsight.model.Site;
import dev.hindsight.model.SiteConfig;
import dev.hindsight.model.Validate;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code hindsight check} runs: read site.yml, load the content (drafts included by default, since drafts
 * are what pull requests add), and check the site. It writes nothing. A file with a loader error gets only errors:
 * warnings about it would be about values the error hid.
 */
public final class ContentCheck {

    /**
     * The outcome of a check.
     *
     * @param problems  every problem of the config, the loader and the checks, sorted
     * @param incidents incidents checked
     * @param files     files under the content folder
     */
    public record Report(List<Problem> problems, int incidents, int files) {
        public Report {
            problems = List.copyOf(problems);
        }

        /** Returns the number of problems at a level. */
        public long count(Problem.Level level) {
            return problems.stream().filter(p -> p.level() == level).count();
        }
    }

    /** Checks a content folder as of a day. */
    public Report run(Path contentDir, LocalDate today, boolean drafts) {
        Validate.notNull(contentDir, "contentDir");
        Validate.notNull(today, "today");
        Result<SiteConfig> config = new SiteConfigLoader().load(contentDir, today);
        Result<Site> loaded = new ContentLoader().load(contentDir, config.value(), drafts);
        List<Problem> problems = new ArrayList<>(config.problems());
        problems.addAll(loaded.problems());
        // A file the loader could not read properly gets its error, not warnings about what the error hid.
        java.util.Set<String> broken = new java.util.HashSet<>();
        loaded.problems().stream().filter(Problem::isError).forEach(p -> broken.add(p.path()));
        SiteChecker.forContent(contentDir).check(loaded.value()).stream()
                .filter(p -> p.isError() || !broken.contains(p.path())).forEach(problems::add);
        problems.sort(Problem.ORDER);
        return new Report(problems, loaded.value().postmortems().size(), loaded.value().files().size());
    }
}
