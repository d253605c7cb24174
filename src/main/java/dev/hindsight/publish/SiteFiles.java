package dev.hindsight.publish;

import java.util.Collections;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * A whole published site held in memory: its files' bytes by site-relative path with '/' separators.
 * The preview serves it; nothing changes it after it is made.
 */
public final class SiteFiles {
    private final NavigableMap<String, byte[]> files;

    private SiteFiles(Map<String, byte[]> files) {
        this.files = Collections.unmodifiableNavigableMap(new TreeMap<>(files));
    }

    /** Returns a site of the given files; the map is copied, the arrays are not (whoever hands them over keeps none). */
    public static SiteFiles of(Map<String, byte[]> files) {
        return new SiteFiles(files);
    }

    /** Returns this site with some files added or replaced (the preview's first pages of a build under way). */
    public SiteFiles with(Map<String, byte[]> replaced) {
        Map<String, byte[]> all = new TreeMap<>(files);
        all.putAll(replaced);
        return new SiteFiles(all);
    }

    /** Returns the bytes of a file, or empty when the site has no file at that path. */
    public Optional<byte[]> file(String path) {
        return Optional.ofNullable(files.get(path));
    }

    /** Returns true when a path (without a trailing '/') names a folder of the site: some file lies under it. */
    public boolean isFolder(String path) {
        String prefix = path.isEmpty() ? "" : path + "/";
        String next = files.ceilingKey(prefix);
        return next != null && next.startsWith(prefix);
    }

    /** Returns every path, sorted. */
    public Set<String> paths() {
        return files.keySet();
    }
}
