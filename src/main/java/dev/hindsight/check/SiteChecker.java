package dev.hindsight.check;

import dev.hindsight.model.CacheFolder;
import dev.hindsight.model.IncidentDigests;
import dev.hindsight.model.KeyHash;
import dev.hindsight.model.Page;
import dev.hindsight.model.Problem;
import dev.hindsight.model.RecordCodec;
import dev.hindsight.model.Site;
import dev.hindsight.model.SiteConfig;
import dev.hindsight.model.Validate;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Checks a loaded site: vocabularies, references between incidents, links, dates, completeness and blameless
 * language. Every rule is in {@link CheckRule}. The rules read only the records; the source text, when given,
 * only places each problem on a line and column (and lets the language checks skip code and the timeline).
 */
public final class SiteChecker {
    private final SourceLookup sources;
    private final CacheFolder cache;
    private final Optional<IncidentDigests> digests;

    /** Creates a checker that knows no source text: problems carry the lines the loader recorded. */
    public SiteChecker() {
        this(SourceLookup.none());
    }

    /** Creates a checker that reads source texts for positions through a lookup. */
    public SiteChecker(SourceLookup sources) {
        this(sources, CacheFolder.none());
    }

    private SiteChecker(SourceLookup sources, CacheFolder cache) {
        this(sources, cache, Optional.empty());
    }

    private SiteChecker(SourceLookup sources, CacheFolder cache, Optional<IncidentDigests> digests) {
        this.sources = Validate.notNull(sources, "sources");
        this.cache = Validate.notNull(cache, "cache");
        this.digests = Validate.notNull(digests, "digests");
    }

    /**
     * Returns a checker that keeps each incident's findings in a build cache folder, and checks again only the
     * incidents whose record, text or site context changed ({@link CheckMemo}).
     */
    public SiteChecker withCache(CacheFolder findings) {
        return new SiteChecker(sources, findings, digests);
    }

    /** Returns a checker that keys each incident's findings by the build's digests of its incidents, made once for every stage. */
    public SiteChecker withDigests(IncidentDigests made) {
        return new SiteChecker(sources, cache, Optional.of(Validate.notNull(made, "made")));
    }

    /** Creates a checker that reads source texts from a content folder. */
    public static SiteChecker forContent(Path contentDir) {
        return new SiteChecker(SourceLookup.folder(contentDir));
    }

    /** Returns the problems found in a site, in a stable order. */
    public List<Problem> check(Site site) {
        return run(site).problems();
    }

    /** What one check found, and on how many incidents the rules ran (the others' findings came from the cache). */
    record Run(List<Problem> problems, int checked) {
    }

    /** Checks a site and says how many incidents the rules ran on. */
    Run run(Site site) {
        Validate.notNull(site, "site");
        KnownContent known = new KnownContent(site);
        BlamelessRule blameless = new BlamelessRule(site.config().blameless());
        NameRule names = new NameRule(site);
        List<Problem> out = new ArrayList<>(blameless.setupProblems());
        out.addAll(ReferenceRule.duplicates(site.postmortems(), p -> new Document(p, map(p.source()))));
        CheckMemo memo = CheckMemo.read(cache);
        String context = cache.enabled() ? context(site, names) : "";
        IncidentDigests whole = digests.orElseGet(() -> IncidentDigests.of(site.postmortems()));
        out.addAll(site.postmortems().parallelStream().flatMap(p -> {
            Optional<String> text = sources.text(p.source());
            return memo.findings(() -> CheckMemo.digest(context, whole.of(p), text), known, asked -> {
                Document d = new Document(p, text.map(SourceMap::of).orElse(SourceMap.none()));
                return check(d, site, asked, blameless, names);
            }).stream();
        }).toList());
        for (Page page : site.pages()) {
            out.addAll(LinkRule.check(page.source(), page.url(), page.bodyHtml(), map(page.source()), known));
            out.addAll(ImageRule.check(page.source(), page.bodyHtml(), map(page.source()), known));
            out.addAll(FootnoteRule.check(page.source(), page.bodyHtml(), map(page.source())));
        }
        out.addAll(memo.save());
        return new Run(ordered(site, out), memo.checked());
    }

    /**
     * Returns the digest of what every incident's rules read of the site's settings and vocabularies (what they ask
     * about other content is kept as questions, see {@link CheckMemo}).
     */
    private static String context(Site site, NameRule names) {
        KeyHash md = KeyHash.start();
        RecordCodec.digest(CheckMemo.Settings.of(site.config()), md);
        names.feed(md);
        return md.hex();
    }

    /**
     * Sorts the problems. Where the site has not adopted the house style, its rules become notes, and the errors a
     * page can still show become warnings.
     */
    private static List<Problem> ordered(Site site, List<Problem> problems) {
        SiteConfig c = site.config();
        boolean adopted = !(c.causes().isEmpty() && c.services().isEmpty() && c.teams().isEmpty() && c.severities().isEmpty());
        List<Problem> out = new ArrayList<>(problems.size());
        for (Problem p : problems) {
            Problem.Level level = p.level();
            if (!adopted && level == Problem.Level.WARNING && HOUSE_STYLE.contains(p.rule())) {
                level = Problem.Level.INFO;
            } else if (!adopted && level == Problem.Level.ERROR && PAGE_CAN_SHOW.contains(p.rule())) {
                level = Problem.Level.WARNING;
            }
            out.add(level == p.level() ? p : new Problem(p.path(), p.line(), p.column(), level, p.message(), p.rule()));
        }
        out.sort(Problem.ORDER);
        return List.copyOf(out);
    }

    private static final Set<String> HOUSE_STYLE = Arrays.stream(CheckRule.values())
            .filter(CheckRule::houseStyle).map(CheckRule::id).collect(Collectors.toUnmodifiableSet());
    private static final Set<String> PAGE_CAN_SHOW = Arrays.stream(CheckRule.values())
            .filter(CheckRule::pageCanShow).map(CheckRule::id).collect(Collectors.toUnmodifiableSet());

    private static List<Problem> check(Document d, Site site, KnownContent known, BlamelessRule blameless, NameRule names) {
        Prose prose = Prose.of(d, false);
        return Stream.of(
                VocabularyRule.check(d, site.config()),
                ReferenceRule.check(d, known),
                LinkRule.check(d.path(), d.postmortem().url(), d.postmortem().bodyHtml(), d.source(), known),
                ImageRule.check(d.path(), d.postmortem().bodyHtml(), d.source(), known),
                FootnoteRule.check(d.path(), d.postmortem().bodyHtml(), d.source()),
                TimeRule.check(d, site.config()),
                SectionRule.check(d, site.config()),
                ActionItemRule.check(d),
                blameless.check(d, prose),
                names.check(d, prose),
                UnfinishedRule.check(d, Prose.of(d, true)),
                ImportReviewRule.check(d)
        ).flatMap(List::stream).toList();
    }

    private SourceMap map(String source) {
        return sources.text(source).map(SourceMap::of).orElse(SourceMap.none());
    }
}
