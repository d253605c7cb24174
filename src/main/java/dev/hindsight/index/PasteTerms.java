package dev.hindsight.index;

import dev.hindsight.model.Validate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Picks the terms of pasted text (a log line, an alert, a paragraph) for a "more like this" query; {@code pasteTerms}
 * in {@code search-engine.js} picks the same ones from the exported dictionary.
 * <ol>
 *   <li>The first {@value QueryMode#MAX_WORDS} words are read, compounds and their parts alike; stop words are
 *       skipped.</li>
 *   <li>A word counts when the corpus uses it, or its stem is an index term; its document frequency is that of the
 *       dictionary entry that resolved it (the larger, when several words give one term). Words no incident uses
 *       (timestamps, ids, {@code 30000ms}) are ignored: no typo correction, no prefix completion.</li>
 *   <li>Terms in more than half the documents are left out (from {@value #MIN_DOCS} documents on): they cost
 *       bytes and carry little.</li>
 *   <li>The {@value #MAX_TERMS} rarest terms are kept (ties: term order). Token type plays no part: {@code 503} and
 *       {@code ora-00001} are kept like any word.</li>
 * </ol>
 */
final class PasteTerms {
    /** Terms kept, at most. */
    static final int MAX_TERMS = 24;
    /** Corpora this large drop terms in more than half the documents. */
    static final int MIN_DOCS = 10;
    /** Words listed as unused when no word of the text is in the corpus. */
    static final int UNUSED_SHOWN = 8;

    private PasteTerms() {
    }

    /**
     * A picked term.
     *
     * @param term the index term
     * @param word the first word of the text that gave it
     * @param df   the document frequency it was picked by
     */
    record Picked(String term, String word, int df) {
    }

    /** Picks the terms of a text. */
    static List<Picked> pick(String text, Vocabulary vocabulary, int docCount) {
        Validate.notNull(text, "text");
        Map<String, Picked> byTerm = new LinkedHashMap<>();
        int top = 0;
        for (WordSplitter.Word w : WordSplitter.split(text)) {
            if (!w.part() && ++top > QueryMode.MAX_WORDS) {
                break;
            }
            String s = w.surface();
            if (IncidentAnalyzer.STOPWORDS.contains(s)) {
                continue;
            }
            String term = vocabulary.term(s).orElse(null);
            int df = term == null ? 0 : vocabulary.surfaceDf(s);
            if (term == null) {
                term = vocabulary.stemmed(s).orElse(null);
                df = term == null ? 0 : vocabulary.stemDf(term);
            }
            if (term == null) {
                continue;
            }
            Picked had = byTerm.get(term);
            if (had == null || df > had.df()) {
                byTerm.put(term, new Picked(term, had == null ? s : had.word(), df));
            }
        }
        List<Picked> out = new ArrayList<>();
        for (Picked p : byTerm.values()) {
            if (docCount < MIN_DOCS || 2 * p.df() <= docCount) {
                out.add(p);
            }
        }
        out.sort((a, b) -> a.df() != b.df() ? Integer.compare(a.df(), b.df()) : IndexVocabulary.compareTerms(a.term(), b.term()));
        return List.copyOf(out.subList(0, Math.min(MAX_TERMS, out.size())));
    }

    /** Plans pasted text: one clause per picked term, matches of at least two of them (one when only one is picked). */
    static QueryPlan plan(String text, Vocabulary vocabulary, int docCount) {
        List<QueryPlan.Clause> clauses = new ArrayList<>();
        for (Picked p : pick(text, vocabulary, docCount)) {
            clauses.add(new QueryPlan.Clause(p.word(), List.of(QueryPlan.Alternative.of(p.term(), 1))));
        }
        List<String> unused = new ArrayList<>();
        if (clauses.isEmpty()) {
            for (String w : WordSplitter.queryWords(text)) {
                if (unused.size() < UNUSED_SHOWN && !IncidentAnalyzer.STOPWORDS.contains(w) && !unused.contains(w)) {
                    unused.add(w);
                }
            }
        }
        return new QueryPlan(QueryMode.LONG, clauses, List.of(), List.of(), unused, Math.min(2, clauses.size()), false);
    }
}
