package dev.hindsight.serve;

import dev.hindsight.BuildOptions;
import dev.hindsight.Pipeline;
import dev.hindsight.analyze.Analysis;
import dev.hindsight.analyze.Analyzer;
import dev.hindsight.check.SiteChecker;
import dev.hindsight.load.ContentLoader;
import dev.hindsight.model.Postmortem;
import dev.hindsight.model.Problem;
import dev.hindsight.model.Result;
import dev.hindsight.model.Site;
import dev.hindsight.model.SourceFile;
import dev.hindsight.model.Validate;
import dev.hindsight.render.SiteRenderer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The preview's fast path after an edit to existing postmortems that keeps their slugs: re-read only the edited
 * files, check only them, analyze again (cheap), and render only the pages the edit can change: the edited
 * incidents' pages, the pages that show them as a card (related, backlinks, similar, previous and next; when
 * causes, services, tags, teams, severity, status or date changed, every incident sharing a cause or service too),
 * and the lists that can show them: home, all incidents, history, feeds, and the pages of the terms
 * they are filed under. A list page whose template model is the same as before the edit (the edit changed nothing
 * it shows, such as a body-only edit) is not rendered at all, and the cards of the other incidents are reused.
 * Only files whose bytes changed are replaced, each atomically, in the folder being served.
 *
 * <p>Left as they were until the next full rebuild: the search export, the similar-incident lists, the yearly
 * report pages (they need the whole Lucene index and every incident) and incidents.json (a large file for other
 * tools, not for the browser). A full rebuild happens on any other change.
 * Anything else (site.yml, themes, assets, pages, a new, deleted or renamed file, a changed slug) returns empty,
 * and the caller runs the full pipeline.
 */
final class QuickRebuild {
    /**
     * What a fast rebuild did.
     *
     * @param stages   the new stage results (the input of the next fast rebuild), or the old ones when it failed
     * @param problems every problem now known: the edited files' fresh ones and everyone else's from before
     * @param failed   true when the edited files have errors; then nothing was written
     * @param written  files replaced in the served folder
     * @param times    how long each step took
     */
    record Outcome(Pipeline.Stages stages, List<Problem> problems, boolean failed, int written, Map<String, Duration> times) {
    }

    private final BuildOptions options;
    private final SiteRenderer renderer;

    /** Creates the fast path for a build's options, rendering with a theme loaded once per full build. */
    QuickRebuild(BuildOptions options, SiteRenderer renderer) {
        this.options = Validate.notNull(options, "options");
        this.renderer = Validate.notNull(renderer, "renderer");
    }

    /** Rebuilds after edits to content-relative paths into the served folder, or returns empty when it cannot. */
    Optional<Outcome> run(Pipeline.Stages last, Set<String> changed, Path siteDir) throws IOException {
        Path content = options.contentDir();
        Set<String> known = new java.util.HashSet<>();
        last.site().files().forEach(f -> known.add(f.path()));
        // Editors save through temporary files (sed -i, vim's 4913, atomic renames): one that came and went is no edit.
        Set<String> edited = new java.util.TreeSet<>();
        changed.stream().filter(c -> known.contains(c) || Files.exists(content.resolve(c))).forEach(edited::add);
        if (edited.isEmpty() && !changed.isEmpty()) {
            Map<String, Duration> none = new LinkedHashMap<>(Map.of("reread", Duration.ZERO));
            return Optional.of(new Outcome(last, last.problems(), false, 0, none));
        }
        Map<String, Postmortem> before = new LinkedHashMap<>();
        for (Postmortem p : last.site().postmortems()) {
            if (edited.contains(p.source())) {
                before.put(p.source(), p);
            }
        }
        if (edited.isEmpty() || before.size() != edited.size()
                || edited.stream().anyMatch(e -> !Files.isRegularFile(content.resolve(e)))) {
            return Optional.empty();
        }
        Map<String, Duration> times = new LinkedHashMap<>();
        Result<Site> loaded = timed(times, "reread",
                () -> new ContentLoader().load(content, last.site().config(), options.drafts(), edited::contains));
        List<Problem> problems = new ArrayList<>(last.problems().stream().filter(p -> !edited.contains(p.path())).toList());
        problems.addAll(loaded.problems());
        if (loaded.problems().stream().anyMatch(Problem::isError)) {
            problems.sort(Problem.ORDER);
            return Optional.of(new Outcome(last, problems, true, 0, times));
        }
        Map<String, Postmortem> after = new TreeMap<>();
        loaded.value().postmortems().forEach(p -> after.put(p.source(), p));
        if (after.size() != before.size() || before.values().stream()
                .anyMatch(p -> after.get(p.source()) == null || !after.get(p.source()).slug().equals(p.slug()))) {
            return Optional.empty();
        }
        Site site = merge(last.site(), loaded.value(), after);
        problems.addAll(timed(times, "check", () -> SiteChecker.forContent(content).check(site, edited::contains)));
        problems.sort(Problem.ORDER);
        if (problems.stream().anyMatch(p -> p.isError() && edited.contains(p.path()))) {
            return Optional.of(new Outcome(last, problems, true, 0, times));
        }
        Analysis analysis = timed(times, "analyze", () -> new Analyzer().analyze(site));
        AffectedPages affected = new AffectedPages(last, site, analysis);
        Set<String> pages = affected.incidentPages(before.values(), after.values());
        MemoryWriter out = new MemoryWriter();
        Set<String> slugs = new java.util.HashSet<>();
        site.postmortems().forEach(p -> slugs.add(p.slug()));
        List<Problem> rendered = timed(times, "render", () -> renderer.renderChanges(last.site(), last.analysis(),
                site, analysis, last.index(), out, path -> AffectedPages.isIncidentPage(path, slugs::contains)
                        ? pages.contains(path) : affected.showsEdited(path, before.values())));
        problems.addAll(rendered);
        problems.sort(Problem.ORDER);
        Pipeline.Stages next = new Pipeline.Stages(site, problems.stream().filter(p -> !rendered.contains(p)).toList(),
                analysis, last.index());
        if (rendered.stream().anyMatch(Problem::isError)) {
            return Optional.of(new Outcome(last, problems, true, 0, times));
        }
        long start = System.nanoTime();
        int written = out.replaceChanged(siteDir);
        times.put("write", Duration.ofNanos(System.nanoTime() - start));
        return Optional.of(new Outcome(next, problems, false, written, times));
    }

    /** Returns the site with the re-read incidents in place of the old ones, in the loader's order. */
    private static Site merge(Site old, Site reread, Map<String, Postmortem> bySource) {
        List<Postmortem> incidents = new ArrayList<>(old.postmortems().stream()
                .map(p -> bySource.getOrDefault(p.source(), p)).toList());
        incidents.sort(Postmortem.NEWEST_FIRST);
        Map<String, SourceFile> files = new TreeMap<>();
        old.files().forEach(f -> files.put(f.path(), f));
        reread.files().forEach(f -> files.put(f.path(), f));
        return new Site(old.config(), incidents, old.pages(), List.copyOf(files.values()));
    }

    private static <T> T timed(Map<String, Duration> times, String step, Supplier<T> work) {
        long start = System.nanoTime();
        T value = work.get();
        times.put(step, Duration.ofNanos(System.nanoTime() - start));
        return value;
    }
}
