package dev.hindsight.report;

import dev.hindsight.analyze.Analysis;
import dev.hindsight.index.SearchIndex;
import dev.hindsight.model.CacheFolder;
import dev.hindsight.model.Gzip;
import dev.hindsight.model.Problem;
import dev.hindsight.model.Site;
import dev.hindsight.model.SiteWriter;
import dev.hindsight.model.ThreadPools;
import dev.hindsight.model.Validate;
import dev.hindsight.render.SiteRenderer;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Builds the recurring-causes report pages, charts and downloads: {@code /reports/} lists the reports,
 * {@code /reports/YYYY/} is the meta-review of one year (one per year with incidents) and {@code /reports/all/}
 * covers all years. Next to each page it writes every table as CSV and JSON (with every row, where the page shows
 * the first {@value Table#SHOWN_ROWS}; a year's chains list that year's incidents, {@link DownloadTable}), and the
 * whole report as {@code report.md}. The whole report as one JSON
 * document comes from {@code hindsight report --format json}; on the site it would repeat every table's JSON
 * (at 10k incidents that doubled the report's 60 MB of downloads).
 */
public final class ReportBuilder {
    static final String REPORT_TEMPLATE = "report.ftlh";
    static final String INDEX_TEMPLATE = "reports.ftlh";

    /**
     * A link to one report, for the list of reports on each report page.
     *
     * @param label   "2025" or "All years"
     * @param href    its site path ("reports/2025/index.html")
     * @param current true on the report's own page
     */
    public record ScopeLink(String label, String href, boolean current) {
    }

    private CacheFolder cache = CacheFolder.none();

    /**
     * Keeps each report's downloads in a cache folder between builds, under the digest of the report they are made
     * from: a warm build writes the downloads of every year whose report did not change from there.
     */
    public ReportBuilder withCache(CacheFolder downloads) {
        this.cache = Validate.notNull(downloads, "downloads");
        return this;
    }

    /** Returns how many reports' downloads came from the cache in the last build. */
    public int cachedDownloads() {
        return cache.hits();
    }

    /** Writes /reports/ and one report per year, plus /reports/all/. */
    public List<Problem> build(Site site, Analysis analysis, SearchIndex index, SiteRenderer renderer, SiteWriter out) {
        Validate.notNull(renderer, "renderer");
        Validate.notNull(out, "out");
        ReportFactory factory = new ReportFactory(site, analysis, index);
        List<ReportScope> scopes = new ArrayList<>();
        factory.years().forEach(y -> scopes.add(ReportScope.of(y)));
        scopes.add(ReportScope.all());
        // Each report is worked out, rendered and written on its own core; the files do not depend on the order, and
        // problems and the summary rows are put back in scope order.
        // The JSON is kept compressed: the keys hold the compressor's probe, so another zlib makes it again.
        String zlib = cache.enabled() ? Gzip.probe() : "";
        List<ScopeOutcome> outcomes = inParallel(scopes, scope -> {
            ReportFacts facts = factory.facts(scope);
            Report report = factory.report(facts);
            Map<String, Object> model = new HashMap<>();
            model.put("report", report);
            model.put("scopes", links(scopes, scope));
            model.put("downloads", true);
            List<Problem> found = new ArrayList<>(renderer.page(REPORT_TEMPLATE, model, scope.path() + "index.html", out));
            found.addAll(writeDownloads(report, scope.path(), zlib, renderer, out));
            return new ScopeOutcome(found, summaryRow(scope, facts));
        });
        List<Problem> problems = new ArrayList<>();
        List<List<Cell>> rows = new ArrayList<>();
        outcomes.forEach(o -> {
            problems.addAll(o.problems());
            rows.add(o.row());
        });
        Table years = summary(rows);
        Map<String, Object> model = new HashMap<>();
        model.put("years", years);
        model.put("downloads", true);
        model.put("latest", scopes.size() > 1 ? scopes.get(0).path() + "index.html" : "");
        problems.addAll(renderer.page(INDEX_TEMPLATE, model, "reports/index.html", out));
        problems.addAll(write(out, "reports/" + years.csvFile(), CsvTable.of(years)));
        problems.addAll(write(out, "reports/" + years.jsonFile(), Downloads.json(new Report(site.config().title(),
                site.config().baseUrl(), ReportScope.all(), site.config().today(), site.postmortems().size(), List.of()),
                years)));
        problems.addAll(cache.collect());
        return problems;
    }

    private record ScopeOutcome(List<Problem> problems, List<Cell> row) {
    }

    /** Runs the work for each scope on up to all cores and returns the outcomes in scope order. */
    private static List<ScopeOutcome> inParallel(List<ReportScope> scopes, Function<ReportScope, ScopeOutcome> work) {
        int threads = Math.min(scopes.size(), Math.max(1, Runtime.getRuntime().availableProcessors()));
        if (threads <= 1) {
            return scopes.stream().map(work).toList();
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            // The all-years report is the biggest: start it first so it is not a one-core tail.
            List<Future<ScopeOutcome>> futures = new ArrayList<>(Collections.nCopies(scopes.size(), null));
            for (int i = scopes.size() - 1; i >= 0; i--) {
                ReportScope scope = scopes.get(i);
                futures.set(i, pool.submit(() -> work.apply(scope)));
            }
            List<ScopeOutcome> outcomes = new ArrayList<>();
            for (Future<ScopeOutcome> f : futures) {
                outcomes.add(f.get());
            }
            return outcomes;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("building the reports was interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            // An interrupted or failed report ends the build: nothing it started may still write after it.
            ThreadPools.stop(pool);
        }
    }


    /**
     * Writes a report's downloads into its folder ({@link Downloads}): from the cache when it holds them for the same
     * report, else made and kept there.
     */
    private List<Problem> writeDownloads(Report report, String dir, String zlib, SiteRenderer renderer, SiteWriter out) {
        CacheFolder c = cache;
        Optional<String> key = c.enabled()
                ? renderer.digestOf("report-downloads", Map.of("report", report)).map(d -> c.key(dir, d, zlib))
                : Optional.empty();
        List<Problem> problems = new ArrayList<>();
        Optional<byte[]> entry = key.flatMap(c::get);
        Optional<Map<String, byte[]>> kept = entry.flatMap(Downloads::decode);
        if (entry.isPresent() && kept.isEmpty()) {
            problems.add(Problem.info(dir, 0, "cache", "a cached entry of the report's downloads did not read back; made again"));
        }
        Map<String, byte[]> files = kept.orElseGet(() -> Downloads.of(report));
        if (key.isPresent() && kept.isEmpty()) {
            c.put(key.get(), Downloads.encode(files));
        }
        files.forEach((name, bytes) -> problems.addAll(write(out, dir + name, bytes)));
        return problems;
    }

    private static List<Problem> write(SiteWriter out, String path, byte[] bytes) {
        try {
            out.write(path, bytes);
            return List.of();
        } catch (IOException | IllegalArgumentException e) {
            return List.of(Problem.error("", 0, "io", "could not write " + path + ": " + e.getMessage()));
        }
    }

    private static List<Problem> write(SiteWriter out, String path, String text) {
        return write(out, path, text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static List<ScopeLink> links(List<ReportScope> scopes, ReportScope current) {
        return scopes.stream().map(s -> new ScopeLink(s.year().isPresent() ? s.id() : "All years", s.path() + "index.html",
                s.equals(current))).toList();
    }

    private static List<Cell> summaryRow(ReportScope scope, ReportFacts f) {
        Cell name = Cell.link(scope.year().isPresent() ? scope.id() : "All years", scope.id(), scope.path() + "index.html");
        return List.of(name, Cell.integer(f.glance().incidents()), Cell.integer(f.glance().nearMisses()),
                Cell.integer(f.recurring().causeChains().size()), Cell.integer(f.recurring().causeServiceChains().size()),
                Cell.integer(f.afterFix().afterFix()), Cell.integer(f.followThrough().open()), Cell.integer(f.followThrough().overdue()),
                Cell.share(f.detection().customer(), f.detection().known()));
    }

    private static Table summary(List<List<Cell>> rows) {
        return new Table("years", "Reports", "One row per report; open and overdue items are those of the report's incidents today.",
                List.of(Column.text("report", "Report"), Column.number("incidents", "Incidents"), Column.number("nearMisses", "Near misses"),
                        Column.number("recurringCauses", "Recurring causes"), Column.number("recurringCauseService", "Recurring cause + service"),
                        Column.number("recurredAfterFix", "Recurred after the fix"), Column.number("openItems", "Open action items"),
                        Column.number("overdueItems", "Overdue"), Column.number("customerShare", "Found by customers")),
                rows, "No incidents yet.");
    }
}
