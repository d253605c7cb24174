package dev.hindsight.load;

import dev.hindsight.config.SourceText;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Lists every file under a content folder, in sorted order, and says what each one is for.
 *
 * <p>Two layouts are understood. With a {@code postmortems/} folder, Markdown there is incidents, Markdown in
 * {@code pages/} is pages, and Markdown elsewhere is skipped. Without one, the folder is "any folder of
 * Markdown": every Markdown file anywhere is an incident (a top-level {@code index.md} is taken as the folder's
 * index page and skipped). In both, a folder holding an {@code index.md} is a bundle: the index is the incident,
 * named after the folder, and the other files in the folder are its resources, except Markdown that
 * {@link BundleMarkdown} finds to stand on its own and subfolders with their own {@code index.md} (bundles of their
 * own). A bundle whose index is a landing page of other postmortems is an ordinary folder.
 *
 * <p>Symbolic links are not followed out of the content folder: a link to a file outside, or to any folder,
 * is listed as skipped and reported. A hidden folder ({@code .git}) is listed once, as skipped, and not read.
 *
 * <p>A file the walk reads to decide what it is (Markdown in a bundle, an index that may be a landing page) is read
 * once: its bytes are kept in the listing, and the loader reads the file from them, so the decision and the page are
 * made from the same bytes.
 */
final class ContentWalker {
    /** What a listed file is for. */
    enum Role { INCIDENT, PAGE, RESOURCE, SKIP, FAIL }

    /**
     * One file under the content folder.
     *
     * @param path   the content-relative path with '/' separators (a skipped folder ends in '/')
     * @param file   the file on disk
     * @param role   what it is for
     * @param reason why, for skipped and failed files
     * @param sniff  true when it has no extension and must look like Markdown to be loaded
     * @param bundle  the content-relative bundle folder it belongs to, if any (ends in '/')
     * @param warning the rule a skipped entry is reported under, as a warning, when the skip is something to fix (a
     *                symbolic link that is not followed, a settings file that is not read); empty when it is only
     *                listed in the build summary
     */
    record Entry(String path, Path file, Role role, String reason, boolean sniff, Optional<String> bundle,
                 String warning) {
    }

    /**
     * What a walk found.
     *
     * @param entries every file, sorted by path
     * @param read    the bytes of the files the walk read to decide them, by path
     * @param links   the paths of the files listed through a symbolic link
     * @param structured true when the folder has the postmortems/ and pages/ layout
     */
    record Listing(List<Entry> entries, Map<String, byte[]> read, Set<String> links, boolean structured) {
        Listing {
            entries = List.copyOf(entries);
            read = Map.copyOf(read);
            links = Set.copyOf(links);
        }

        /** Returns the entry of a path, if the walk listed one. */
        Optional<Entry> entry(String path) {
            return entries.stream().filter(e -> e.path().equals(path)).findFirst();
        }

        /** Returns the bytes the walk read of a file, if it read it. */
        Optional<byte[]> bytes(String path) {
            return Optional.ofNullable(read.get(path));
        }
    }

    /** The rule of the warning for a symbolic link that is not followed. */
    static final String SYMLINK_RULE = "symlink";
    /** More changed paths than this at once (a checkout, a bulk edit) are walked, not looked up one by one. */
    private static final int REVISIT_LIMIT = 64;

    private final Path root;
    private final boolean structured;
    private final List<Entry> out = new ArrayList<>();
    /** The bytes of each file read to decide it, by path; written by one thread, the walk's. */
    private final Map<String, byte[]> read = new HashMap<>();
    /** The paths of the files listed through a symbolic link. */
    private final Set<String> links = new HashSet<>();
    /** Each bundle folder, outer ones first, with the bundle it is in. */
    private final Map<String, Optional<String>> bundles = new LinkedHashMap<>();

    private ContentWalker(Path root) {
        this.root = root;
        this.structured = Files.isDirectory(root.resolve("postmortems"), LinkOption.NOFOLLOW_LINKS);
    }

    /** Lists a content folder: the entries sorted by path, with the bytes of the files read to decide them. */
    static Listing walk(Path contentDir) {
        ContentWalker w = new ContentWalker(contentDir);
        w.directory(contentDir, "", Optional.empty());
        w.landingPages();
        return new Listing(w.out, w.read, w.links, w.structured);
    }

    /**
     * Returns a listing that is still true after some paths changed, without walking the folder again; empty when
     * it must be walked. It holds when every changed path
     * <ul>
     *   <li>is inside a hidden folder (the walk lists the folder, never what is in it), or</li>
     *   <li>was not listed and is not there now (a temporary file that came and went), or</li>
     *   <li>was listed as a file, is still a regular file, was not read by the walk to decide it (nor reached
     *       through a link), and is decided the same again: only its bytes changed, which the walk does not look
     *       at.</li>
     * </ul>
     * A file added, deleted or renamed, a folder, a link or a file the walk read (Markdown in a bundle, an index that
     * may be a landing page) each need a walk. So the listing returned is the one a walk would make now.
     *
     * @param before     the listing of the folder's last walk
     * @param contentDir the content folder
     * @param changed    every path changed since then, content-relative and '/'-separated
     */
    static Optional<Listing> revisit(Listing before, Path contentDir, Set<String> changed) {
        if (changed.size() > REVISIT_LIMIT || isStructured(contentDir) != before.structured()) {
            return Optional.empty();
        }
        ContentWalker again = new ContentWalker(contentDir);
        for (String path : changed) {
            if (inHiddenFolder(path)) {
                continue;
            }
            Optional<Entry> listed = path.isEmpty() ? Optional.empty() : before.entry(path);
            Path file;
            try {
                file = contentDir.resolve(path);
            } catch (InvalidPathException e) {
                return Optional.empty();
            }
            Optional<BasicFileAttributes> now = attributes(file);
            if (listed.isEmpty() && now.isEmpty() && !path.isEmpty()) {
                continue;
            }
            if (listed.isEmpty() || now.isEmpty() || !now.get().isRegularFile() || before.read().containsKey(path)
                    || before.links().contains(path)) {
                return Optional.empty();
            }
            Entry e = listed.get();
            if (!again.classify(path, file, e.bundle()).equals(e) || !again.read.isEmpty()) {
                return Optional.empty();
            }
        }
        return Optional.of(before);
    }

    /** Returns true when a content-relative path lies inside a folder whose name starts with '.'. */
    private static boolean inHiddenFolder(String path) {
        int slash = path.lastIndexOf('/');
        if (slash < 0) {
            return false;
        }
        for (String part : path.substring(0, slash).split("/")) {
            if (part.startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    /** Returns a file's text, reading it at most once; empty when it cannot be read as text (the loader says why). */
    private Optional<String> text(String path, Path file) {
        Optional<byte[]> bytes = Optional.ofNullable(read.get(path)).or(() -> SourceText.bytes(file));
        bytes.ifPresent(b -> read.put(path, b));
        return bytes.flatMap(b -> SourceText.decode(b, path).value());
    }

    /** Returns true when the folder uses the postmortems/ and pages/ layout. */
    static boolean isStructured(Path contentDir) {
        return Files.isDirectory(contentDir.resolve("postmortems"), LinkOption.NOFOLLOW_LINKS);
    }

    private void directory(Path dir, String prefix, Optional<String> bundle) {
        List<Path> children;
        try (Stream<Path> s = Files.list(dir)) {
            // Each name is made once, not twice a comparison (a folder of 10,000 postmortems made some 260,000).
            children = s.map(p -> Map.entry(p.getFileName().toString(), p)).sorted(Map.Entry.comparingByKey())
                    .map(Map.Entry::getValue).toList();
        } catch (IOException | SecurityException e) {
            out.add(new Entry(prefix.isEmpty() ? "./" : prefix, dir, Role.FAIL, "could not list the folder: "
                    + e.getMessage(), false, bundle, ""));
            return;
        }
        for (Path child : children) {
            String name = child.getFileName().toString();
            String path = prefix + name;
            if (!readable(dir, name, child)) {
                out.add(new Entry(path, child, Role.FAIL, unreadableName(), false, bundle, ""));
                continue;
            }
            // One look at the entry itself (not what a link points to) tells a link, a folder and a file apart.
            Optional<BasicFileAttributes> kind = attributes(child);
            if (kind.map(BasicFileAttributes::isSymbolicLink).orElse(false)) {
                link(child, path, bundle);
            } else if (kind.map(BasicFileAttributes::isDirectory).orElse(false)) {
                subdirectory(child, path + "/", bundle);
            } else if (kind.map(BasicFileAttributes::isRegularFile).orElse(false)) {
                out.add(classify(path, child, bundle));
            } else {
                out.add(new Entry(path, child, Role.SKIP, "not a regular file", false, bundle, ""));
            }
        }
    }

    /**
     * Returns an entry's own attributes, not those of what it links to; empty when they cannot be read (the entry
     * went away since the folder was listed, or may not be looked at), which makes it neither a link, a folder nor
     * a file, as {@code Files.isDirectory} and the like answer then.
     */
    private static Optional<BasicFileAttributes> attributes(Path p) {
        try {
            return Optional.of(Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS));
        } catch (IOException | SecurityException e) {
            return Optional.empty();
        }
    }

    /**
     * Returns true when a file's name, as text, names the file again. Java decodes file names with the system
     * locale's charset: under {@code LC_ALL=C} a name that is not ASCII decodes with replacement characters and no
     * later step could open it.
     */
    private static boolean readable(Path dir, String name, Path child) {
        try {
            return dir.resolve(name).equals(child);
        } catch (InvalidPathException e) {
            return false;
        }
    }

    private static String unreadableName() {
        return "the file name cannot be read in this system's locale (Java decodes file names as "
                + System.getProperty("sun.jnu.encoding", "the locale's charset")
                + "): run with a UTF-8 locale, such as LC_ALL=C.UTF-8, or rename the file to ASCII";
    }

    private void subdirectory(Path dir, String path, Optional<String> bundle) {
        String name = dir.getFileName().toString();
        if (name.startsWith(".")) {
            out.add(new Entry(path, dir, Role.SKIP, "hidden folder: not read", false, bundle, ""));
            return;
        }
        if (isBundle(dir, path)) {
            bundles.put(path, bundle);
            directory(dir, path, Optional.of(path));
        } else {
            directory(dir, path, bundle);
        }
    }

    private boolean isBundle(Path dir, String path) {
        if (path.startsWith("pages/")) {
            return false;
        }
        if (structured && !path.startsWith("postmortems/")) {
            return false;
        }
        return Files.isRegularFile(dir.resolve("index.md"), LinkOption.NOFOLLOW_LINKS)
                || Files.isRegularFile(dir.resolve("index.markdown"), LinkOption.NOFOLLOW_LINKS);
    }

    private void link(Path link, String path, Optional<String> bundle) {
        Path target;
        try {
            target = link.toRealPath();
        } catch (IOException | SecurityException e) {
            out.add(new Entry(path, link, Role.FAIL, "broken symbolic link", false, bundle, ""));
            return;
        }
        Path realRoot;
        try {
            realRoot = root.toRealPath();
        } catch (IOException e) {
            realRoot = root.toAbsolutePath().normalize();
        }
        if (!target.startsWith(realRoot)) {
            out.add(new Entry(path, link, Role.SKIP, "symbolic link to outside the content folder: not followed",
                    false, bundle, SYMLINK_RULE));
        } else if (Files.isDirectory(target)) {
            out.add(new Entry(path + "/", link, Role.SKIP, "symbolic link to a folder: not followed", false, bundle,
                    SYMLINK_RULE));
        } else {
            links.add(path);
            out.add(classify(path, link, bundle));
        }
    }

    /**
     * Turns each bundle whose index is a landing page (see {@link BundleMarkdown}) into an ordinary folder, outer
     * bundles first: the index is skipped and the folder's files are judged again as files of the bundle it is in.
     */
    private void landingPages() {
        Set<String> landings = new HashSet<>();
        for (Map.Entry<String, Optional<String>> b : bundles.entrySet()) {
            Optional<String> bundle = Optional.of(b.getKey());
            int at = indexOf(b.getKey());
            if (at < 0 || !BundleMarkdown.isLandingPage(out.get(at), out, e -> text(e.path(), e.file()))) {
                continue;
            }
            landings.add(b.getKey());
            Optional<String> outer = b.getValue();
            while (outer.isPresent() && landings.contains(outer.get())) {
                outer = bundles.get(outer.get());
            }
            for (int i = 0; i < out.size(); i++) {
                Entry e = out.get(i);
                if (!e.bundle().equals(bundle)) {
                    continue;
                }
                boolean judged = e.role() == Role.RESOURCE || e.role() == Role.INCIDENT;
                out.set(i, i == at ? new Entry(e.path(), e.file(), Role.SKIP, BundleMarkdown.LANDING, false, outer, "")
                        : judged ? classify(e.path(), e.file(), outer)
                        : new Entry(e.path(), e.file(), e.role(), e.reason(), e.sniff(), outer, e.warning()));
            }
        }
    }

    /** Returns the position of a bundle's index entry, or -1. */
    private int indexOf(String bundle) {
        for (int i = 0; i < out.size(); i++) {
            Entry e = out.get(i);
            if (e.role() == Role.INCIDENT && e.bundle().equals(Optional.of(bundle))
                    && (e.path().equalsIgnoreCase(bundle + "index.md") || e.path().equalsIgnoreCase(bundle + "index.markdown"))) {
                return i;
            }
        }
        return -1;
    }

    private Entry classify(String path, Path file, Optional<String> bundle) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        if (bundle.isPresent()) {
            String inBundle = path.substring(bundle.get().length());
            String lower = inBundle.toLowerCase(Locale.ROOT);
            if (lower.equals("index.md") || lower.equals("index.markdown")) {
                return new Entry(path, file, Role.INCIDENT, "", false, bundle, "");
            }
            FileRules.Decision d = FileRules.decide(path);
            if (d.kind() == FileRules.Kind.MARKDOWN && name.toLowerCase(Locale.ROOT).startsWith("_index.")) {
                return new Entry(path, file, Role.SKIP, "not a postmortem: folder index page", false, bundle, "");
            }
            if (d.kind() == FileRules.Kind.MARKDOWN) {
                BundleMarkdown.Verdict v = BundleMarkdown.judge(path, bundle.get(), () -> text(path, file));
                return v.own() ? new Entry(path, file, Role.INCIDENT, "", false, Optional.empty(), "")
                        : new Entry(path, file, Role.RESOURCE, v.reason(), false, bundle, "");
            }
            Role role = d.kind() == FileRules.Kind.SKIP ? Role.SKIP : Role.RESOURCE;
            return new Entry(path, file, role, d.reason(), false, bundle, d.warning());
        }
        FileRules.Decision d = FileRules.decide(path);
        boolean text = d.kind() == FileRules.Kind.MARKDOWN || d.kind() == FileRules.Kind.SNIFF;
        boolean sniff = d.kind() == FileRules.Kind.SNIFF;
        if (d.kind() == FileRules.Kind.SKIP) {
            return new Entry(path, file, Role.SKIP, d.reason(), false, bundle, d.warning());
        }
        if (!text) {
            return new Entry(path, file, Role.RESOURCE, "", false, bundle, "");
        }
        if (path.startsWith("pages/")) {
            return new Entry(path, file, Role.PAGE, "", sniff, bundle, "");
        }
        if (structured) {
            return path.startsWith("postmortems/")
                    ? new Entry(path, file, Role.INCIDENT, "", sniff, bundle, "")
                    : new Entry(path, file, Role.SKIP, "Markdown outside postmortems/ and pages/ is not loaded", false,
                    bundle, "");
        }
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.startsWith("_index.") || (!path.contains("/") && FileRules.stem(lower).equals("index"))) {
            return new Entry(path, file, Role.SKIP, "not a postmortem: folder index page", false, bundle, "");
        }
        return new Entry(path, file, Role.INCIDENT, "", sniff, bundle, "");
    }
}
