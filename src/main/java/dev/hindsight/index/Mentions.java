package dev.hindsight.index;

import dev.hindsight.model.Postmortem;
import dev.hindsight.model.SiteConfig;
import dev.hindsight.model.Term;
import dev.hindsight.model.Validate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The cause, service and team names of a site, and which of them a pasted text mentions: part of the reasons a
 * "more like this" result gives ({@code mentions} in {@code search-engine.js} applies the same rule to the manifest's
 * copy). A name is mentioned when the text's words hold its id's words or its label's words in a row (as
 * {@link WordSplitter#words} splits them), so {@code checkout-api} and {@code Checkout API} both count, and a CJK name
 * inside a longer run ({@code 決済} in {@code 決済チームの障害}).
 */
public final class Mentions {
    /** The dimensions whose names are looked for, in this order. */
    public static final List<String> DIMENSIONS = List.of("causes", "services", "teams");

    /**
     * A name.
     *
     * @param dimension causes, services or teams
     * @param id        the id incidents use
     * @param label     its label from site.yml, or the id
     */
    public record Name(String dimension, String id, String label) {
    }

    private final List<Name> names;

    private Mentions(List<Name> names) {
        this.names = names;
    }

    /** Collects the names used by incidents, in dimension then id order, labelled from site.yml. */
    public static Mentions of(List<Postmortem> docs, SiteConfig config) {
        Validate.notNull(config, "config");
        return of(docs, Map.of("causes", config.causes(), "services", config.services(), "teams", config.teams()));
    }

    /** Collects the names used by incidents, labelled from vocabularies by dimension (ids where none is given). */
    public static Mentions of(List<Postmortem> docs, Map<String, List<Term>> vocab) {
        Validate.notNull(docs, "docs");
        List<Name> out = new ArrayList<>();
        for (String dim : DIMENSIONS) {
            TreeSet<String> ids = new TreeSet<>();
            docs.forEach(p -> ids.addAll(IndexFields.facet(p, dim)));
            ids.forEach(id -> out.add(new Name(dim, id, SiteConfig.label(vocab.getOrDefault(dim, List.of()), id))));
        }
        return new Mentions(List.copyOf(out));
    }

    /** Returns every name. */
    public List<Name> names() {
        return names;
    }

    /** Returns the names a text mentions, in {@link #names()} order. */
    public List<Name> in(String text) {
        List<String> words = WordSplitter.words(text);
        List<Name> out = new ArrayList<>();
        for (Name n : names) {
            if (contains(words, WordSplitter.words(n.id())) || contains(words, WordSplitter.words(n.label()))) {
                out.add(n);
            }
        }
        return out;
    }

    private static boolean contains(List<String> words, List<String> run) {
        if (run.isEmpty()) {
            return false;
        }
        for (int i = 0; i + run.size() <= words.size(); i++) {
            if (words.subList(i, i + run.size()).equals(run)) {
                return true;
            }
        }
        return false;
    }
}
