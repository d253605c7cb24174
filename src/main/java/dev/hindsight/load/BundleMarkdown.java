package dev.hindsight.load;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Decides what Markdown inside a bundle folder (a folder with an {@code index.md}) is, so that no postmortem is taken
 * for a file of another one.
 *
 * <ul>
 *   <li>Markdown that stands on its own, with front matter (YAML or JBake) or a dated name
 *       ({@code 2024-03-11-...}), is an incident of its own, named after its file.</li>
 *   <li>Other Markdown stays a file of the bundle, copied beside its page, with a warning that says how to publish
 *       it.</li>
 *   <li>An {@code index.md} with no front matter and no date (neither in its folder's name nor in its text), in a
 *       folder that holds other postmortems (Markdown that stands on its own, or bundles of their own), is the
 *       folder's landing page: it is skipped, and the folder is an ordinary folder.</li>
 * </ul>
 * A subfolder with its own {@code index.md} is a bundle of its own; {@link ContentWalker} sees to that.
 *
 * <p>It reads no file itself: the walker hands it a file's text, read once and kept for the loader, and only when
 * the name and the folder do not decide already.
 */
final class BundleMarkdown {
    /** The reason a landing page is skipped. */
    static final String LANDING = "not a postmortem: folder index page (its folder holds other postmortems; "
            + "give it front matter to publish it as one)";

    /**
     * What a Markdown file in a bundle folder is.
     *
     * @param own    true when it is an incident of its own
     * @param reason why it is not, with what to do, when it stays a file of the bundle (else empty)
     */
    record Verdict(boolean own, String reason) {
    }

    private BundleMarkdown() {
    }

    /**
     * Judges a Markdown file, other than the index, in a bundle folder.
     *
     * @param path   its content-relative path
     * @param bundle the content-relative bundle folder, ending in '/'
     * @param read   its text, or empty when it cannot be read as text; asked only when the name does not decide
     */
    static Verdict judge(String path, String bundle, Supplier<Optional<String>> read) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        if (dated(FileRules.stem(name))) {
            return new Verdict(true, "");
        }
        Optional<String> text = read.get();
        if (text.isPresent() && header(text.get(), path)) {
            return new Verdict(true, "");
        }
        String why = text.isPresent() ? "it has no front matter and no date in its name"
                : "it could not be read to look for front matter";
        return new Verdict(false, "Markdown in the bundle of " + bundle + "index.md is not rendered, only copied beside "
                + "that page as a file: " + why + ". Give it front matter (a `---` block with `title:`) or a dated name (2024-03-11-name.md) to "
                + "publish it as its own postmortem, or another extension (.txt) if it is an attachment");
    }

    /**
     * Returns true when a bundle's index is the landing page of a folder of postmortems rather than a postmortem: it
     * has no front matter and no date (in the folder name or the text), and other postmortems are below it.
     *
     * @param index   the bundle's index entry
     * @param entries every entry listed so far
     * @param read    the text of an entry, or empty when it cannot be read as text; asked only for an index whose
     *                folder holds other postmortems and has no date in its name
     */
    static boolean isLandingPage(ContentWalker.Entry index, List<ContentWalker.Entry> entries,
                                 Function<ContentWalker.Entry, Optional<String>> read) {
        String bundle = index.bundle().orElseThrow();
        String folder = bundle.substring(0, bundle.length() - 1);
        if (dated(folder.substring(folder.lastIndexOf('/') + 1))
                || entries.stream().noneMatch(e -> e.role() == ContentWalker.Role.INCIDENT && e.path().startsWith(bundle)
                && !e.path().equals(index.path()))) {
            return false;
        }
        // An index that cannot be read stays the bundle's incident: the loader reports why it failed.
        Optional<String> text = read.apply(index);
        return text.isPresent() && !header(text.get(), index.path()) && DateFinder.first(text.get()).isEmpty();
    }

    /** Returns true for a file or folder name that starts with a whole date. */
    private static boolean dated(String stem) {
        return FileNames.date(stem).date().isPresent();
    }

    /** Returns true when a text starts with front matter, or with a `---` block that is never closed. */
    private static boolean header(String text, String path) {
        FrontMatter fm = FrontMatter.split(text, path);
        return fm.form() != FrontMatter.Form.NONE || !fm.problems().isEmpty();
    }
}
