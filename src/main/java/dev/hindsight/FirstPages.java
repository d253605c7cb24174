package dev.hindsight;

import dev.hindsight.model.Validate;

import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The pages a build makes first and hands over before it goes on: the preview's way to show the page being edited,
 * and the pages open in a browser, while the rest of the site is still being built.
 *
 * <p>They are made once the search index and the similar lists are current, so they are the bytes the whole build
 * then writes for the same paths. They are handed over only when no stage before them reported an error; the build
 * then goes on as ever, and its own outcome decides what is published.
 *
 * @param sources  content files (relative to the content folder, '/'-separated) whose incident pages come first
 * @param pages    output paths ("incidents/x/index.html") that come first
 * @param publish  takes the first files, by output path (pages and their bundles' files)
 */
public record FirstPages(Set<String> sources, Set<String> pages, Consumer<Map<String, byte[]>> publish) {
    /** No pages first: the command line's build. */
    public static final FirstPages NONE = new FirstPages(Set.of(), Set.of(), files -> { });

    public FirstPages {
        sources = Set.copyOf(sources);
        pages = Set.copyOf(pages);
        Validate.notNull(publish, "publish");
    }

    /** Returns true when no page is asked for first. */
    public boolean isEmpty() {
        return sources.isEmpty() && pages.isEmpty();
    }
}
