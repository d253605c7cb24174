package dev.hindsight.render;

import dev.hindsight.analyze.Analysis;
import dev.hindsight.index.SearchIndex;
import dev.hindsight.model.CacheFolder;
import dev.hindsight.model.IncidentDigests;
import dev.hindsight.model.Postmortem;
import dev.hindsight.model.Problem;
import dev.hindsight.model.Result;
import dev.hindsight.model.Site;
import dev.hindsight.model.SiteWriter;
import dev.hindsight.model.ThreadPools;
import dev.hindsight.model.Validate;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;

/**
 * Renders every HTML page, feed and data file of the site, through the Freemarker theme.
 *
 * <p>Use: {@link #render} once per build, then any number of {@link #page} calls (the report stage renders its
 * pages through them), then {@link #finish}, which writes the sitemap of every page rendered.
 * Pages render in parallel on all cores; each page depends only on the input, so the output is the same
 * bytes as a sequential run. Links inside pages are relative (see {@link RelativeLinks} for why).
 */
public final class SiteRenderer {
    /** Reserved for the 404 page, which a host serves at any depth: it links from the base URL's path. */
    private static final String NOT_FOUND = "404.html";

    private final Path projectDir;
    private final Path contentDir;
    private Theme theme;
    private final Sitemap sitemap = new Sitemap();
    private volatile SiteContext ctx;
    private CacheFolder cache = CacheFolder.none();
    private CacheFolder bodyCache = CacheFolder.none();
    private CacheFolder inputsCache = CacheFolder.none();
    private CacheFolder dataCache = CacheFolder.none();
    private IncidentDigests digests = IncidentDigests.of(List.of());
    private boolean bodies;
    private volatile ModelDigest digest = new ModelDigest();
    private volatile Prepared prepared;
    private int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
    /** Where the assets come from: read for each build, or kept by the pipeline's {@link Themes}. */
    private java.util.function.Supplier<Result<AssetSet>> assets;

    /** Creates a renderer that looks for themes/ and assets/ in a project folder, else uses the built-in theme. */
    public SiteRenderer(Path projectDir) {
        this(projectDir, projectDir.resolve("content"));
    }

    /** Creates a renderer for a project folder and the content folder that images and bundle files are copied from. */
    public SiteRenderer(Path projectDir, Path contentDir) {
        this.projectDir = Validate.notNull(projectDir, "projectDir");
        this.contentDir = Validate.notNull(contentDir, "contentDir");
        this.theme = new Theme(projectDir);
        this.assets = () -> AssetSet.load(projectDir);
    }

    /**
     * Keeps rendered pages in a cache folder between builds, under the digest of their whole view model (see
     * {@link ModelDigest}): a page whose model is unchanged is copied, not rendered.
     */
    public SiteRenderer withCache(CacheFolder pages) {
        this.cache = Validate.notNull(pages, "pages");
        return this;
    }

    /**
     * Takes the theme from a pipeline's {@link Themes}, parsed by an earlier build with the same stamp (the digest
     * of the generator, themes/ and assets/), rather than parsing the templates again.
     */
    public SiteRenderer withThemes(Themes themes, String stamp) {
        this.theme = Validate.notNull(themes, "themes").of(projectDir, stamp);
        this.assets = () -> themes.assets(projectDir, stamp);
        return this;
    }

    /** Keeps rewritten incident bodies in a cache folder between builds (see {@link BodyMemo}). */
    public SiteRenderer withBodyCache(CacheFolder bodies) {
        this.bodyCache = Validate.notNull(bodies, "bodies");
        return this;
    }

    /**
     * Keeps what each incident page's model was made from in a cache folder between builds (see {@link InputsMemo}):
     * a page whose inputs all give the same answers is copied without its model being built.
     */
    public SiteRenderer withInputsCache(CacheFolder inputs) {
        this.inputsCache = Validate.notNull(inputs, "inputs");
        return this;
    }

    /** Keeps the data files made from every incident (incidents.json's parts) in a cache folder between builds. */
    public SiteRenderer withDataCache(CacheFolder data) {
        this.dataCache = Validate.notNull(data, "data");
        return this;
    }

    /** Takes the build's digests of its incidents, made once for every stage that keys by them. */
    public SiteRenderer withDigests(IncidentDigests made) {
        this.digests = Validate.notNull(made, "made");
        return this;
    }

    /** Keeps each incident's body (its sections' text) in incidents.json, or leaves it out (the default). */
    public SiteRenderer withBodies(boolean on) {
        this.bodies = on;
        return this;
    }

    /**
     * Returns the digest of a model, as the page cache keys a page by its model, or empty when the model holds a value
     * that cannot be digested: for files made from a model alone (a report's downloads), kept in a cache of their own.
     * Call {@link #render} first.
     */
    public Optional<String> digestOf(String name, Map<String, Object> model) {
        return digest.of(Validate.notBlank(name, "name"), Validate.notNull(model, "model"));
    }

    /** Returns how many pages came from the page cache instead of being rendered. */
    public int cachedPages() {
        return cache.hits();
    }

    /** Sets how many pages render at once (1 renders in order); for tests that compare with a sequential run. */
    SiteRenderer threads(int n) {
        Validate.isTrue(n >= 1, "threads must be at least 1");
        this.threads = n;
        return this;
    }

    /** Renders the site into the writer and returns the problems found. */
    public List<Problem> render(Site site, Analysis analysis, SearchIndex index, SiteWriter out) {
        Validate.notNull(out, "out");
        Prepared p = prepare(site, analysis, index);
        List<Problem> problems = new ArrayList<>(p.problems());
        try {
            p.context().assets.write(out);
        } catch (IOException e) {
            problems.add(Problem.error("assets", 0, "io", "could not write the assets: " + e.getMessage()));
        }
        digest.makeAll();
        problems.addAll(runAll(p.jobs(), out, threads));
        if (!RelativeLinks.isAbsolute(site.config().baseUrl())) {
            problems.add(Problem.info("site.yml", 0, "base-url", "base_url \"" + site.config().baseUrl()
                    + "\" is not an absolute http(s) URL, so the feeds and the sitemap carry site-relative URLs"));
        }
        return problems;
    }

    /**
     * Renders only some of the site's files, before {@link #render} renders them all: the pages of the incidents
     * whose source files are named, and the files at the named output paths ("incidents/x/index.html"), with their
     * bundles' files and the theme's assets. The preview serves them while the rest of the build runs. With the same
     * similar lists, they are the bytes {@link #render} writes for the same paths (the same jobs, and what they put
     * into the caches is what {@link #render} then takes); empty when any of them had an error. Their problems are left for {@link #render} to report.
     */
    public Map<String, byte[]> first(Site site, Analysis analysis, SearchIndex index, Set<String> sources,
                                     Set<String> outPaths) {
        Validate.notNull(sources, "sources");
        Validate.notNull(outPaths, "outPaths");
        Prepared p = prepare(site, analysis, index);
        Set<String> wanted = new HashSet<>(outPaths);
        site.postmortems().stream().filter(m -> sources.contains(m.source())).forEach(m -> wanted.add(outPath(m)));
        List<PageJob> jobs = p.jobs().stream().filter(j -> wanted.contains(j.outPath())).toList();
        Map<String, byte[]> files = new ConcurrentHashMap<>();
        List<Problem> problems = runAll(jobs, (path, bytes) -> files.put(path, bytes), threads);
        if (!files.isEmpty()) {
            // The pages' stylesheets, scripts and images: new after a theme change, and absent on a first build.
            files.putAll(p.context().assets.files());
        }
        return p.problems().stream().anyMatch(Problem::isError) || problems.stream().anyMatch(Problem::isError)
                ? Map.of() : Map.copyOf(files);
    }

    /** Returns the path of an incident's page in the site ("incidents/&lt;slug&gt;/index.html"). */
    static String outPath(Postmortem p) {
        return p.url().substring(1) + "index.html";
    }

    /** What a build's pages are made from: the context, the theme's and assets' problems, and a job per file. */
    private record Prepared(Site site, Analysis analysis, SearchIndex index, SiteContext context, List<Problem> problems,
                            List<PageJob> jobs) {
        /**
         * Returns true when made from these inputs: the same site and analysis, and the same similar lists (the
         * preview's first pages are made with the lists of the build before, which are most often the build's own).
         */
        boolean isFor(Site s, Analysis a, SearchIndex i) {
            return site == s && analysis == a && (index == i
                    || index.manifestPath().equals(i.manifestPath()) && index.similar().equals(i.similar()));
        }
    }

    /** Returns the context and jobs of a build, made once for {@link #first} and {@link #render} of the same inputs. */
    private Prepared prepare(Site site, Analysis analysis, SearchIndex index) {
        Validate.notNull(site, "site");
        Validate.notNull(analysis, "analysis");
        Validate.notNull(index, "index");
        Prepared known = prepared;
        if (known != null && known.isFor(site, analysis, index)) {
            return known;
        }
        List<Problem> problems = new ArrayList<>(theme.setupProblems());
        Result<AssetSet> assets = this.assets.get();
        problems.addAll(assets.problems());
        SiteContext c = new SiteContext(site, analysis, index, contentDir, assets.value());
        ModelDigest d = new ModelDigest();
        if (cache.enabled() || inputsCache.enabled()) {
            // Digested up front only when pages are keyed by digests at all.
            d.share(List.of(c.nav, c.siteView));
            d.share(c.cards.values());
        }
        digest = d;
        ctx = c;
        List<PageJob> jobs = new ArrayList<>();
        IncidentPage incidentPage = new IncidentPage(new BodyMemo(bodyCache), digests);
        InputsMemo memo = new InputsMemo(inputsCache, d, digests);
        for (Postmortem p : site.postmortems()) {
            String outPath = outPath(p);
            jobs.add(new PageJob(outPath, w -> incident(c, incidentPage, memo, p, outPath, w)));
        }
        for (ListPages.ListPage p : new ListPages(c, this).pages()) {
            jobs.add(new PageJob(p.outPath(), w -> write(p.template(), merged(common(c, p.outPath()), p.model().get()), p.outPath(), w)));
        }
        jobs.addAll(new ListPages(c, this).contentJobs());
        jobs.addAll(DataFiles.jobs(c, bodies, dataCache, digests));
        Prepared made = new Prepared(site, analysis, index, c, List.copyOf(problems), List.copyOf(jobs));
        prepared = made;
        return made;
    }

    /**
     * Renders one page through a theme template inside the base layout and writes it to outPath (e.g. "reports/2025/index.html").
     * The model gets common entries added: {@code site}, {@code nav}, {@code assets} (URLs of fingerprinted files
     * by logical name, already relative to this page), {@code searchManifest}, {@code root} (the prefix to the site root), {@code pagePath} and {@code canonical}. Nothing site-wide that
     * changes with every added incident is common (no map of every card, no incident count), or every page would
     * be rendered again after any added or renamed incident: a page's model holds the cards it shows.
     * Entries of the caller's model with the same names win. Call {@link #render} first.
     */
    public List<Problem> page(String template, Map<String, Object> model, String outPath, SiteWriter out) {
        Validate.notBlank(template, "template");
        Validate.notNull(model, "model");
        Validate.notBlank(outPath, "outPath");
        Validate.notNull(out, "out");
        SiteContext c = ctx;
        if (c == null) {
            return List.of(Problem.error(Theme.THEME_DIR + template, 0, "render",
                    "page " + outPath + " was asked for before the site was rendered"));
        }
        return write(template, merged(common(c, outPath), model), outPath, out);
    }

    /** Returns a page's model: the common entries, overridden by the page's own. */
    private static Map<String, Object> merged(Map<String, Object> common, Map<String, Object> model) {
        Map<String, Object> m = new HashMap<>(common);
        m.putAll(model);
        return m;
    }

    /**
     * Writes an incident's page: from the page cache when the memo of its inputs says its model is unchanged,
     * else built, then digested and rendered (or copied) as any page. Its bundle's files are copied either way.
     */
    private List<Problem> incident(SiteContext c, IncidentPage page, InputsMemo memo, Postmortem p, String outPath,
                                   SiteWriter out) {
        PageResources res = PageResources.of(c.contentDir, p, out);
        res.copyBundle();
        IncidentInputs inputs = new SiteInputs(c, p.source(), res);
        Map<String, Object> common = common(c, outPath);
        Optional<String> key = memo.key(p, outPath, common);
        Optional<byte[]> kept = key.flatMap(k -> memo.replay(k, inputs)).flatMap(cache::get);
        if (kept.isPresent()) {
            page.keepBody(p, RelativeLinks.root(outPath));
            List<Problem> problems = new ArrayList<>(res.problems());
            problems.addAll(written(IncidentPage.TEMPLATE, kept.get(), outPath, out));
            return problems;
        }
        InputsMemo.Recording asked = memo.recording(inputs);
        List<Problem> problems = new ArrayList<>();
        Map<String, Object> m = merged(common, page.model(p, RelativeLinks.root(outPath), asked.inputs(), problems));
        problems.addAll(res.problems());
        Optional<String> pageKey = pageKey(IncidentPage.TEMPLATE, m, outPath);
        List<Problem> rendered = write(IncidentPage.TEMPLATE, m, pageKey, outPath, out);
        if (key.isPresent() && pageKey.isPresent() && problems.isEmpty() && rendered.isEmpty()) {
            memo.put(key.get(), asked, pageKey.get());
        }
        problems.addAll(rendered);
        return problems;
    }

    /** Returns the page cache's key for a page's whole model, or empty when the cache is off or the model undigestible. */
    private Optional<String> pageKey(String template, Map<String, Object> m, String outPath) {
        CacheFolder pages = cache;
        return pages.enabled() ? digest.of(template, m).map(d -> pages.key(outPath, d)) : Optional.empty();
    }

    /**
     * Renders a page from its whole model and writes it; a page the cache holds for the same model is written from
     * the cache instead. Only pages rendered without problems are kept, so a cached page never hides a warning.
     */
    private List<Problem> write(String template, Map<String, Object> m, String outPath, SiteWriter out) {
        return write(template, m, pageKey(template, m, outPath), outPath, out);
    }

    private List<Problem> write(String template, Map<String, Object> m, Optional<String> key, String outPath, SiteWriter out) {
        Optional<byte[]> kept = key.flatMap(cache::get);
        if (kept.isPresent()) {
            return written(template, kept.get(), outPath, out);
        }
        Result<byte[]> html = theme.render(template, m, outPath);
        if (html.hasErrors()) {
            return html.problems();
        }
        if (key.isPresent() && html.problems().isEmpty()) {
            cache.put(key.get(), html.value());
        }
        List<Problem> problems = new ArrayList<>(html.problems());
        problems.addAll(written(template, html.value(), outPath, out));
        return problems;
    }

    /** Writes a page's bytes and lists it in the sitemap; a failure to write is the template's error. */
    private List<Problem> written(String template, byte[] bytes, String outPath, SiteWriter out) {
        try {
            out.write(outPath, bytes);
        } catch (IOException | IllegalArgumentException e) {
            return List.of(Problem.error(Theme.THEME_DIR + template, 0, "io", "could not write " + outPath + ": " + e.getMessage()));
        }
        listInSitemap(outPath);
        return List.of();
    }

    private void listInSitemap(String outPath) {
        if (outPath.endsWith(".html") && !outPath.equals(NOT_FOUND)) {
            sitemap.add(RelativeLinks.pagePath(outPath));
        }
    }

    /** Writes the sitemap of every page rendered so far (by {@link #render} and {@link #page}); call it last. */
    public List<Problem> finish(SiteWriter out) {
        SiteContext c = ctx;
        if (c == null) {
            return List.of();
        }
        List<Problem> problems = new ArrayList<>(cache.collect());
        problems.addAll(bodyCache.collect());
        problems.addAll(inputsCache.collect());
        problems.addAll(dataCache.collect());
        try {
            out.write("sitemap.xml", sitemap.xml(c.site.config().baseUrl()));
        } catch (IOException | IllegalArgumentException e) {
            problems.add(Problem.error("", 0, "io", "could not write sitemap.xml: " + e.getMessage()));
        }
        return problems;
    }

    /** Returns the site paths of the pages rendered so far, sorted (what the sitemap will list). */
    public List<String> renderedPages() {
        return sitemap.pages();
    }

    private Map<String, Object> common(SiteContext c, String outPath) {
        String root = outPath.equals(NOT_FOUND) ? RelativeLinks.basePath(c.site.config().baseUrl()) : RelativeLinks.root(outPath);
        String pagePath = RelativeLinks.pagePath(outPath);
        Map<String, Object> m = new HashMap<>();
        m.put("root", root);
        m.put("pagePath", pagePath);
        m.put("canonical", RelativeLinks.isAbsolute(c.site.config().baseUrl()) && !outPath.equals(NOT_FOUND)
                ? RelativeLinks.absolute(c.site.config().baseUrl(), pagePath) : "");
        m.put("site", c.siteView);
        m.put("nav", c.nav);
        Map<String, String> assets = new HashMap<>();
        c.assets.paths().forEach((k, v) -> assets.put(k, root + v));
        m.put("assets", assets);
        m.put("searchManifest", c.index.manifestPath().isEmpty() ? "" : root + c.index.manifestPath());
        return m;
    }

    /** Runs the jobs on all cores and returns their problems in job order. */
    private static List<Problem> runAll(List<PageJob> jobs, SiteWriter out, int threads) {
        if (threads == 1) {
            List<Problem> all = new ArrayList<>();
            jobs.forEach(j -> all.addAll(j.work().apply(out)));
            return all;
        }
        ForkJoinPool pool = new ForkJoinPool(threads);
        try {
            // Last jobs first: the few big ones (list pages, incidents.json) start at once instead of being a
            // one-core tail after thousands of small incident pages. Problems still come back in job order.
            int n = jobs.size();
            List<List<Problem>> results = pool.submit(() -> IntStream.range(0, n).parallel()
                    .mapToObj(i -> jobs.get(n - 1 - i).work().apply(out)).toList()).get();
            List<Problem> all = new ArrayList<>();
            for (int i = n - 1; i >= 0; i--) {
                all.addAll(results.get(i));
            }
            return all;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of(Problem.error("", 0, "render", "rendering was interrupted"));
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            // A page that failed ends the build: wait for the pages still rendering, so nothing writes after it.
            ThreadPools.stop(pool);
        }
    }

}
