package dev.hindsight.render;

import dev.hindsight.model.Postmortem;
import dev.hindsight.model.Problem;
import dev.hindsight.model.SitePaths;
import dev.hindsight.model.SiteWriter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Copies the files an incident page needs next to it: a bundle's resources, images referenced relative to the
 * Markdown file (the page folder mirrors the source folder, so their sources keep working), and images referenced
 * from the content root, which go to the page's {@code files/} folder.
 * One instance serves one incident page.
 */
final class PageResources {
    /** What a root-absolute image may be: an image file, never a Markdown source or site.yml. */
    private static final java.util.regex.Pattern IMAGE =
            java.util.regex.Pattern.compile("(?i).+\\.(png|jpe?g|gif|svg|webp|avif|bmp|ico)");
    private final Path contentDir;
    private final String source;
    private final List<String> resources;
    private final SiteWriter out;
    private final String pageDir;
    /** Source file (content-relative) to the site path it was copied to. */
    private final Map<String, String> copied = new HashMap<>();
    private final List<Problem> problems = new ArrayList<>();

    /** Prepares to place the files of a page written from a content file into a site folder ("incidents/x/"). */
    PageResources(Path contentDir, String source, List<String> resources, String pageDir, SiteWriter out) {
        this.contentDir = contentDir.toAbsolutePath().normalize();
        this.source = source;
        this.resources = List.copyOf(resources);
        this.out = out;
        this.pageDir = pageDir;
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
            if (rel.isEmpty() || rel.equals("index.html")) {
                problems.add(Problem.warning(source, 0, "resource",
                        "bundle file " + r + " was not copied: it would leave or replace the page"));
                continue;
            }
            copy(dir + rel, rel);
        }
    }

    /**
     * Places an image written relative to the Markdown file, or from the content root ({@code /assets/graph.png}, as
     * sites that publish the repository as it is write it); returns the src to use, or empty when it is missing.
     */
    Optional<String> image(String src) {
        String path = src.replaceFirst("[?#].*$", "");
        boolean fromRoot = path.startsWith("/");
        String decoded = (fromRoot ? path.substring(1) : path).replace("%20", " ");
        if (fromRoot && !IMAGE.matcher(decoded).matches()) {
            return Optional.empty();
        }
        Optional<String> resolved = SitePaths.normalize((fromRoot ? "" : sourceDir()) + decoded);
        if (resolved.isEmpty()) {
            return Optional.empty();
        }
        String wanted = resolved.get();
        if (copied.containsKey(wanted)) {
            return Optional.of(copied.get(wanted).substring(pageDir.length()));
        }
        Path file = contentDir.resolve(wanted).normalize();
        if (!file.startsWith(contentDir) || !Files.isRegularFile(file)) {
            return Optional.empty();
        }
        String relToPage = fromRoot ? "" : SitePaths.normalize(decoded).orElse("");
        String target = !relToPage.isEmpty() && !relToPage.equals("index.html")
                ? relToPage : "files/" + file.getFileName();
        if (!copy(wanted, target)) {
            return Optional.empty();
        }
        return Optional.of(target.equals(decoded) ? src : target.replace(" ", "%20"));
    }

    /** Returns the problems met while copying. */
    List<Problem> problems() {
        return List.copyOf(problems);
    }

    /** Returns the 1-based line of the source file that first mentions a text, or 0. */
    int lineOf(String text) {
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

    private boolean copy(String from, String relToPage) {
        if (copied.containsKey(from)) {
            return true;
        }
        Path file = contentDir.resolve(from).normalize();
        try {
            if (!file.startsWith(contentDir) || !Files.isRegularFile(file)) {
                problems.add(Problem.warning(source, 0, "resource", "bundle file not found: " + from));
                return false;
            }
            out.write(pageDir + relToPage, Files.readAllBytes(file));
            copied.put(from, pageDir + relToPage);
            return true;
        } catch (IOException e) {
            problems.add(Problem.error(source, 0, "resource", "could not copy " + from + ": " + e.getMessage()));
            return false;
        }
    }

    private String sourceDir() {
        String s = source;
        return s.contains("/") ? s.substring(0, s.lastIndexOf('/') + 1) : "";
    }
}
