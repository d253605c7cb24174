package dev.hindsight.model;

import java.util.Optional;
import java.util.Set;

/**
 * What changed under the content folder since a pipeline's last build, when the caller knows it all: the preview's
 * watcher does, a build of the command line does not.
 *
 * <p>The paths are content-relative and '/'-separated, and name every entry that may have changed: files created,
 * written, deleted or renamed (both names), folders created or deleted, and hidden or backup files too. A path that
 * names a folder, or the content folder itself (the empty path, for a change nobody could name, such as lost
 * events), makes the loader walk the whole folder again and read every file under the one named. Naming too much
 * only costs time; leaving one out would show a stale page.
 *
 * @param paths the changed paths, or empty when they are not known (every file is read as if new)
 */
public record ContentChanges(Optional<Set<String>> paths) {
    /** Changes nobody listed: every file is looked at again. */
    public static final ContentChanges UNKNOWN = new ContentChanges(Optional.empty());

    public ContentChanges {
        paths = Validate.notNull(paths, "paths").map(Set::copyOf);
    }

    /** Returns the changes that are exactly these paths. */
    public static ContentChanges only(Set<String> paths) {
        return new ContentChanges(Optional.of(paths));
    }

    /**
     * Returns true when the changed paths are known and none of them is this path, or a folder it is in (the
     * content folder itself, "", stands for changes nobody could name).
     */
    public boolean untouched(String path) {
        if (paths.isEmpty()) {
            return false;
        }
        Set<String> changed = paths.get();
        if (changed.contains(path) || changed.contains("")) {
            return false;
        }
        for (int slash = path.indexOf('/'); slash >= 0; slash = path.indexOf('/', slash + 1)) {
            if (changed.contains(path.substring(0, slash))) {
                return false;
            }
        }
        return true;
    }
}
