package dev.hindsight.index;

import dev.hindsight.model.Postmortem;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The search export's fragment files of the build before, by the digest of the whole incident each was made from.
 *
 * <p>A fragment file is a function of its incidents and of the site's service labels ({@link FragmentExport}); making
 * 10,000 of them was about a second of a warm build, and an edit changes one. A file whose incidents have the same
 * digests (the index stage digests every incident whole anyway, for its own key) and whose labels are the same is
 * taken from here. An incident without a digest (no build cache) is always made.
 */
final class FragmentMemo {
    private final Function<Postmortem, Optional<String>> digests;
    private final KeptFiles files;

    private FragmentMemo(Function<Postmortem, Optional<String>> digests, KeptFiles files) {
        this.digests = digests;
        this.files = files;
    }

    /** Returns a memo that remembers nothing: every file is made. */
    static FragmentMemo none() {
        return new FragmentMemo(p -> Optional.empty(), KeptFiles.none());
    }

    /**
     * Returns a memo that reuses the files a build before left, by key, and records this build's; digests gives the
     * digest of a whole incident, when known.
     */
    static FragmentMemo after(Function<Postmortem, Optional<String>> digests, Map<String, byte[]> before) {
        return new FragmentMemo(digests, KeptFiles.after(before));
    }

    /** Returns the file of some incidents made in a context (the labels it reads): from the build before when it can. */
    byte[] file(List<Postmortem> incidents, String context, Supplier<byte[]> make) {
        if (!files.recording()) {
            return make.get();
        }
        StringBuilder key = new StringBuilder(context);
        for (Postmortem p : incidents) {
            Optional<String> d = digests.apply(p);
            if (d.isEmpty()) {
                return make.get();
            }
            key.append(':').append(d.get());
        }
        return files.get(key.toString(), make);
    }

    /** Returns the files this build made or kept, by key: the entries for the next build. */
    Map<String, byte[]> entries() {
        return files.entries();
    }
}
