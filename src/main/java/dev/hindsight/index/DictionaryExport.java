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
 * {@code str suffix}, {@code uv term} (the term number, which locates its postings) and {@code uv df} (documents
 * using this surface form). The client maps a typed word straight to its term (no stemmer in JavaScript), finds
 * completions of the last word, and highlights every surface form of a matched term found in the same shard.
 *
 * <p><b>Term dictionary</b> ({@code term.<hash>/<n>.bin}, loaded only for a word the corpus never uses in that form):
 * every index term in string order, front-coded, each with {@code uv term} (its number) and {@code uv df}; the
 * manifest lists each shard's first term. The client stems such a word ({@code search-stemmer.js}, held to Lucene's
 * Porter stemmer by a test) and looks the stem up here, so {@code crashed} finds {@code crash}.
 *
 * <p><b>Typo lexicon</b> ({@code typo.<hash>/<n>.bin}, one file per word length, loaded only when a word matches nothing):
 * the {@link TypoDistance#eligible eligible} words of that length, front-coded, each with {@code uv df}.
 */
final class DictionaryExport {
    private static final int SHARD = 6 * 1024;

    private final List<String> first = new ArrayList<>();
    private final List<String> termFirst = new ArrayList<>();
    private String termFolder = "";
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
        for (int i = 0; i < vocabulary.size(); i++) {
            int ord = postings.ord(vocabulary.termAt(i));
            if (ord < 0) {
                continue;
            }
            String s = vocabulary.surface(i);
            if (count == 0) {
                first.add(s);
                prev = "";
            }
            frontCode(shard, prev, s);
            shard.uv(ord).uv(vocabulary.df(i));
            prev = s;
            count++;
            words++;
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
        writeTerms(vocabulary, postings, files);
        writeTypos(vocabulary, files);
    }

    private void writeTerms(IndexVocabulary vocabulary, PostingsExport postings, SearchFiles files) {
        List<String> terms = new ArrayList<>(vocabulary.termDocFreqs().keySet());
        terms.sort(java.util.Comparator.naturalOrder());
        List<byte[]> out = new ArrayList<>();
        ByteSink shard = new ByteSink();
        int count = 0;
        String prev = "";
        for (String t : terms) {
            int ord = postings.ord(t);
            if (ord < 0) {
                continue;
            }
            if (count == 0) {
                termFirst.add(t);
                prev = "";
            }
            frontCode(shard, prev, t);
            shard.uv(ord).uv(vocabulary.termDf(t));
            prev = t;
            count++;
            if (shard.size() >= SHARD) {
                out.add(new ByteSink().uv(count).raw(shard).bytes());
                shard.clear();
                count = 0;
            }
        }
        if (count > 0) {
            out.add(new ByteSink().uv(count).raw(shard).bytes());
        }
        termFolder = files.addGroupFast("term", out);
    }

    List<String> termFirst() {
        return termFirst;
    }

    String termFolder() {
        return termFolder;
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
