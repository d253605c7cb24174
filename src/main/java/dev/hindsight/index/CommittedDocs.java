package dev.hindsight.index;

import dev.hindsight.model.Postmortem;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The digest of every document of an index by slug, as its commit's data keeps them: an update finds the documents
 * that changed without reading every document's stored fields (most of opening an index one edit changed, at 10,000
 * incidents). Each document is its slug and its digest, each as its length, a colon and its characters.
 *
 * @param bySlug each document's {@link IndexStore#digest}, by slug
 */
record CommittedDocs(Map<String, String> bySlug) {
    /** The key of the commit data entry. */
    static final String KEY = "hindsight.docs";

    /** Returns the commit data entry of documents (in document order) and their digests. */
    static String entry(List<Postmortem> docs, List<String> digests) {
        StringBuilder sb = new StringBuilder(docs.size() * 112);
        for (int i = 0; i < docs.size(); i++) {
            for (String part : List.of(docs.get(i).slug(), digests.get(i))) {
                sb.append(part.length()).append(':').append(part);
            }
        }
        return sb.toString();
    }

    /** Returns the documents a commit's data holds; empty when it holds none or the entry does not read. */
    static Optional<CommittedDocs> of(Map<String, String> committed) {
        String s = committed.get(KEY);
        if (s == null) {
            return Optional.empty();
        }
        Map<String, String> out = new HashMap<>();
        int at = 0;
        while (at < s.length()) {
            String[] parts = new String[2];
            for (int k = 0; k < 2; k++) {
                int colon = s.indexOf(':', at);
                if (colon < 0) {
                    return Optional.empty();
                }
                int length;
                try {
                    length = Integer.parseInt(s, at, colon, 10);
                } catch (NumberFormatException e) {
                    return Optional.empty();
                }
                if (length < 0 || colon + 1 + length > s.length()) {
                    return Optional.empty();
                }
                parts[k] = s.substring(colon + 1, colon + 1 + length);
                at = colon + 1 + length;
            }
            out.put(parts[0], parts[1]);
        }
        return Optional.of(new CommittedDocs(out));
    }
}
