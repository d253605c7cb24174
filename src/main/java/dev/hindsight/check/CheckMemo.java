package dev.hindsight.check;

import dev.hindsight.model.ActionType;
import dev.hindsight.model.CacheFolder;
import dev.hindsight.model.LintRule;
import dev.hindsight.model.Postmortem;
import dev.hindsight.model.Problem;
import dev.hindsight.model.RecordCodec;
import dev.hindsight.model.SiteConfig;
import dev.hindsight.model.SynonymGroup;
import dev.hindsight.model.Term;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
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
 * <p>A digest holds the incident's record and source text, the start date of each incident it names in
 * {@code recurrence_of}, and the site's context: its settings (which hold {@code today} and the blameless lists),
 * what it holds for references and links ({@link KnownContent#feed}), and the words that never count as names
 * ({@link NameRule#feed}). An edit that renames, adds or deletes a file changes the context, so every incident is
 * checked again; an edit to one incident's text or fields checks that incident alone.
 */
final class CheckMemo {
    /** The findings by digest; the one entry of the cache folder, replaced by each build that checked something. */
    private record Findings(Map<String, List<Problem>> byDigest) {
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
    private final Map<String, List<Problem>> before;
    private final Map<String, List<Problem>> now = new ConcurrentHashMap<>();
    private final AtomicInteger checked = new AtomicInteger();
    private final List<Problem> notes = new ArrayList<>();

    private CheckMemo(CacheFolder cache, Map<String, List<Problem>> before) {
        this.cache = cache;
        this.before = before;
    }

    /** Reads the findings a cache holds; a cache that keeps nothing, or an entry that does not read, holds none. */
    static CheckMemo read(CacheFolder cache) {
        if (!cache.enabled()) {
            return new CheckMemo(cache, Map.of());
        }
        Optional<byte[]> kept = cache.get(key(cache));
        if (kept.isPresent()) {
            try {
                return new CheckMemo(cache, RecordCodec.decode(kept.get(), Findings.class).byDigest());
            } catch (IOException e) {
                CheckMemo memo = new CheckMemo(cache, Map.of());
                memo.notes.add(Problem.info("", 0, "cache", "the cached check findings did not read back; every incident is checked"));
                return memo;
            }
        }
        return new CheckMemo(cache, Map.of());
    }

    /**
     * Returns the findings kept under an incident's digest, or runs the rules and keeps theirs; without a cache it
     * runs the rules and computes no digest.
     */
    List<Problem> findings(Supplier<String> digestOf, Supplier<List<Problem>> rules) {
        if (!cache.enabled()) {
            checked.incrementAndGet();
            return rules.get();
        }
        String digest = digestOf.get();
        List<Problem> kept = before.get(digest);
        if (kept == null) {
            kept = List.copyOf(rules.get());
            checked.incrementAndGet();
        }
        now.put(digest, kept);
        return kept;
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
            cache.put(key(cache), RecordCodec.encode(new Findings(Map.copyOf(now))));
        }
        List<Problem> out = new ArrayList<>(notes);
        out.addAll(cache.collect());
        return out;
    }

    private static String key(CacheFolder cache) {
        return cache.key("check-findings");
    }

    /** Returns the digest of what one incident's rules read, given the site's context digest and its source text. */
    static String digest(String context, Postmortem p, Optional<String> text, KnownContent known) {
        MessageDigest md = CacheFolder.sha256();
        md.update(context.getBytes(StandardCharsets.US_ASCII));
        RecordCodec.digest(p, md);
        md.update((byte) (text.isPresent() ? 1 : 0));
        text.ifPresent(t -> md.update(t.getBytes(StandardCharsets.UTF_8)));
        for (String ref : p.recurrenceOf()) {
            String then = known.incident(ReferenceRule.slugOf(ref)).flatMap(Postmortem::date).map(Object::toString).orElse("-");
            md.update(("\u0000" + ref + "\u0001" + then).getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(md.digest());
    }
}
