package dev.hindsight.check;

import dev.hindsight.model.Page;
import dev.hindsight.model.Postmortem;
import dev.hindsight.model.Site;
import dev.hindsight.model.SourceFile;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a site holds, for reference and link checks: incidents by slug, pages, and every content file, including
 * drafts left out of this build and files that failed to load (a link to those is not reported again).
 */
final class KnownContent {
    private final Map<String, Postmortem> incidents = new HashMap<>();
    private final Set<String> otherSlugs = new HashSet<>();
    private final Set<String> pages = new HashSet<>();
    private final Set<String> paths = new HashSet<>();
    private final Map<String, Integer> stems = new HashMap<>();
    private final String baseUrl;

    /** Collects the content of a site. */
    KnownContent(Site site) {
        this.baseUrl = site.config().baseUrl();
        for (Postmortem p : site.postmortems()) {
            incidents.putIfAbsent(p.slug(), p);
            addFile(p.source());
            if (!p.slug().equals(stem(p.source()))) {
                stems.merge(p.slug().toLowerCase(Locale.ROOT), 1, Integer::sum);
            }
        }
        for (Page p : site.pages()) {
            pages.add(p.slug());
            addFile(p.source());
        }
        for (SourceFile f : site.files()) {
            if (isMarkdown(f.path()) && !paths.contains(f.path().toLowerCase(Locale.ROOT))) {
                addFile(f.path());
                otherSlugs.add(stem(f.path()));
            }
        }
    }

    private void addFile(String path) {
        if (!path.isEmpty() && paths.add(path.toLowerCase(Locale.ROOT))) {
            stems.merge(stem(path).toLowerCase(Locale.ROOT), 1, Integer::sum);
        }
    }

    /** Returns the incident with a slug. */
    Optional<Postmortem> incident(String slug) {
        return Optional.ofNullable(incidents.get(slug));
    }

    /** Returns true when a slug names an incident, a draft left out of this build, or a file that failed to load. */
    boolean hasIncident(String slug) {
        return incidents.containsKey(slug) || otherSlugs.contains(slug);
    }

    /** Returns the slugs of the incidents in this build. */
    Set<String> slugs() {
        return java.util.Collections.unmodifiableSet(incidents.keySet());
    }

    /** Returns true when a content page has the slug. */
    boolean hasPage(String slug) {
        return pages.contains(slug);
    }

    /** Returns true when a content file has this path, relative to the content folder (any case). */
    boolean hasPath(String path) {
        return paths.contains(path.toLowerCase(Locale.ROOT));
    }

    /** Returns how many content files are known by a name (file name without .md, bundle folder, or slug). */
    int filesNamed(String stem) {
        return stems.getOrDefault(stem.toLowerCase(Locale.ROOT), 0);
    }

    /** Returns the site's base URL, ending in '/'. */
    String baseUrl() {
        return baseUrl;
    }

    /**
     * Feeds everything the reference and link rules read of the site into a digest: the slugs, pages, paths and names
     * it knows and its base URL (the incidents' own fields are not read, but for the date {@link CheckMemo} adds).
     */
    void feed(java.security.MessageDigest md) {
        feed(md, "incidents", incidents.keySet());
        feed(md, "others", otherSlugs);
        feed(md, "pages", pages);
        feed(md, "paths", paths);
        feed(md, "stems", stems.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
        feed(md, "base", Set.of(baseUrl));
    }

    /** Feeds a named set of strings into a digest, sorted and each ended by a NUL, so no two sets feed alike. */
    static void feed(java.security.MessageDigest md, String name, java.util.Collection<String> values) {
        md.update((name + "\u0001" + values.size() + "\u0001").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        values.stream().sorted().forEach(v -> md.update((v + "\u0000").getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    /** Returns true for a Markdown file name. */
    static boolean isMarkdown(String path) {
        String p = path.toLowerCase(Locale.ROOT);
        return p.endsWith(".md") || p.endsWith(".markdown");
    }

    /** Returns the name a content file is known by: its file name without .md, or the folder of a bundle's index.md. */
    static String stem(String path) {
        String p = path.replace('\\', '/');
        String name = p.substring(p.lastIndexOf('/') + 1);
        if (name.toLowerCase(Locale.ROOT).matches("_?index\\.(md|markdown)") && p.contains("/")) {
            String parent = p.substring(0, p.lastIndexOf('/'));
            return parent.substring(parent.lastIndexOf('/') + 1);
        }
        return name.replaceFirst("(?i)\\.(md|markdown)$", "");
    }
}
