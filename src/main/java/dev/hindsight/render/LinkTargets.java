package dev.hindsight.render;

import dev.hindsight.model.Page;
import dev.hindsight.model.Postmortem;
import dev.hindsight.model.Site;
import dev.hindsight.model.SitePaths;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where Markdown links to other content files lead: "../2023/x.md" written in one postmortem becomes the site
 * path of that incident's page. Links are matched by their path relative to the content folder, else by file
 * name when only one content file has it, else by slug.
 */
final class LinkTargets {
    private final Map<String, String> byPath = new HashMap<>();
    private final Map<String, String> byName = new HashMap<>();
    private final Set<String> ambiguous = new HashSet<>();

    /** Collects every incident and page of a site. */
    LinkTargets(Site site) {
        for (Postmortem p : site.postmortems()) {
            add(p.source(), "incidents/" + p.slug() + "/", p.slug());
        }
        for (Page p : site.pages()) {
            add(p.source(), p.slug() + "/", p.slug());
        }
    }

    private void add(String source, String sitePath, String slug) {
        byPath.put(source.toLowerCase(Locale.ROOT), sitePath);
        name(stem(source), sitePath);
        if (!slug.equals(stem(source))) {
            name(slug, sitePath);
        }
    }

    private void name(String key, String sitePath) {
        String k = key.toLowerCase(Locale.ROOT);
        String old = byName.putIfAbsent(k, sitePath);
        if (old != null && !old.equals(sitePath)) {
            ambiguous.add(k);
        }
    }

    /**
     * Returns the site path for a link to a Markdown file written in a content file, relative to that file or, when it
     * starts with '/', to the content folder; empty when unknown.
     */
    Optional<String> resolve(String fromSource, String linkPath) {
        String written = decode(linkPath);
        // "/2023/x.md" is from the content folder, as `hindsight check` reads it.
        boolean fromRoot = written.startsWith("/");
        String decoded = fromRoot ? written.substring(1) : written;
        String dir = fromRoot || !fromSource.contains("/") ? "" : fromSource.substring(0, fromSource.lastIndexOf('/') + 1);
        Optional<String> joined = SitePaths.normalize(dir + decoded);
        if (joined.isPresent()) {
            String hit = byPath.get(joined.get().toLowerCase(Locale.ROOT));
            if (hit != null) {
                return Optional.of(hit);
            }
        }
        String key = stem(decoded).toLowerCase(Locale.ROOT);
        if (!ambiguous.contains(key) && byName.containsKey(key)) {
            return Optional.of(byName.get(key));
        }
        return Optional.empty();
    }

    /** Returns the name a content file is known by: its file name without ".md", or its folder for a bundle's index.md. */
    static String stem(String path) {
        String p = path.replace('\\', '/');
        String name = p.substring(p.lastIndexOf('/') + 1);
        if (name.toLowerCase(Locale.ROOT).matches("(index|_index)\\.(md|markdown)") && p.contains("/")) {
            String parent = p.substring(0, p.lastIndexOf('/'));
            return parent.substring(parent.lastIndexOf('/') + 1);
        }
        return name.replaceFirst("(?i)\\.(md|markdown)$", "");
    }

    /** Percent-decodes a link path ("a%20b.md" is "a b.md"); a path that is not a valid URI is taken as written. */
    private static String decode(String path) {
        try {
            return new URI("x:/" + path.replace(" ", "%20")).getPath().substring(1);
        } catch (URISyntaxException e) {
            return path;
        }
    }
}
