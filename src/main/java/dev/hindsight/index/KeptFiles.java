package dev.hindsight.index;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Files by key that a build before left, and the ones this build uses, for the next: what the search export's memos
 * ({@link GzipMemo}, {@link FragmentMemo}) share. Only what this build asked for is kept for the next.
 */
final class KeptFiles {
    private final Map<String, byte[]> before;
    private final Map<String, byte[]> used;

    private KeptFiles(Map<String, byte[]> before, boolean recording) {
        this.before = before;
        this.used = recording ? new ConcurrentHashMap<>() : null;
    }

    /** Returns files that remember nothing: every file is made. */
    static KeptFiles none() {
        return new KeptFiles(Map.of(), false);
    }

    /** Returns files that reuse what a build before left, by key, and record what this build uses. */
    static KeptFiles after(Map<String, byte[]> before) {
        return new KeptFiles(before, true);
    }

    /** Returns true when this build's files are recorded (and the build before's can be reused). */
    boolean recording() {
        return used != null;
    }

    /** Returns the file under a key: made earlier in this build, left by the build before, or made now. */
    byte[] get(String key, Supplier<byte[]> make) {
        if (used == null) {
            return make.get();
        }
        byte[] bytes = used.get(key);
        if (bytes == null) {
            bytes = before.get(key);
            bytes = bytes != null ? bytes : make.get();
            used.put(key, bytes);
        }
        return bytes;
    }

    /** Returns the files this build used, by key: the entries for the next build. */
    Map<String, byte[]> entries() {
        return used == null ? Map.of() : Map.copyOf(used);
    }
}
