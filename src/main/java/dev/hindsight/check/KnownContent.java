package dev.hindsight.check;

import dev.hindsight.model.ContentLinks;
import dev.hindsight.model.KeyHash;
import dev.hindsight.model.Page;
import dev.hindsight.model.Postmortem;
import dev.hindsight.model.Site;
import dev.hindsight.model.SourceFile;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a site holds, for reference and link checks: incidents by slug, pages, and every content file, including
 * drafts left out of this build and files that failed to load (a link to those is not reported again).
 */
final class KnownContent {
    private final Map<String, Postmortem> incidents;
    private final Set<String> otherSlugs;
    private final Set<String> pages;
    private final ContentLinks links;
    private final String baseUrl;
    /** The digest of the slugs, made when first asked for. */
    private final java.util.concurrent.atomic.AtomicReference<String> slugsDigest;
    /** Where a view made by {@link #asking} writes each question asked of it; null when none is recorded. */
    private final List<String> asked;

    /** Collects the content of a site. */
    KnownContent(Site site) {
        this.incidents = new HashMap<>();
        this.otherSlugs = new HashSet<>();
        this.pages = new HashSet<>();
        this.links = new ContentLinks(site);
        this.slugsDigest = new java.util.concurrent.atomic.AtomicReference<>();
        this.asked = null;
        this.baseUrl = site.config().baseUrl();
        Set<String> published = new HashSet<>();
        for (Postmortem p : site.postmortems()) {
            incidents.putIfAbsent(p.slug(), p);
            published.add(p.source().toLowerCase(Locale.ROOT));
        }
        for (Page p : site.pages()) {
            pages.add(p.slug());
            published.add(p.source().toLowerCase(Locale.ROOT));
        }
        for (SourceFile f : site.files()) {
            if (ContentLinks.isMarkdown(f.path()) && !published.contains(f.path().toLowerCase(Locale.ROOT))) {
                otherSlugs.add(ContentLinks.stem(f.path()));
            }
        }
    }

    private KnownContent(KnownContent of, List<String> asked) {
        this.incidents = of.incidents;
        this.otherSlugs = of.otherSlugs;
        this.pages = of.pages;
        this.links = of.links;
        this.baseUrl = of.baseUrl;
        this.slugsDigest = of.slugsDigest;
        this.asked = asked;
    }

    /**
     * Returns a view of the same content that writes each question asked of it to a list (one thread's), so that
     * {@link CheckMemo} can keep an incident's findings while every question it asked gets the same {@link #answer}.
     */
    KnownContent asking(List<String> questions) {
        return new KnownContent(this, java.util.Objects.requireNonNull(questions, "questions"));
    }

    /** Returns today's answer to a question a view recorded; a question of no known kind has none. */
    String answer(String question) {
        int cut = question.indexOf(':');
        String kind = cut < 0 ? question : question.substring(0, cut);
        String arg = cut < 0 ? "" : question.substring(cut + 1);
        return switch (kind) {
            case INCIDENT -> incident(arg).map(dev.hindsight.model.RecordCodec::hash).orElse("-");
            case HAS_INCIDENT -> Boolean.toString(hasIncident(arg));
            case SLUGS -> slugsDigest();
            case HAS_PAGE -> Boolean.toString(hasPage(arg));
            case LINK -> link(arg.substring(0, Math.max(0, arg.indexOf(LINK_SEPARATOR))),
                    arg.substring(arg.indexOf(LINK_SEPARATOR) + 1)).toString();
            case IMAGE -> image(arg.substring(0, Math.max(0, arg.indexOf(LINK_SEPARATOR))),
                    arg.substring(arg.indexOf(LINK_SEPARATOR) + 1)).toString();
            case BASE_URL -> baseUrl();
            default -> "?" + question;
        };
    }

    private static final String INCIDENT = "incident";
    private static final String HAS_INCIDENT = "has-incident";
    private static final String SLUGS = "slugs";
    private static final String HAS_PAGE = "has-page";
    private static final String LINK = "link";
    private static final String IMAGE = "image";
    private static final String BASE_URL = "base-url";

    private void ask(String kind, String arg) {
        if (asked != null) {
            asked.add(kind + ":" + arg);
        }
    }

    private String slugsDigest() {
        String d = slugsDigest.get();
        if (d == null) {
            KeyHash md = KeyHash.start();
            feed(md, "slugs", incidents.keySet());
            d = md.hex();
            slugsDigest.set(d);
        }
        return d;
    }

    /** Returns the incident with a slug. */
    Optional<Postmortem> incident(String slug) {
        ask(INCIDENT, slug);
        return Optional.ofNullable(incidents.get(slug));
    }

    /** Returns true when a slug names an incident, a draft left out of this build, or a file that failed to load. */
    boolean hasIncident(String slug) {
        ask(HAS_INCIDENT, slug);
        return incidents.containsKey(slug) || otherSlugs.contains(slug);
    }

    /** Returns the slugs of the incidents in this build. */
    Set<String> slugs() {
        ask(SLUGS, "");
        return java.util.Collections.unmodifiableSet(incidents.keySet());
    }

    /** Returns true when a content page has the slug. */
    boolean hasPage(String slug) {
        ask(HAS_PAGE, slug);
        return pages.contains(slug);
    }

    /**
     * Returns where a link written in a content file leads among the content, as the build reads it.
     *
     * @param fromSource the file it is written in
     * @param path       the link's path, without its fragment
     */
    ContentLinks.Target link(String fromSource, String path) {
        ask(LINK, fromSource + LINK_SEPARATOR + path);
        return links.resolve(fromSource, path);
    }

    /** Returns where an image a content file shows is, as the build reads it ({@link ContentLinks#image}). */
    ContentLinks.Target image(String fromSource, String src) {
        ask(IMAGE, fromSource + LINK_SEPARATOR + src);
        return links.image(fromSource, src);
    }

    /** Separates a link's file from its path in a recorded question: no file name or link path holds it. */
    private static final char LINK_SEPARATOR = '\u0000';

    /** Returns the site's base URL, ending in '/'. */
    String baseUrl() {
        ask(BASE_URL, "");
        return baseUrl;
    }

    /** Feeds a named set of strings into a digest, sorted and each ended by a NUL, so no two sets feed alike. */
    static void feed(KeyHash md, String name, java.util.Collection<String> values) {
        md.update((name + "\u0001" + values.size() + "\u0001").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        values.stream().sorted().forEach(v -> md.update((v + "\u0000").getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

}
