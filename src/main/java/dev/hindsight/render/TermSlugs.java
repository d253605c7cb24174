package dev.hindsight.render;

import dev.hindsight.analyze.Taxonomy;
import dev.hindsight.model.Validate;

import java.text.Normalizer;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Path-safe, unique URL slugs for the terms of each taxonomy ("Config change" becomes "config-change").
 * Two terms that would share a slug get a short hash of the term appended, decided in sorted term order
 * so that the result never depends on iteration order.
 */
public final class TermSlugs {
    private static final java.util.regex.Pattern MARKS = java.util.regex.Pattern.compile("\\p{M}+");
    private static final java.util.regex.Pattern NON_ALNUM = java.util.regex.Pattern.compile("[^a-z0-9]+");
    private static final java.util.regex.Pattern EDGE_HYPHENS = java.util.regex.Pattern.compile("^-+|-+$");

    private final Map<String, Map<String, String>> byTaxonomy;

    private TermSlugs(Map<String, Map<String, String>> byTaxonomy) {
        this.byTaxonomy = byTaxonomy;
    }

    /** Computes the slugs for every term of every taxonomy. */
    public static TermSlugs of(List<Taxonomy> taxonomies) {
        Map<String, Map<String, String>> all = new HashMap<>();
        for (Taxonomy t : taxonomies) {
            all.put(t.name(), assign(t.terms().keySet()));
        }
        return new TermSlugs(all);
    }

    /** Returns whether another value assigns the same slugs to the same terms. */
    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof TermSlugs t && byTaxonomy.equals(t.byTaxonomy);
    }

    @Override
    public int hashCode() {
        return byTaxonomy.hashCode();
    }

    /** Returns the slug of a term; terms unknown to the taxonomy get the plain slug of their text. */
    public String slug(String taxonomy, String term) {
        Map<String, String> m = byTaxonomy.get(taxonomy);
        String s = m == null ? null : m.get(term);
        if (s != null) {
            return s;
        }
        return plain(term).isEmpty() ? fallback(term) : plain(term);
    }

    /** Returns the site path of a term page, like "causes/config-change/". */
    public String path(String taxonomy, String term) {
        return taxonomy + "/" + slug(taxonomy, term) + "/";
    }

    /** Assigns unique slugs to a set of terms, in sorted order. */
    static Map<String, String> assign(Collection<String> terms) {
        Map<String, String> out = new HashMap<>();
        Set<String> taken = new HashSet<>();
        // Terms whose plain slug is free and unambiguous keep it; the rest get a hash suffix.
        Map<String, Integer> plainCount = new HashMap<>();
        TreeSet<String> sorted = new TreeSet<>(terms);
        for (String t : sorted) {
            plainCount.merge(plain(t), 1, Integer::sum);
        }
        for (String t : sorted) {
            String p = plain(t);
            if (!p.isEmpty() && plainCount.get(p) == 1) {
                out.put(t, p);
                taken.add(p);
            }
        }
        for (String t : sorted) {
            if (!out.containsKey(t)) {
                String s = fallback(t);
                while (taken.contains(s)) {
                    s = s + "-" + Fingerprint.of(s.getBytes(java.nio.charset.StandardCharsets.UTF_8)).substring(0, 4);
                }
                out.put(t, s);
                taken.add(s);
            }
        }
        return out;
    }

    /** Returns the plain slug of a text: lower case ASCII letters and digits joined by single hyphens. */
    public static String plain(String text) {
        Validate.notNull(text, "text");
        String n = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFKD)).replaceAll("");
        String s = EDGE_HYPHENS.matcher(NON_ALNUM.matcher(n.toLowerCase(Locale.ROOT)).replaceAll("-")).replaceAll("");
        return s.length() > 80 ? EDGE_HYPHENS.matcher(s.substring(0, 80)).replaceAll("") : s;
    }

    private static String fallback(String term) {
        String p = plain(term);
        String hash = Fingerprint.of(term.getBytes(java.nio.charset.StandardCharsets.UTF_8)).substring(0, 6);
        return p.isEmpty() ? "term-" + hash : p + "-" + hash;
    }
}
