package dev.hindsight.load;

import dev.hindsight.model.ContentChanges;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What a process's last load of a content folder found: the folder's listing and the digest of each text file's
 * bytes. The preview's next build, told by its watcher which paths changed (see
 * {@link dev.hindsight.model.ContentChanges}), walks the folder again only when a file came, went or was renamed, and
 * reads again only the files that changed. At 10,000 postmortems, walking and reading every file took about 0.2 s of
 * each edit's wait. A build of the command line knows no changes and keeps nothing.
 *
 * <p>A loader takes what is kept when it is made, so a build that fails before its load ends leaves nothing behind:
 * the changes its caller handed it are gone, and the next build must not trust a listing that predates them.
 */
public final class LoadMemo {
    /**
     * One load's findings.
     *
     * @param contentDir the content folder, absolute
     * @param listing    its listing
     * @param digests    the digest of each text file's bytes, by content-relative path
     */
    record Kept(Path contentDir, ContentWalker.Listing listing, Map<String, String> digests) {
        Kept {
            // Not copied (10,000 entries on every edit): the load that made the map hands it over and writes no more.
            digests = java.util.Collections.unmodifiableMap(digests);
        }

        /**
         * Returns a file's digest at this load, when the changes since say it is unchanged: it is not among them, and
         * it is no link (whose target may change under another name).
         */
        Optional<String> unchanged(String path, ContentChanges changes) {
            if (!changes.untouched(path) || listing.links().contains(path)) {
                return Optional.empty();
            }
            return Optional.ofNullable(digests.get(path));
        }
    }

    private final boolean enabled;
    private final AtomicReference<Kept> last = new AtomicReference<>();

    private LoadMemo(boolean enabled) {
        this.enabled = enabled;
    }

    /** Returns a memo that keeps the last load's findings. */
    public static LoadMemo create() {
        return new LoadMemo(true);
    }

    /** Returns a memo that keeps nothing. */
    public static LoadMemo none() {
        return new LoadMemo(false);
    }

    /** Returns the last load's findings and forgets them, until {@link #keep} is told the next. */
    Optional<Kept> take() {
        return Optional.ofNullable(last.getAndSet(null));
    }

    /** Keeps a load's findings for the next build. */
    void keep(Kept kept) {
        if (enabled) {
            last.set(kept);
        }
    }
}
