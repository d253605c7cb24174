package dev.hindsight.load;

import dev.hindsight.config.SourceText;
import dev.hindsight.model.CacheFolder;
import dev.hindsight.model.ContentChanges;
import dev.hindsight.model.DateRange;
import dev.hindsight.model.IncidentDigests;
import dev.hindsight.model.KeyHash;
import dev.hindsight.model.Page;
import dev.hindsight.model.Postmortem;
import dev.hindsight.model.Problem;
import dev.hindsight.model.RecordCodec;
import dev.hindsight.model.Result;
import dev.hindsight.model.Site;
import dev.hindsight.model.SiteConfig;
import dev.hindsight.model.SourceFile;
import dev.hindsight.model.Validate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Walks a content folder and loads every postmortem and page, accounting for every file.
 *
 * <p>Each file under the folder gets exactly one {@link SourceFile} in {@link Site#files()}: rendered, resource,
 * skipped by a named rule, or failed with its reason (see {@link ContentWalker} for the layouts and
 * {@link FileRules} for the rules). Files are read in parallel, but the result does not depend on it:
 * incidents are sorted newest first (date, then slug), pages by weight then title, files by path, problems by
 * file and line. Two files that want the same slug are an error naming both; the second one fails.
 */
public final class ContentLoader {
    private final CacheFolder cache;
    private final LoadMemo memo;
    /** What the memo held when this loader was made: the last load's findings, which the changes are relative to. */
    private final Optional<LoadMemo.Kept> before;
    private final ContentChanges changes;
    /** The digests of the incidents loaded so far that came with one, by instance. */
    private final Map<Postmortem, String> digests = java.util.Collections.synchronizedMap(new IdentityHashMap<>());

    /** Creates a loader that reads every file. */
    public ContentLoader() {
        this(CacheFolder.none());
    }

    /**
     * Creates a loader that keeps what each file gave in a cache between builds, under the digest of the file's
     * bytes, its path and role, its bundle's file names and site.yml (the cache's stamp holds the rest): an
     * unchanged file is decoded, not parsed. A file left without a date is still read again with the other files'
     * evidence on every build, since that evidence comes from files other than its own.
     */
    public ContentLoader(CacheFolder cache) {
        this(cache, LoadMemo.none(), ContentChanges.UNKNOWN);
    }

    /**
     * Creates a loader that keeps what each file gave in a cache, as {@link #ContentLoader(CacheFolder)} does, and
     * that trusts a list of the paths changed since the memo's last load: the folder is walked again only when that
     * listing no longer holds ({@link ContentWalker#revisit}), and a file not among the changes is not read again,
     * its digest is the memo's. The memo's findings are taken now, so a build that fails before its load ends
     * leaves none behind.
     */
    public ContentLoader(CacheFolder cache, LoadMemo memo, ContentChanges changes) {
        this.cache = Validate.notNull(cache, "cache");
        this.memo = Validate.notNull(memo, "memo");
        this.changes = Validate.notNull(changes, "changes");
        this.before = memo.take();
    }

    /**
     * Returns the digests of a loaded site's incidents: those this loader read from its cache or parsed into it come
     * with theirs, any other (renamed for a duplicate slug, dated by other files' evidence) is digested when asked.
     */
    public IncidentDigests digests(List<Postmortem> incidents) {
        synchronized (digests) {
            return IncidentDigests.of(incidents, new IdentityHashMap<>(digests));
        }
    }

    /** Loads the content folder; drafts are included only when asked. */
    public Result<Site> load(Path contentDir, SiteConfig config, boolean drafts) {
        Result<Site> site = read(contentDir, config, drafts);
        List<Problem> notes = collect();
        if (notes.isEmpty()) {
            return site;
        }
        List<Problem> all = new ArrayList<>(site.problems());
        all.addAll(notes);
        all.sort(Problem.ORDER);
        return new Result<>(site.value(), all);
    }

    /**
     * Loads the content folder as {@link #load} does, but leaves the cache's stale entries for {@link #collect}: the
     * pipeline collects them once the preview's first pages are out, since at 10,000 incidents that took tens of
     * milliseconds of every edit's wait.
     */
    public Result<Site> read(Path contentDir, SiteConfig config, boolean drafts) {
        return walkAndRead(contentDir, config, drafts);
    }

    /** Deletes the cache entries this loader's last read did not use, and returns the cache's notes. */
    public List<Problem> collect() {
        return cache.collect();
    }

    private Result<Site> walkAndRead(Path contentDir, SiteConfig config, boolean drafts) {
        List<Problem> problems = new ArrayList<>();
        if (!Files.isDirectory(contentDir)) {
            problems.add(Problem.error("", 0, "content", "content folder " + contentDir + " does not exist or is not a folder"));
            return new Result<>(new Site(config, List.of(), List.of(), List.of()), problems);
        }
        Path dir = contentDir.toAbsolutePath().normalize();
        Optional<LoadMemo.Kept> last = before.filter(k -> k.contentDir().equals(dir) && changes.paths().isPresent());
        ContentWalker.Listing listing = last.flatMap(k -> ContentWalker.revisit(k.listing(), contentDir, changes.paths().get()))
                .orElseGet(() -> ContentWalker.walk(contentDir));
        Map<String, String> digested = new java.util.concurrent.ConcurrentHashMap<>();
        List<ContentWalker.Entry> entries = listing.entries();
        Map<String, List<String>> bundles = bundleResources(entries);
        MarkdownEngine engine = new MarkdownEngine();
        HtmlSanitizer sanitizer = new HtmlSanitizer();
        PostmortemReader incidents = new PostmortemReader(config, drafts, engine, sanitizer);
        PageReader pages = new PageReader(config, drafts, engine, sanitizer);
        List<ContentWalker.Entry> chosen = entries;
        LoadKeys keys = LoadKeys.of(contentDir, bundles, drafts, config.dates());
        List<Loaded> first = chosen.parallelStream()
                .map(e -> cached(e, listing.bytes(e.path()), keys, last.flatMap(k -> k.unchanged(e.path(), changes)), digested,
                        bytes -> load(e, incidents, pages, bundles, DateEvidence.NONE, bytes)))
                .toList();
        // A file left without a date is read again with what the other files say (day order, a neighbour's year).
        CollectionEvidence evidence = new CollectionEvidence(first.stream().map(l -> new CollectionEvidence.Reading(
                l.file.path(), l.tally, l.postmortem.flatMap(Postmortem::date))).toList());
        List<Loaded> loaded = new ArrayList<>(first);
        for (int i = 0; i < loaded.size(); i++) {
            if (loaded.get(i).postmortem.filter(p -> p.date().isEmpty()).isPresent()) {
                ContentWalker.Entry e = chosen.get(i);
                loaded.set(i, load(e, incidents, pages, bundles, evidence.of(e.path()), listing.bytes(e.path())));
            }
        }
        List<SourceFile> files = new ArrayList<>();
        List<Postmortem> postmortems = new ArrayList<>();
        List<Page> pageList = new ArrayList<>();
        Map<String, String> incidentSlugs = new HashMap<>();
        Map<String, String> pageSlugs = new HashMap<>();
        for (Loaded l : loaded) {
            problems.addAll(l.problems);
            SourceFile file = l.file;
            if (l.postmortem.isPresent()) {
                Postmortem p = l.postmortem.get();
                if (!l.explicitSlug && incidentSlugs.containsKey(p.slug())) {
                    p = p.withSlug(freeSlug(incidentSlugs, p.slug()));
                    problems.add(Problem.warning(file.path(), 1, "duplicate-slug", "the slug '" + l.postmortem.get().slug()
                            + "' from this file's name is already used by " + incidentSlugs.get(l.postmortem.get().slug())
                            + "; this incident is published as '" + p.slug() + "' (set `slug:` to choose)"));
                }
                file = claim(incidentSlugs, p.slug(), file, problems);
                if (file.outcome() != SourceFile.Outcome.FAILED) {
                    postmortems.add(p);
                    if (p == l.postmortem.get()) {
                        Postmortem kept = p;
                        l.digest.ifPresent(d -> digests.put(kept, d));
                    }
                }
            } else if (l.page.isPresent()) {
                file = claim(pageSlugs, l.page.get().slug(), file, problems);
                if (file.outcome() != SourceFile.Outcome.FAILED) {
                    pageList.add(l.page.get());
                }
            }
            files.add(file);
        }
        postmortems.sort(Postmortem.NEWEST_FIRST);
        pageList.sort(Comparator.comparingInt(Page::weight).thenComparing(Page::title).thenComparing(Page::slug));
        files.sort(Comparator.comparing(SourceFile::path));
        problems.sort(Problem.ORDER);
        memo.keep(new LoadMemo.Kept(dir, listing, digested));
        return new Result<>(new Site(config, postmortems, pageList, files), problems);
    }

    /**
     * Returns what a file gave, from the cache when its inputs are unchanged, else loaded (and kept). The file is read
     * once: the bytes its key is made of are the bytes it is loaded from, and a file the walk read already is not read
     * again. A file known unchanged since the last load is not read at all while its entry is in the cache: its
     * digest is the one it had. A file over the size limit is left to the loader, which reports it without reading it.
     *
     * @param walked   the bytes the walk read of the file, if it read it
     * @param unread   the file's digest, when it is known unchanged since the memo's last load
     * @param digested takes the digest of each text file loaded, for the next load
     */
    private Loaded cached(ContentWalker.Entry e, Optional<byte[]> walked, LoadKeys keys, Optional<String> unread,
                          Map<String, String> digested, java.util.function.Function<Optional<byte[]>, Loaded> work) {
        boolean text = e.role() == ContentWalker.Role.INCIDENT || e.role() == ContentWalker.Role.PAGE;
        if (!cache.enabled() || !text) {
            return work.apply(walked);
        }
        if (unread.isPresent()) {
            Optional<Loaded> kept = kept(keys.of(cache, e, unread.get()), keys.range());
            if (kept.isPresent()) {
                digested.put(e.path(), unread.get());
                return kept.get();
            }
        }
        Optional<byte[]> read = walked.or(() -> SourceText.bytes(e.file()));
        if (read.isEmpty()) {
            // The loader reads it again and reports what is wrong with it.
            return work.apply(Optional.empty());
        }
        byte[] bytes = read.get();
        String digest = KeyHash.hex(bytes);
        digested.put(e.path(), digest);
        // A file that is no draft has one entry for builds with and without drafts: a preview (drafts shown) starts
        // warm on the cache of a published build.
        List<String> both = keys.of(cache, e, digest);
        Optional<Loaded> kept = kept(both, keys.range());
        if (kept.isPresent()) {
            return kept.get();
        }
        Loaded loaded = work.apply(Optional.of(bytes)).digested();
        cache.putRecord(dependsOnDrafts(e, loaded) ? both.get(1) : both.get(0), loaded);
        return loaded;
    }

    /** Returns what the cache holds under the first of some keys it has an entry for, if read under the same dates. */
    private Optional<Loaded> kept(List<String> keys, DateRange range) {
        for (String key : keys) {
            Optional<Loaded> kept = cache.getRecord(key, Loaded.class);
            if (kept.isPresent()) {
                // Read under another date range (the build's today moved), with a different outcome: read again.
                return kept.filter(k -> k.dates.holdsFor(range));
            }
        }
        return Optional.empty();
    }

    /** Returns true when what a file gave would differ with the drafts switch the other way. */
    private static boolean dependsOnDrafts(ContentWalker.Entry e, Loaded loaded) {
        return e.role() == ContentWalker.Role.PAGE
                || loaded.postmortem.map(p -> p.status() == dev.hindsight.model.Status.DRAFT).orElse(false)
                || SourceFile.DRAFT.equals(loaded.file.reason());
    }

    /**
     * The outcome for one file, with the numeric dates of its text by the day order they prove, and the digest of its
     * incident ({@link RecordCodec#hash}) when it is kept in the cache: made once, when the file is parsed, and read
     * back with the incident after, where every later stage would otherwise digest every incident again.
     */
    private record Loaded(SourceFile file, Optional<Postmortem> postmortem, Optional<Page> page, List<Problem> problems,
                          boolean explicitSlug, DayOrder.Tally tally, DatesRead dates, Optional<String> digest) {
        Loaded(SourceFile file, Optional<Postmortem> postmortem, Optional<Page> page, List<Problem> problems,
               boolean explicitSlug, DayOrder.Tally tally, DatesRead dates) {
            this(file, postmortem, page, problems, explicitSlug, tally, dates, Optional.empty());
        }

        static Loaded of(String path, SourceFile.Outcome outcome, String reason, List<Problem> problems) {
            return new Loaded(new SourceFile(path, outcome, reason), Optional.empty(), Optional.empty(), problems, false,
                    DayOrder.Tally.NONE, DatesRead.ANY);
        }

        /** Returns this outcome with its incident's digest. */
        Loaded digested() {
            return new Loaded(file, postmortem, page, problems, explicitSlug, tally, dates, postmortem.map(RecordCodec::hash));
        }
    }

    /** Loads one file; bytes are its content when the caller has read it already. */
    private static Loaded load(ContentWalker.Entry e, PostmortemReader incidents, PageReader pages,
                               Map<String, List<String>> bundles, DateEvidence evidence, Optional<byte[]> bytes) {
        switch (e.role()) {
            case SKIP -> {
                List<Problem> p = e.warning().isEmpty() ? List.of()
                        : List.of(Problem.warning(e.path(), wholeLine(e), e.warning(), e.reason()));
                return Loaded.of(e.path(), SourceFile.Outcome.SKIPPED, e.reason(), p);
            }
            case FAIL -> {
                return Loaded.of(e.path(), SourceFile.Outcome.FAILED, e.reason(),
                        List.of(Problem.error(e.path(), wholeLine(e), "file", e.reason())));
            }
            case RESOURCE -> {
                // A resource with a reason is Markdown kept as a bundle's file: it is reported, not silently copied.
                List<Problem> p = e.reason().isEmpty() ? List.of()
                        : List.of(Problem.warning(e.path(), 1, "bundle-markdown", e.reason()));
                return Loaded.of(e.path(), SourceFile.Outcome.RESOURCE, e.reason(), p);
            }
            default -> {
                return text(e, incidents, pages, bundles, evidence, bytes);
            }
        }
    }

    /**
     * Returns the line a problem about a whole entry points at: 1 for a file, as for every whole-file problem, and
     * none (0, which is never printed) for a folder, which has no lines.
     */
    private static int wholeLine(ContentWalker.Entry e) {
        return Files.isDirectory(e.file()) ? 0 : 1;
    }

    private static Loaded text(ContentWalker.Entry e, PostmortemReader incidents, PageReader pages,
                               Map<String, List<String>> bundles, DateEvidence evidence, Optional<byte[]> bytes) {
        Result<Optional<String>> read = bytes.map(b -> SourceText.decode(b, e.path()))
                .orElseGet(() -> SourceText.read(e.file(), e.path()));
        if (read.value().isEmpty()) {
            String reason = read.problems().isEmpty() ? "could not be read" : read.problems().get(0).message();
            if (e.sniff()) {
                return Loaded.of(e.path(), SourceFile.Outcome.SKIPPED, "no file extension and not a text file", List.of());
            }
            return Loaded.of(e.path(), SourceFile.Outcome.FAILED, reason, read.problems());
        }
        String text = read.value().get();
        List<Problem> notes = new ArrayList<>(read.problems());
        if (e.sniff()) {
            if (text.startsWith("#!")) {
                return Loaded.of(e.path(), SourceFile.Outcome.SKIPPED, "no file extension and starts with #! (a script)",
                        List.of());
            }
            if (!MarkdownSniffer.looksLikeMarkdown(text)) {
                return Loaded.of(e.path(), SourceFile.Outcome.SKIPPED, "no file extension and no Markdown structure",
                        List.of());
            }
            notes.add(Problem.info(e.path(), 1, "no-extension", "no .md extension, but the file looks like Markdown: "
                    + "it is read as Markdown (renaming it to .md makes that explicit)"));
        }
        String name = e.path().substring(e.path().lastIndexOf('/') + 1);
        try {
            if (e.role() == ContentWalker.Role.PAGE) {
                PageReader.Loaded p = pages.read(e.path(), text, FileRules.stem(name));
                notes.addAll(p.problems());
                return new Loaded(new SourceFile(e.path(), p.outcome(), p.reason()), Optional.empty(), p.page(), notes, false,
                        DayOrder.Tally.NONE, p.dates());
            }
            String stem = e.bundle().map(ContentLoader::folderName).orElse(FileRules.stem(name));
            List<String> resources = e.bundle().map(b -> bundles.getOrDefault(b, List.of())).orElse(List.of());
            PostmortemReader.Loaded p = incidents.read(e.path(), text, stem, resources, evidence);
            notes.addAll(p.problems());
            return new Loaded(new SourceFile(e.path(), p.outcome(), p.reason()), p.postmortem(), Optional.empty(), notes,
                    p.explicitSlug(), p.tally(), p.dates());
        } catch (RuntimeException ex) {
            // A bug in one reader must not lose the whole site: the file fails with the error, which is reported.
            String reason = "internal error while loading: " + ex;
            notes.add(Problem.error(e.path(), 1, "internal", reason));
            return Loaded.of(e.path(), SourceFile.Outcome.FAILED, reason, notes);
        }
    }

    /** Returns the first of slug-2, slug-3, ... that no file has claimed. */
    private static String freeSlug(Map<String, String> slugs, String slug) {
        int n = 2;
        while (slugs.containsKey(slug + "-" + n)) {
            n++;
        }
        return slug + "-" + n;
    }

    /**
     * Gives a slug to the first file that wants it; a later file with the same slug fails, naming both (only slugs
     * set with `slug:` get here: a slug taken from a file name was given a free suffix before).
     */
    private static SourceFile claim(Map<String, String> slugs, String slug, SourceFile file, List<Problem> problems) {
        String owner = slugs.putIfAbsent(slug, file.path());
        if (owner == null) {
            return file;
        }
        String reason = "slug '" + slug + "' is already used by " + owner + "; rename one of the files or set `slug:`";
        problems.add(Problem.error(file.path(), 1, "duplicate-slug", "this file and " + owner + " both want the slug '"
                + slug + "'; rename one of them or set `slug:` in its front matter"));
        return new SourceFile(file.path(), SourceFile.Outcome.FAILED, reason);
    }

    private static Map<String, List<String>> bundleResources(List<ContentWalker.Entry> entries) {
        Map<String, List<String>> out = new TreeMap<>();
        for (ContentWalker.Entry e : entries) {
            if (e.bundle().isPresent() && e.role() == ContentWalker.Role.RESOURCE) {
                out.computeIfAbsent(e.bundle().get(), k -> new ArrayList<>()).add(e.path().substring(e.bundle().get().length()));
            }
        }
        return out;
    }

    private static String folderName(String bundle) {
        String b = bundle.endsWith("/") ? bundle.substring(0, bundle.length() - 1) : bundle;
        return b.substring(b.lastIndexOf('/') + 1);
    }
}
