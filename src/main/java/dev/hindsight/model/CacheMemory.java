package dev.hindsight.model;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Build-cache entries kept in memory between the builds of one process, in front of the cache folders on disk.
 *
 * <p>The preview holds one for as long as it runs, so a rebuild after an edit reads every unchanged entry (loaded
 * postmortems, pages, the index stage's output) from memory instead of from disk. Each cache folder name has its
 * own entries, which, like the folder's, are keyed by the build stamp and their inputs, so an entry made under
 * other options or another theme is never found. A build of the command line has none.
 */
public final class CacheMemory {
    private final boolean enabled;
    private final Map<String, Tier> folders = new ConcurrentHashMap<>();

    /**
     * The entries of one cache folder held in memory, and the keys of the entries its folder on disk holds as far as
     * this process knows: what the first build's sweep left there and what later builds wrote. So later builds can
     * delete their stale entries from disk by key, without walking the folder. An entry written or read as a record
     * is held as that record instead of its bytes, so the next build takes it as it is instead of decoding it again
     * (every loaded postmortem, at each edit in the preview).
     */
    record Tier(Map<String, byte[]> entries, java.util.Set<String> onDisk, Map<String, Record> records) {
    }

    private CacheMemory(boolean enabled) {
        this.enabled = enabled;
    }

    /** Returns an empty memory that keeps entries for as long as it is held. */
    public static CacheMemory create() {
        return new CacheMemory(true);
    }

    /** Returns a memory that keeps nothing (every build of the command line). */
    public static CacheMemory none() {
        return new CacheMemory(false);
    }

    /** Returns true when entries are kept. */
    public boolean enabled() {
        return enabled;
    }

    /** Returns the entries of one cache folder by name (such as "pages"), made empty on first use. */
    Tier folder(String name) {
        Validate.isTrue(enabled, "this memory keeps nothing");
        return folders.computeIfAbsent(name, n -> new Tier(new ConcurrentHashMap<>(), ConcurrentHashMap.newKeySet(), new ConcurrentHashMap<>()));
    }

    /** Returns how many entries are held in all folders (for tests and the preview's status). */
    public int size() {
        return folders.values().stream().mapToInt(t -> t.entries().size() + t.records().size()).sum();
    }
}
