package dev.hindsight.check;

import dev.hindsight.model.ActionType;
import dev.hindsight.model.CacheFolder;
import dev.hindsight.model.KeyHash;
import dev.hindsight.model.LintRule;
import dev.hindsight.model.Problem;
import dev.hindsight.model.SiteConfig;
import dev.hindsight.model.SynonymGroup;
import dev.hindsight.model.Term;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The findings of each incident's rules in the build before, kept in a build cache under the digest of everything
 * those rules read, so that a warm build runs them only on the incidents whose digest is new.
 *
 * <p>A digest holds the incident's record and source text and the site's context: its settings (which hold
 * {@code today} and the blameless lists) and the words that never count as names ({@link NameRule#feed}). What the
 * reference and link rules read of the rest of the site is kept beside the findings as questions and answers (does
 * slug X name an incident, how many files are named Y, what is incident Z: see {@link KnownContent#asking}), and the
 * findings are used only while every question gets the same answer. So an edit to one incident's text or fields
 * checks that incident alone, and a file added, deleted or renamed checks the incidents whose references or links
 * ask about it.
 */
final class CheckMemo {
    /** The findings by digest; the one entry of the cache folder, replaced by each build that checked something. */
    private record Findings(Map<String, Kept> byDigest) {
    }

    /**
     * One incident's findings, with the questions its rules asked of the rest of the site and their answers.
     *
     * @param questions what was asked, each once, in the order first asked
     * @param answers   the answer to each question when the findings were made
     * @param problems  the findings
     */
    record Kept(List<String> questions, List<String> answers, List<Problem> problems) {
        /** Returns true when every question gets the answer it got. */
        boolean current(KnownContent known) {
            for (int i = 0; i < questions.size(); i++) {
                if (!known.answer(questions.get(i)).equals(answers.get(i))) {
                    return false;
                }
            }
            return true;
        }
    }

    /**
     * The site's settings as the rules may read them: all of {@link SiteConfig} but the front-matter key aliases,
     * which act while loading (the incident's record, digested whole, shows their effect). {@code CheckMemoTest}
     * fails when SiteConfig gains a component this record lacks.
     */
    record Settings(String title, String description, String baseUrl, String language, String zone,
                    List<Term> severities, List<Term> causes, List<Term> services, List<Term> teams,
                    Map<ActionType, Integer> actionItemSlo, List<String> essential, List<LintRule> blameless,
                    LocalDate today, List<SynonymGroup> synonyms, boolean reminders) {
        static Settings of(SiteConfig c) {
            return new Settings(c.title(), c.description(), c.baseUrl(), c.language(), c.zone().getId(), c.severities(),
                    c.causes(), c.services(), c.teams(), c.actionItemSlo(), c.essential(), c.blameless(), c.today(),
                    c.synonyms(), c.reminders());
        }
    }

    private final CacheFolder cache;
    private final Map<String, Kept> before;
    private final Map<String, Kept> now = new ConcurrentHashMap<>();
    private final AtomicInteger checked = new AtomicInteger();
    private final List<Problem> notes = new ArrayList<>();

    private CheckMemo(CacheFolder cache, Map<String, Kept> before) {
        this.cache = cache;
        this.before = before;
    }

    /** Reads the findings a cache holds; a cache that keeps nothing, or an entry that does not read, holds none. */
    static CheckMemo read(CacheFolder cache) {
        if (!cache.enabled()) {
            return new CheckMemo(cache, Map.of());
        }
        Optional<Findings> kept = cache.getRecord(key(cache), Findings.class);
        if (kept.isPresent()) {
            return new CheckMemo(cache, kept.get().byDigest());
        }
        CheckMemo memo = new CheckMemo(cache, Map.of());
        if (cache.get(key(cache)).isPresent()) {
            memo.notes.add(Problem.info("", 0, "cache", "the cached check findings did not read back; every incident is checked"));
        }
        return memo;
    }

    /**
     * Returns the findings kept under an incident's digest while the questions they asked of the site get the same
     * answers, or runs the rules on a view of the site that records the questions, and keeps theirs. Without a cache
     * it runs the rules and computes no digest.
     */
    List<Problem> findings(Supplier<String> digestOf, KnownContent known,
                           java.util.function.Function<KnownContent, List<Problem>> rules) {
        if (!cache.enabled()) {
            checked.incrementAndGet();
            return rules.apply(known);
        }
        String digest = digestOf.get();
        Kept kept = before.get(digest);
        if (kept == null || !kept.current(known)) {
            List<String> asked = new ArrayList<>();
            List<Problem> problems = List.copyOf(rules.apply(known.asking(asked)));
            List<String> questions = List.copyOf(new java.util.LinkedHashSet<>(asked));
            kept = new Kept(questions, questions.stream().map(known::answer).toList(), problems);
            checked.incrementAndGet();
        }
        now.put(digest, kept);
        return kept.problems();
    }

    /** Returns how many incidents the rules ran on (the others' findings came from the cache). */
    int checked() {
        return checked.get();
    }

    /** Keeps this build's findings when they differ from the build before's, sweeps stale entries, returns notes. */
    List<Problem> save() {
        if (!cache.enabled()) {
            return List.copyOf(notes);
        }
        // Reading the entry in read() marked it used, so the sweep keeps it when nothing changed.
        if (checked.get() > 0 || now.size() != before.size()) {
            cache.putRecord(key(cache), new Findings(Map.copyOf(now)));
        }
        List<Problem> out = new ArrayList<>(notes);
        out.addAll(cache.collect());
        return out;
    }

    private static String key(CacheFolder cache) {
        return cache.key("check-findings");
    }

    /**
     * Returns the digest of what one incident's rules read of it, given the site's context digest, the incident's own
     * ({@link dev.hindsight.model.IncidentDigests}) and its text.
     */
    static String digest(String context, String incident, Optional<String> text) {
        KeyHash md = KeyHash.start();
        md.update(context.getBytes(StandardCharsets.US_ASCII));
        md.update(incident.getBytes(StandardCharsets.US_ASCII));
        md.update((byte) (text.isPresent() ? 1 : 0));
        text.ifPresent(t -> md.update(t.getBytes(StandardCharsets.UTF_8)));
        return md.hex();
    }
}
