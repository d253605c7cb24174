package dev.hindsight.model;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Where a link written in a content file leads among the content: the one reading that the build (which rewrites the
 * link to the page) and {@code hindsight check} (which reports a link that leads nowhere) share, so they agree.
 *
 * <p>A Markdown link ({@code ../2023/x.md}, {@code /2023/x.md} from the content folder, {@code x.md} by its name when
 * one page has it) leads to the page of that incident or content page. A link to a bundle's folder
 * ({@code ../c/outage/} or {@code ../c/outage}, where {@code c/outage/index.md} is the bundle) leads to that bundle's
 * incident. A Markdown file the site does not publish (a README, a template, a folder's landing page) or a path that
 * leaves the content folder leads nowhere, and says why. A link to any other file in the content folder (a PDF, a log)
 * leads to that file, which the build publishes next to the page that links it. Drafts left out of a build, files that failed to load and
 * Markdown kept as a bundle's file are not reported again: each was reported, or chosen, already. Paths are matched
 * in any case, percent escapes decoded.
 */
public final class ContentLinks {
    /** What a link leads to. */
    public enum Kind {
        /** A published page: the link is rewritten to it. */
        PAGE,
        /** A draft left out, a file that failed, a bundle's file: left as written, not reported again. */
        QUIET,
        /** A Markdown file the site does not publish; the detail is why. */
        UNPUBLISHED,
        /** A path that leaves the content folder. */
        OUTSIDE,
        /** A name several pages have; the detail is how many. */
        AMBIGUOUS,
        /** No content file has the path or the name. */
        MISSING,
        /**
         * A file in the content folder that is neither Markdown nor a bundle's folder (a PDF, a log, a spreadsheet, an
         * image): the build publishes it next to the page that links it; the detail is its content path.
         */
        FILE,
        /**
         * A path inside the content folder with a file name (an extension, not a page's {@code .html}) where no file
         * is; the detail is that content path. It may still be a site path ({@code ../../feed.xml} from a file two
         * folders deep), so other rules read it as one first, and only then is it reported as a missing file.
         */
        NO_FILE,
        /** Not a link to content (not Markdown and no bundle's folder): other rules read it as a site path. */
        NOT_CONTENT
    }

    /**
     * Where a link leads.
     *
     * @param kind     what it leads to
     * @param sitePath the page's site path ({@code incidents/x/}) for {@link Kind#PAGE}; for {@link Kind#NO_FILE}, the
     *                 bundle's page when the missing file would sit in a bundle's folder; else empty
     * @param detail   the file it names ({@link Kind#UNPUBLISHED}), or the number of pages with its name
     *                 ({@link Kind#AMBIGUOUS}); else empty
     * @param reason   why an unpublished file is not published; else empty
     */
    public record Target(Kind kind, String sitePath, String detail, String reason) {
        public Target {
            Validate.notNull(kind, "kind");
            Validate.notNull(sitePath, "sitePath");
            Validate.notNull(detail, "detail");
            Validate.notNull(reason, "reason");
        }

        static Target of(Kind kind) {
            return new Target(kind, "", "", "");
        }

        /** Returns the content path of the file a link leads to, when it leads to a file to publish with the page. */
        public Optional<String> file() {
            return kind == Kind.FILE ? Optional.of(detail) : Optional.empty();
        }

        /** Returns the page's site path when the link leads to a published page. */
        public Optional<String> page() {
            return kind == Kind.PAGE ? Optional.of(sitePath) : Optional.empty();
        }
    }

    private final Map<String, String> pages = new HashMap<>();
    private final Map<String, Set<String>> names = new HashMap<>();
    private final Map<String, SourceFile> others = new HashMap<>();
    /** The files of {@link #others} by their path as it is, so a name that differs only in case finds its own file. */
    private final Map<String, SourceFile> exact = new HashMap<>();
    /** What an image written from the content folder may be: an image file, never a Markdown source or site.yml. */
    private static final java.util.regex.Pattern IMAGE =
            java.util.regex.Pattern.compile("(?i).+\\.(png|jpe?g|gif|svg|webp|avif|bmp|ico)");
    /** The names of the files a link to is not reported again (see {@link #quiet}), in lower case. */
    private final Set<String> quietNames = new HashSet<>();

    /** Collects the pages and content files of a site. */
    public ContentLinks(Site site) {
        for (Postmortem p : site.postmortems()) {
            add(p.source(), p.url().substring(1), p.slug());
        }
        for (Page p : site.pages()) {
            add(p.source(), p.url().substring(1), p.slug());
        }
        for (SourceFile f : site.files()) {
            String key = f.path().toLowerCase(Locale.ROOT);
            if (!pages.containsKey(key)) {
                others.put(key, f);
                exact.put(f.path(), f);
                if (quiet(f) && isMarkdown(f.path())) {
                    quietNames.add(stem(f.path()).toLowerCase(Locale.ROOT));
                }
            }
        }
    }

    private void add(String source, String sitePath, String slug) {
        if (source.isEmpty()) {
            return;
        }
        pages.put(source.toLowerCase(Locale.ROOT), sitePath);
        names.computeIfAbsent(stem(source).toLowerCase(Locale.ROOT), k -> new TreeSet<>()).add(sitePath);
        names.computeIfAbsent(slug.toLowerCase(Locale.ROOT), k -> new TreeSet<>()).add(sitePath);
    }

    /**
     * Returns where a link leads.
     *
     * @param fromSource the content file it is written in, relative to the content folder
     * @param linkPath   the link's path as written, without its {@code #fragment} or {@code ?query}: relative to the
     *                   file, or to the content folder when it starts with '/'
     */
    public Target resolve(String fromSource, String linkPath) {
        String written = decode(linkPath);
        Optional<String> joined = joined(fromSource, written);
        if (!isMarkdown(written)) {
            return joined.filter(j -> !j.isEmpty()).map(this::notMarkdown).orElse(Target.of(Kind.NOT_CONTENT));
        }
        Optional<Target> file = joined.flatMap(this::file);
        if (file.isPresent()) {
            return file.get();
        }
        String name = stem(written).toLowerCase(Locale.ROOT);
        Set<String> named = names.getOrDefault(name, Set.of());
        if (named.size() == 1) {
            return new Target(Kind.PAGE, named.iterator().next(), "", "");
        }
        if (named.size() > 1) {
            return new Target(Kind.AMBIGUOUS, "", Integer.toString(named.size()), "");
        }
        if (quietNames.contains(name)) {
            return Target.of(Kind.QUIET);
        }
        return Target.of(joined.isEmpty() ? Kind.OUTSIDE : Kind.MISSING);
    }

    /**
     * Returns where an image a content file shows is: {@link Kind#FILE} when the content folder has it (by its path
     * relative to the file, or from the content folder when it starts with '/', where only an image file counts),
     * else {@link Kind#NO_FILE} with the path looked for. The build copies the one; {@code check} reports the other.
     *
     * @param fromSource the content file, relative to the content folder
     * @param src        the image's source as written; a {@code ?query} or {@code #fragment} is ignored
     */
    public Target image(String fromSource, String src) {
        String written = decode(src.replaceFirst("[?#].*$", ""));
        boolean fromRoot = written.startsWith("/");
        Optional<String> joined = joined(fromSource, written);
        Optional<SourceFile> f = joined.filter(j -> !fromRoot || IMAGE.matcher(j).matches()).flatMap(this::copied);
        return f.map(file -> new Target(Kind.FILE, "", file.path(), ""))
                .orElseGet(() -> new Target(Kind.NO_FILE, "", joined.orElse(written), ""));
    }

    /**
     * Returns the content path a decoded path written in a content file names: relative to the file, or to the content
     * folder when it starts with '/'; empty when it leaves the content folder.
     */
    private static Optional<String> joined(String fromSource, String written) {
        boolean fromRoot = written.startsWith("/");
        String dir = fromRoot || !fromSource.contains("/") ? "" : fromSource.substring(0, fromSource.lastIndexOf('/') + 1);
        return SitePaths.normalize(dir + (fromRoot ? written.substring(1) : written));
    }

    /**
     * Returns the file at a content path that the loader copies when a page asks (not a skipped one, such as
     * site.yml, nor Markdown kept in a bundle): the one with the path as written, else one whose path differs only in
     * case.
     */
    private Optional<SourceFile> copied(String path) {
        SourceFile f = exact.getOrDefault(path, others.get(path.toLowerCase(Locale.ROOT)));
        return Optional.ofNullable(f).filter(x -> x.outcome() == SourceFile.Outcome.RESOURCE && x.reason().isEmpty());
    }

    /** Returns where a link to a path that is not Markdown leads: a bundle's incident, a file, or no file. */
    private Target notMarkdown(String path) {
        Target bundle = folder(path);
        if (bundle.kind() != Kind.NOT_CONTENT) {
            return bundle;
        }
        if (others.containsKey(path.toLowerCase(Locale.ROOT))) {
            return copied(path).map(f -> new Target(Kind.FILE, "", f.path(), "")).orElse(Target.of(Kind.NOT_CONTENT));
        }
        String name = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        boolean fileName = name.lastIndexOf('.') > 0 && !name.endsWith(".html") && !name.endsWith(".htm");
        if (!fileName) {
            return Target.of(Kind.NOT_CONTENT);
        }
        String owner = path.contains("/") ? folder(path.substring(0, path.lastIndexOf('/'))).sitePath() : "";
        return new Target(Kind.NO_FILE, owner, path, "");
    }

    /** Returns where a link to a folder leads: its bundle's index, when the folder is a bundle; else not to content. */
    private Target folder(String path) {
        for (String index : new String[] {"index.md", "index.markdown"}) {
            Optional<Target> t = file(path + "/" + index);
            if (t.isPresent()) {
                return t.get();
            }
        }
        return Target.of(Kind.NOT_CONTENT);
    }

    /** Returns where a content file leads, when there is one at the path. */
    private Optional<Target> file(String path) {
        String key = path.toLowerCase(Locale.ROOT);
        String page = pages.get(key);
        if (page != null) {
            return Optional.of(new Target(Kind.PAGE, page, "", ""));
        }
        SourceFile f = others.get(key);
        if (f == null || !isMarkdown(f.path())) {
            return Optional.empty();
        }
        return Optional.of(quiet(f) ? Target.of(Kind.QUIET) : new Target(Kind.UNPUBLISHED, "", f.path(), f.reason()));
    }

    /** Returns true for a file a link to is not reported again: a draft left out, a failed file, a bundle's file. */
    private static boolean quiet(SourceFile f) {
        return f.outcome() != SourceFile.Outcome.SKIPPED || f.reason().equals(SourceFile.DRAFT);
    }

    /** Returns true for a Markdown file name. */
    public static boolean isMarkdown(String path) {
        String p = path.toLowerCase(Locale.ROOT);
        return p.endsWith(".md") || p.endsWith(".markdown");
    }

    /** Returns the name a content file is known by: its file name without .md, or the folder of a bundle's index.md. */
    public static String stem(String path) {
        String p = path.replace('\\', '/');
        int slash = p.lastIndexOf('/');
        String name = p.substring(slash + 1);
        if (slash >= 0 && INDEX_NAMES.contains(name.toLowerCase(Locale.ROOT))) {
            String parent = p.substring(0, slash);
            return parent.substring(parent.lastIndexOf('/') + 1);
        }
        for (String extension : MARKDOWN_EXTENSIONS) {
            if (endsWithIgnoringAsciiCase(name, extension)) {
                return name.substring(0, name.length() - extension.length());
            }
        }
        return name;
    }

    /** A bundle's page file names, in lower case. */
    private static final Set<String> INDEX_NAMES = Set.of("index.md", "_index.md", "index.markdown", "_index.markdown");
    private static final java.util.List<String> MARKDOWN_EXTENSIONS = java.util.List.of(".md", ".markdown");

    /** Returns true when a text ends with a lower-case ASCII suffix, in any case of its ASCII letters. */
    private static boolean endsWithIgnoringAsciiCase(String text, String suffix) {
        int from = text.length() - suffix.length();
        if (from < 0) {
            return false;
        }
        for (int i = 0; i < suffix.length(); i++) {
            char c = text.charAt(from + i);
            if (c >= 'A' && c <= 'Z') {
                c = (char) (c + ('a' - 'A'));
            }
            if (c != suffix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** Percent-decodes a path as UTF-8 ("a%20b.md" is "a b.md"); a malformed escape is kept as written. */
    public static String decode(String path) {
        if (path.indexOf('%') < 0) {
            return path;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < path.length(); i++) {
            int c = path.codePointAt(i);
            int hi = i + 2 < path.length() ? Character.digit(path.charAt(i + 1), 16) : -1;
            int lo = i + 2 < path.length() ? Character.digit(path.charAt(i + 2), 16) : -1;
            if (c == '%' && hi >= 0 && lo >= 0) {
                bytes.write(hi * 16 + lo);
                i += 2;
            } else {
                byte[] b = new String(Character.toChars(c)).getBytes(StandardCharsets.UTF_8);
                bytes.write(b, 0, b.length);
                i += Character.charCount(c) - 1;
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
