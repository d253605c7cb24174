package dev.hindsight.index;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the postings of every term, in term order, as static files.
 *
 * <p><b>Postings shards</b> ({@code post.<hash>/<n>.bin}) hold consecutive terms; the manifest lists each shard's first
 * term number. Per term: {@code uv length} of the record, then {@code uv df}, {@code uv main} (documents in the
 * main tier), {@code f32 max} (the term's highest score), and when {@code df > main} the tail's
 * {@code uv file} and {@code uv offset}; then the main tier: per document {@code uv gap} (from the previous
 * document, starting at -1) and {@code u8 impact}. An impact is the document's score for the term quantized
 * against the term's max: {@code max(1, round(255 * score / max))}. The main tier holds the
 * {@value #MAIN_TIER} highest-impact documents (in document order); the rest are the <b>tail</b>
 * ({@code tail.<hash>/<n>.bin}; small tails share a file), same encoding, fetched only when a query needs every match (counts, filters,
 * or a ranking the main tiers cannot settle).
 *
 * <p><b>Positions</b> ({@code pos.<hash>/<n>.bin}, fetched only for quoted phrases): per term {@code uv length}, then per
 * document {@code uv gap}, {@code uv count} and {@code count} position gaps; fields are apart by
 * {@link TermScores#FIELD_SPAN} so a phrase never spans two fields.
 */
final class PostingsExport implements TermScores.Sink {
    /** Documents per term in the main tier. */
    static final int MAIN_TIER = 32;
    private static final int POSTINGS_SHARD = 2 * 1024;
    private static final int TAIL_GROUP = 2 * 1024;
    private static final int POSITIONS_SHARD = 16 * 1024;

    private final SearchFiles files;
    private final Map<String, Integer> ords = new HashMap<>();
    private final List<String> terms = new ArrayList<>();
    private final List<Integer> postFirst = new ArrayList<>();
    private final List<byte[]> postFiles = new ArrayList<>();
    private final List<byte[]> tailFiles = new ArrayList<>();
    private final List<Integer> posFirst = new ArrayList<>();
    private final List<byte[]> posFiles = new ArrayList<>();
    private String postFolder = "";
    private String tailFolder = "";
    private String posFolder = "";
    private final ByteSink shard = new ByteSink();
    private final ByteSink tails = new ByteSink();
    private final ByteSink positions = new ByteSink();
    private final ByteSink record = new ByteSink();
    private int shardTerms;
    private int posTerms;
    private int tailGroup = -1;
    private long postingsCount;

    private final boolean described;

    /**
     * Creates an export of one weighting's impacts: keyword weights into {@code post} and {@code tail} (with the
     * positions), or description weights into {@code postd} and {@code taild}.
     */
    PostingsExport(SearchFiles files, boolean described) {
        this.files = files;
        this.described = described;
    }

    @Override
    public void accept(TermScores.Entry e) {
        int ord = terms.size();
        terms.add(e.term());
        ords.put(e.term(), ord);
        postingsCount += e.docs().length;
        if (shardTerms == 0) {
            postFirst.add(ord);
        }
        writePostings(e);
        shardTerms++;
        if (shard.size() >= POSTINGS_SHARD) {
            flushPostings();
        }
        if (e.positions() != null && !described) {
            writePositions(ord, e);
        }
    }

    /** Writes the last open files and the folders; call once after the last term. */
    void finish() {
        if (shardTerms > 0) {
            flushPostings();
        }
        if (tailGroup >= 0) {
            flushTails();
        }
        if (posTerms > 0) {
            flushPositions();
        }
        String suffix = described ? "d" : "";
        postFolder = files.addGroup("post" + suffix, postFiles);
        tailFolder = files.addGroupFast("tail" + suffix, tailFiles);
        if (!described) {
            posFolder = files.addGroupFast("pos", posFiles);
        }
    }

    /** Returns the number of a term, or -1. */
    int ord(String term) {
        return ords.getOrDefault(term, -1);
    }

    /** Returns the number of terms. */
    int termCount() {
        return terms.size();
    }

    /** Returns the number of (term, document) postings. */
    long postingsCount() {
        return postingsCount;
    }

    List<Integer> postingsFirst() {
        return postFirst;
    }

    String postingsFolder() {
        return postFolder;
    }

    String tailFolder() {
        return tailFolder;
    }

    int tailCount() {
        return tailFiles.size();
    }

    List<Integer> positionsFirst() {
        return posFirst;
    }

    String positionsFolder() {
        return posFolder;
    }

    private void writePostings(TermScores.Entry e) {
        int df = e.docs().length;
        float[] scores = described ? e.described() : e.scores();
        float max = 0;
        for (float s : scores) {
            max = Math.max(max, s);
        }
        int[] impacts = new int[df];
        for (int i = 0; i < df; i++) {
            impacts[i] = max <= 0 ? 1 : Math.max(1, Math.min(255, Math.round(255f * scores[i] / max)));
        }
        boolean[] main = mainTier(e.docs(), impacts);
        int mainCount = Math.min(df, MAIN_TIER);
        record.clear();
        record.uv(df).uv(mainCount).f32(max);
        if (df > mainCount) {
            ByteSink tail = encode(e.docs(), impacts, main, false);
            if (tailGroup >= 0 && tail.size() >= TAIL_GROUP / 2) {
                flushTails();
            }
            if (tailGroup < 0) {
                tailGroup = tailFiles.size();
                tailFiles.add(null);
            }
            record.uv(tailGroup).uv(tails.size());
            tails.raw(tail);
            if (tails.size() >= TAIL_GROUP) {
                flushTails();
            }
        }
        record.raw(encode(e.docs(), impacts, main, true));
        shard.uv(record.size()).raw(record);
    }

    /**
     * Marks the main tier: highest impact first, ties to the lower document number. Impacts are 1 to 255, so the
     * tier's lowest impact is found by counting (no sort): every document above it is in, and the first ones at it
     * fill the places left.
     */
    static boolean[] mainTier(int[] docs, int[] impacts) {
        boolean[] main = new boolean[docs.length];
        if (docs.length <= MAIN_TIER) {
            Arrays.fill(main, true);
            return main;
        }
        int[] count = new int[256];
        for (int v : impacts) {
            count[v]++;
        }
        int left = MAIN_TIER;
        int lowest = 255;
        while (count[lowest] < left) {
            left -= count[lowest];
            lowest--;
        }
        for (int i = 0; i < impacts.length; i++) {
            if (impacts[i] > lowest) {
                main[i] = true;
            } else if (impacts[i] == lowest && left > 0) {
                main[i] = true;
                left--;
            }
        }
        return main;
    }

    private static ByteSink encode(int[] docs, int[] impacts, boolean[] main, boolean wanted) {
        ByteSink out = new ByteSink();
        int prev = -1;
        for (int i = 0; i < docs.length; i++) {
            if (main[i] == wanted) {
                out.uv(docs[i] - prev).u8(impacts[i]);
                prev = docs[i];
            }
        }
        return out;
    }

    private void writePositions(int ord, TermScores.Entry e) {
        ByteSink rec = new ByteSink();
        int prev = -1;
        for (int i = 0; i < e.docs().length; i++) {
            int[] p = e.positions()[i];
            rec.uv(e.docs()[i] - prev).uv(p.length);
            int last = 0;
            for (int x : p) {
                rec.uv(x - last);
                last = x;
            }
            prev = e.docs()[i];
        }
        if (posTerms > 0 && positions.size() + rec.size() > POSITIONS_SHARD * 2) {
            flushPositions();
        }
        if (posTerms == 0) {
            posFirst.add(ord);
        }
        positions.uv(rec.size()).raw(rec);
        posTerms++;
        if (positions.size() >= POSITIONS_SHARD) {
            flushPositions();
        }
    }

    private void flushPostings() {
        postFiles.add(withCount(shardTerms, shard));
        shard.clear();
        shardTerms = 0;
    }

    private void flushTails() {
        tailFiles.set(tailGroup, tails.bytes());
        tails.clear();
        tailGroup = -1;
    }

    private void flushPositions() {
        posFiles.add(withCount(posTerms, positions));
        positions.clear();
        posTerms = 0;
    }

    private static byte[] withCount(int count, ByteSink body) {
        return new ByteSink().uv(count).raw(body).bytes();
    }
}
