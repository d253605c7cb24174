package dev.hindsight;

import dev.hindsight.model.Validate;

import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The pages a build makes first and hands over before it goes on: the preview's way to show the page being edited,
 * and the pages open in a browser, while the rest of the site is still being built.
 *
 * <p>They are made once the content is loaded and analyzed, with the similar-incident lists of the pipeline's build
 * before (on its first build, once the index stage has made them), so they wait for no search work. They are the
 * bytes the whole build then writes for the same paths, but where the build's lists differ for them: then the build
 * writes them again, and the preview reloads them. They are handed over only when no stage before them reported an
 * error; the build then goes on as ever, and its own outcome decides what is published.
 *
 * <p>The theme's assets (stylesheets, scripts, images) come with them, so a page made first looks as it will,
 * even on a preview's first build or after a theme change.
 *
 * @param sources  content files (relative to the content folder, '/'-separated) whose incident pages come first
 * @param pages    the output paths ("incidents/x/index.html") that come first, asked for when the first pages are
 *                 made, so that a page opened in a browser while the build was under way counts
 * @param publish  takes the first files, by output path (pages, their bundles' files and the assets)
 */
public record FirstPages(Set<String> sources, Supplier<Set<String>> pages, Consumer<Map<String, byte[]>> publish) {
    /** No pages first: the command line's build. */
    public static final FirstPages NONE = new FirstPages(Set.of(), Set::of, files -> { });

    public FirstPages {
        sources = Set.copyOf(sources);
        Validate.notNull(pages, "pages");
        Validate.notNull(publish, "publish");
    }

    /** Creates the first pages of some sources and of a fixed set of output paths. */
    public FirstPages(Set<String> sources, Set<String> pages, Consumer<Map<String, byte[]>> publish) {
        this(sources, fixed(pages), publish);
    }

    private static Supplier<Set<String>> fixed(Set<String> pages) {
        Set<String> copy = Set.copyOf(pages);
        return () -> copy;
    }
}
