package dev.hindsight.index;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes the dictionary shards and the typo lexicon.
 *
 * <p><b>Dictionary shards</b> ({@code dict.<hash>/<n>.bin}): surface words in string order, front-coded; the manifest
 * lists each shard's first word. Per word: {@code uv shared} (UTF-16 units shared with the previous word),
 * {@code str suffix}, {@code uv term} (the term number, which locates its postings) and {@code uv df*2+stem}
 * (documents using this surface form, or for a stem entry the term's documents; stem is 1 for a stem entry). A
 * surface word and a stem entry with the same text are written surface first. The client maps a typed word straight to its term (no stemmer in JavaScript), finds
 * completions of the last word, and highlights every surface form of a matched term found in the same shard.
 *
 * <p><b>Stems.</b> An index term that no surface word spells with itself as its term ({@code crash} when incidents say
 * only {@code crashes}) has an entry of its own, flagged, with the term's document frequency. A word the corpus never
 * uses in that form is stemmed by the client ({@code search-stemmer.js}, held to Lucene's Porter stemmer by a test)
 * and the stem looked up: usually in the shard already loaded, since a word and its stem sort together.
 *
 * <p><b>Typo lexicon</b> ({@code typo.<hash>/<n>.bin}, one file per word length, loaded only when a word matches nothing):
 * the {@link TypoDistance#eligible eligible} words of that length, front-coded, each with {@code uv df}.
 */
final class DictionaryExport {
    /** Bytes of a shard before compression: small, since a pasted paragraph touches a shard per rare word. */
    private static final int SHARD = 2 * 1024;

    private final List<String> first = new ArrayList<>();
    private final List<byte[]> shards = new ArrayList<>();
    private final Map<Integer, Integer> typo = new TreeMap<>();
    private String folder = "";
    private String typoFolder = "";
    private int words;
    private int typoWords;

    /** Writes the dictionary of a vocabulary, with term numbers from the postings export. */
    void write(IndexVocabulary vocabulary, PostingsExport postings, SearchFiles files) {
        ByteSink shard = new ByteSink();
        int count = 0;
        String prev = "";
        for (Entry e : entries(vocabulary, postings)) {
            if (count == 0) {
                first.add(e.key());
                prev = "";
            }
            frontCode(shard, prev, e.key());
            shard.uv(e.ord()).uv(2L * e.df() + (e.stem() ? 1 : 0));
            prev = e.key();
            count++;
            words += e.stem() ? 0 : 1;
            if (shard.size() >= SHARD) {
                shards.add(new ByteSink().uv(count).raw(shard).bytes());
                shard.clear();
                count = 0;
            }
        }
        if (count > 0) {
            shards.add(new ByteSink().uv(count).raw(shard).bytes());
        }
        folder = files.addGroup("dict", shards);
        writeTypos(vocabulary, files);
    }

    /** One dictionary entry: a surface word, or a stem that no surface word spells. */
    private record Entry(String key, int ord, int df, boolean stem) {
    }

    private static List<Entry> entries(IndexVocabulary vocabulary, PostingsExport postings) {
        List<Entry> out = new ArrayList<>();
        java.util.Set<String> spelled = new java.util.HashSet<>();
        for (int i = 0; i < vocabulary.size(); i++) {
            int ord = postings.ord(vocabulary.termAt(i));
            if (ord >= 0) {
                out.add(new Entry(vocabulary.surface(i), ord, vocabulary.df(i), false));
                if (vocabulary.surface(i).equals(vocabulary.termAt(i))) {
                    spelled.add(vocabulary.termAt(i));
                }
            }
        }
        vocabulary.termDocFreqs().forEach((term, df) -> {
            int ord = postings.ord(term);
            if (ord >= 0 && !spelled.contains(term)) {
                out.add(new Entry(term, ord, df, true));
            }
        });
        out.sort(java.util.Comparator.comparing(Entry::key).thenComparing(Entry::stem));
        return out;
    }

    private void writeTypos(IndexVocabulary vocabulary, SearchFiles files) {
        Map<Integer, List<Integer>> byLength = new TreeMap<>();
        for (int i = 0; i < vocabulary.size(); i++) {
            if (TypoDistance.eligible(vocabulary.surface(i), vocabulary.df(i), vocabulary.docCount())) {
                byLength.computeIfAbsent(vocabulary.surface(i).length(), k -> new ArrayList<>()).add(i);
            }
        }
        List<byte[]> lexicon = new ArrayList<>();
        for (var e : byLength.entrySet()) {
            ByteSink out = new ByteSink().uv(e.getValue().size());
            String prev = "";
            for (int i : e.getValue()) {
                frontCode(out, prev, vocabulary.surface(i));
                out.uv(vocabulary.df(i));
                prev = vocabulary.surface(i);
                typoWords++;
            }
            typo.put(e.getKey(), lexicon.size());
            lexicon.add(out.bytes());
        }
        typoFolder = files.addGroup("typo", lexicon);
    }

    /** Writes a word as the number of UTF-16 units shared with the previous word and the rest. */
    static void frontCode(ByteSink out, String prev, String word) {
        int shared = 0;
        int max = Math.min(prev.length(), word.length());
        while (shared < max && prev.charAt(shared) == word.charAt(shared)) {
            shared++;
        }
        if (shared > 0 && shared < word.length() && Character.isLowSurrogate(word.charAt(shared))) {
            shared--;
        }
        out.uv(shared).str(word.substring(shared));
    }

    List<String> first() {
        return first;
    }

    String folder() {
        return folder;
    }

    int shardCount() {
        return shards.size();
    }

    /** Returns word length to file number in the typo folder. */
    Map<Integer, Integer> typo() {
        return typo;
    }

    String typoFolder() {
        return typoFolder;
    }

    int words() {
        return words;
    }

    int typoWords() {
        return typoWords;
    }
}
