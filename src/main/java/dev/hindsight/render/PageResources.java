package dev.hindsight.render;

import dev.hindsight.model.ContentLinks;
import dev.hindsight.model.Postmortem;
import dev.hindsight.model.Problem;
import dev.hindsight.model.SitePaths;
import dev.hindsight.model.SiteWriter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Copies the files an incident page needs next to it: a bundle's resources, images and linked files (a PDF, a log)
 * referenced relative to the Markdown file (the page folder mirrors the source folder, so their sources keep working), and images referenced
 * from the content root, which go to the page's {@code files/} folder.
 *
 * <p>Each source file is copied once and every reference to it gets the same name. Two different files that would
 * land on the same name (also one differing only in case, which a case-insensitive file system would merge) do not:
 * the first asked for keeps the name, a later one gets the first 8 hex digits of the SHA-256 of its content path
 * before the extension ({@code files/graph-1a2b3c4d.png}). A page asks in the order of its body, so the names are
 * the same on every build. One instance serves one page, from one thread.
 */
final class PageResources {
    private final Path contentDir;
    private final String source;
    private final List<String> resources;
    private final SiteWriter out;
    private final String pageDir;
    /** Source file (content-relative) to the path, relative to the page folder, it was copied to. */
    private final Map<String, String> copied = new HashMap<>();
    /** Paths relative to the page folder that are taken, lower-cased: the page itself and every copied file. */
    private final Set<String> claimed = new HashSet<>();
    private final List<Problem> problems = new ArrayList<>();

    /** Prepares to place the files of a page written from a content file into a site folder ("incidents/x/"). */
    PageResources(Path contentDir, String source, List<String> resources, String pageDir, SiteWriter out) {
        this.contentDir = contentDir.toAbsolutePath().normalize();
        this.source = source;
        this.resources = List.copyOf(resources);
        this.out = out;
        this.pageDir = pageDir;
        claimed.add("index.html");
    }

    /** Prepares to place the files of an incident page. */
    static PageResources of(Path contentDir, Postmortem incident, SiteWriter out) {
        return new PageResources(contentDir, incident.source(), incident.resources(), incident.url().substring(1), out);
    }

    /** Copies every bundle resource, keeping its path inside the bundle. */
    void copyBundle() {
        String dir = sourceDir();
        for (String r : resources) {
            String rel = SitePaths.normalize(r).orElse("");
            if (rel.isEmpty() || rel.equalsIgnoreCase("index.html")) {
                problems.add(Problem.warning(source, 0, "resource",
                        "bundle file " + r + " was not copied: it would leave or replace the page"));
                continue;
            }
            if (!copied.containsKey(dir + rel)) {
                claimed.add(rel.toLowerCase(Locale.ROOT));
                copy(dir + rel, rel, "");
            }
        }
    }

    /**
     * Places a file of the content folder that the page shows or links (an image, a PDF, a log: where
     * {@code ContentLinks} says a reference leads) next to the page; returns the reference to use, or empty when the
     * file cannot be copied.
     *
     * @param contentPath the file, relative to the content folder
     * @param written     the reference as written: relative to the Markdown file, or from the content folder
     */
    Optional<String> file(String contentPath, String written) {
        boolean fromRoot = written.startsWith("/");
        String path = written.replaceFirst("[?#].*$", "");
        return place(contentPath, written, ContentLinks.decode(fromRoot ? path.substring(1) : path), fromRoot);
    }

    /**
     * Copies a content file next to the page once, under the path it is written by when that stays in the page
     * folder, else in {@code files/}; returns the reference to use.
     */
    private Optional<String> place(String wanted, String src, String decoded, boolean fromRoot) {
        String known = copied.get(wanted);
        if (known != null) {
            return Optional.of(answer(known, src, decoded));
        }
        Path file = contentDir.resolve(wanted).normalize();
        if (!file.startsWith(contentDir) || !Files.isRegularFile(file)) {
            return Optional.empty();
        }
        String relToPage = fromRoot ? "" : SitePaths.normalize(decoded).orElse("");
        String preferred = !relToPage.isEmpty() && !relToPage.equalsIgnoreCase("index.html")
                ? relToPage : "files/" + file.getFileName();
        String target = claim(wanted, preferred);
        if (!copy(wanted, target, src)) {
            return Optional.empty();
        }
        return Optional.of(answer(target, src, decoded));
    }

    /**
     * Returns the name, relative to the page folder, under which a source file is copied, and takes it: the preferred
     * one when no other file has it in any case, else the preferred one with a suffix from the source's path.
     */
    private String claim(String source, String preferred) {
        if (claimed.add(preferred.toLowerCase(Locale.ROOT))) {
            return preferred;
        }
        String suffix = Fingerprint.of(source.getBytes(StandardCharsets.UTF_8));
        String name = suffixed(preferred, suffix);
        for (int n = 2; !claimed.add(name.toLowerCase(Locale.ROOT)); n++) {
            name = suffixed(preferred, suffix + "-" + n);
        }
        return name;
    }

    /** Returns a path with "-" and a suffix before the extension of its last segment: "files/g.png" gives "files/g-x.png". */
    static String suffixed(String path, String suffix) {
        int slash = path.lastIndexOf('/');
        int dot = path.lastIndexOf('.');
        if (dot <= slash + 1) {
            return path + "-" + suffix;
        }
        return path.substring(0, dot) + "-" + suffix + path.substring(dot);
    }

    /** Returns the src a reference shows for a file copied to a path relative to the page: its own when that is the path. */
    private static String answer(String target, String src, String decoded) {
        return target.equals(decoded) ? src : target.replace(" ", "%20");
    }

    /** Returns the problems met while copying. */
    List<Problem> problems() {
        return List.copyOf(problems);
    }

    /** Returns the 1-based line of the source file that first mentions a text, or 0 (also for an empty text). */
    int lineOf(String text) {
        if (text.isEmpty()) {
            return 0;
        }
        try {
            List<String> lines = Files.readAllLines(contentDir.resolve(source));
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).contains(text)) {
                    return i + 1;
                }
            }
            return 0;
        } catch (IOException | java.io.UncheckedIOException e) {
            problems.add(Problem.info(source, 0, "resource", "could not read the source for a line number: " + e.getMessage()));
            return 0;
        }
    }

    /**
     * Copies a source file to a path relative to the page folder and records it; a failure is reported at the line
     * that first mentions the reference written in the page, or at line 0 for a bundle file (empty reference).
     */
    private boolean copy(String from, String relToPage, String reference) {
        Path file = contentDir.resolve(from).normalize();
        try {
            if (!file.startsWith(contentDir) || !Files.isRegularFile(file)) {
                problems.add(Problem.warning(source, lineOf(reference), "resource", "bundle file not found: " + from));
                return false;
            }
            out.write(pageDir + relToPage, Files.readAllBytes(file));
            copied.put(from, relToPage);
            return true;
        } catch (IOException e) {
            problems.add(Problem.error(source, lineOf(reference), "resource", "could not copy " + from + ": " + e.getMessage()));
            return false;
        }
    }

    private String sourceDir() {
        String s = source;
        return s.contains("/") ? s.substring(0, s.lastIndexOf('/') + 1) : "";
    }
}
