package dev.hindsight.index;

import dev.hindsight.model.Postmortem;
import org.apache.lucene.index.Term;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides which similar-incident lists of the build before can be kept: exactly those whose every input is the same.
 *
 * <p>A list is made from its incident (its digest), the rounded statistics of its gist's terms and of its causes and
 * services ({@link QuantizedSearcher}), and the incidents its two queries keep. So it is made again when:
 * <ul>
 *     <li>its incident is new or changed, or the global statistics moved a step (then every list is);</li>
 *     <li>a term of its gist, or one of its causes or services, reads differently now;</li>
 *     <li>an incident its queries kept is changed or gone;</li>
 *     <li>a new or changed incident now scores above a query's weakest kept incident (scored exactly as the query
 *     scores it, {@link TermImpacts.Few}), so it would be kept.</li>
 * </ul>
 * An incident that was not kept and still is not changes nothing: the rest keep their scores, as the statistics
 * they are scored with did not move. Many changes at once (a quarter of the incidents) make every list again.
 */
final class SimilarReuse {
    private SimilarReuse() {
    }

    /**
     * Returns the documents whose lists must be made again (all of them when the build before cannot help).
     *
     * @param before  the state the build before kept
     * @param now     the state of this build, without its documents: globals, term and facet marks
     * @param docs    this build's documents, by document number
     * @param digests each document's digest, by document number
     * @param impacts the scores of this build's index
     */
    static BitSet affected(SimilarState before, SimilarState now, List<Postmortem> docs, List<String> digests,
                           TermImpacts impacts) {
        int n = docs.size();
        BitSet all = new BitSet(n);
        all.set(0, n);
        if (before.docs().isEmpty() || !before.globals().equals(now.globals())) {
            return all;
        }
        Map<String, Integer> id = new HashMap<>();
        for (int d = 0; d < n; d++) {
            if (id.put(docs.get(d).slug(), d) != null) {
                return all;
            }
        }
        BitSet out = new BitSet(n);
        Set<String> changed = new HashSet<>();
        List<Integer> fresh = new ArrayList<>();
        for (int d = 0; d < n; d++) {
            SimilarState.DocState was = before.docs().get(docs.get(d).slug());
            if (was == null || !was.digest().equals(digests.get(d))) {
                out.set(d);
                fresh.add(d);
                changed.add(docs.get(d).slug());
            }
        }
        before.docs().keySet().stream().filter(slug -> !id.containsKey(slug)).forEach(changed::add);
        if (changed.size() > n / 4) {
            return all;
        }
        TermImpacts.Few scored = impacts.few(fresh.stream().mapToInt(Integer::intValue).toArray());
        // The stored queries share most of their terms: each is made once, not once per clause.
        Map<SimilarState.Clause, TermImpacts.Clause> terms = new HashMap<>();
        Set<String> movedTerms = moved(before.terms(), now.terms(), SimilarState.TermMark.UNUSED);
        Set<String> movedFacets = moved(before.facets(), now.facets(), 0L);
        for (int d = out.nextClearBit(0); d < n; d = out.nextClearBit(d + 1)) {
            SimilarState.DocState was = before.docs().get(docs.get(d).slug());
            if (was.gist().stream().anyMatch(movedTerms::contains)
                    || was.facet().stream().anyMatch(c -> movedFacets.contains(c.field() + ":" + c.text()))
                    || was.candidates().stream().anyMatch(changed::contains)
                    || entered(was.text(), was.textBar(), scored, id, terms)
                    || entered(was.facet(), was.facetBar(), scored, id, terms)) {
                out.set(d);
            }
        }
        return out;
    }

    /** Returns the keys whose value differs between two maps, a missing key reading as {@code absent}. */
    private static <V> Set<String> moved(Map<String, V> before, Map<String, V> now, V absent) {
        Set<String> out = new HashSet<>();
        for (var e : now.entrySet()) {
            if (!e.getValue().equals(before.getOrDefault(e.getKey(), absent))) {
                out.add(e.getKey());
            }
        }
        for (var e : before.entrySet()) {
            if (!now.containsKey(e.getKey()) && !e.getValue().equals(absent)) {
                out.add(e.getKey());
            }
        }
        return out;
    }

    /** Returns true when one of the new or changed documents (the scored ones) would now be kept by a stored query. */
    private static boolean entered(List<SimilarState.Clause> query, SimilarState.Bar bar, TermImpacts.Few fresh,
                                   Map<String, Integer> id, Map<SimilarState.Clause, TermImpacts.Clause> terms) {
        if (query.isEmpty() || fresh.size() == 0) {
            return false;
        }
        Integer weakest = bar.open() ? Integer.valueOf(-1) : id.get(bar.slug());
        if (weakest == null) {
            return true;
        }
        List<TermImpacts.Clause> clauses = query.stream().map(c -> terms.computeIfAbsent(c,
                k -> new TermImpacts.Clause(new Term(k.field(), k.text()), (float) k.boost()))).toList();
        for (int k = 0; k < fresh.size(); k++) {
            int e = fresh.doc(k);
            float score = fresh.score(clauses, k);
            if (score > 0 && (bar.open() || score > (float) bar.score() || score == (float) bar.score() && e < weakest)) {
                return true;
            }
        }
        return false;
    }
}
