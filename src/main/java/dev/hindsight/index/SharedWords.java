package dev.hindsight.index;

import dev.hindsight.model.Postmortem;
import dev.hindsight.model.SectionKind;
import dev.hindsight.model.Validate;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.BytesRef;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The words shown as the reason two incidents are similar: words both return to, the shared mechanism first.
 *
 * <p>A shared query term is a reason only when the incidents that use it do so {@value #MIN_USES_PER_INCIDENT}
 * times or more on average; of those, the words in both root causes come first, then those in the other incident's
 * title, summary or root cause, then the rest. A word that in an incident's gist only ever comes right before a
 * calendar word names a day ("black" of Black Friday) and is never a reason. Thread-safe: each incident's words are
 * analyzed once and kept.
 */
final class SharedWords {
    private static final int SHOWN_TERMS = 3;
    /** A shared word is a reason only when the incidents that use it do so this many times each, on average. */
    static final int MIN_USES_PER_INCIDENT = 2;
    /** Where a shared word tells most about the other incident. */
    private static final String[] GIST_FIELDS = {"title", "summary"};
    private static final java.util.regex.Pattern JOINERS = java.util.regex.Pattern.compile("[-._]");

    private final IndexStore store;
    private final Function<String, String> display;
    /** Analyzes root causes the way the body was indexed (Lucene analyzers are thread-safe). */
    private final Analyzer analyzer = IncidentAnalyzer.forIndexing();
    private final Map<Integer, Words> words = new ConcurrentHashMap<>();
    /** Per query term, whether it recurs: the same terms come back in many incidents' queries. */
    private final Map<String, Boolean> recurring = new ConcurrentHashMap<>();

    /** Creates the reasons of one index; display turns an index term into the word shown. */
    SharedWords(IndexStore store, Function<String, String> display) {
        this.store = Validate.notNull(store, "store");
        this.display = Validate.notNull(display, "display");
    }

    /**
     * Returns, per other document, up to three query terms it also has, as display words, in three tiers: first
     * the strongest that are in both incidents' root causes (the mechanism both share), then those in the other's
     * title, summary or root cause (what it is about), then the strongest others; never a word and a part of it.
     * Words that only say when or where an incident happened ("black" of Black Friday) rarely reach the root
     * causes, so they drop behind the mechanism.
     */
    Map<Integer, List<String>> of(int self, Map<String, Float> queryTerms, List<Integer> others) throws IOException {
        Map<Integer, List<String>> out = new HashMap<>();
        if (others.isEmpty() || store.reader().leaves().isEmpty()) {
            return out;
        }
        LeafReader leaf = store.reader().leaves().get(0).reader();
        TermsEnum[] text = enums(leaf, IndexFields.SIMILAR_TEXT);
        TermsEnum[] gist = enums(leaf, GIST_FIELDS);
        PostingsEnum[] textPostings = new PostingsEnum[text.length];
        PostingsEnum[] gistPostings = new PostingsEnum[gist.length];
        Words mine = words(self);
        List<Map<Integer, List<String>>> tiers = List.of(new TreeMap<>(), new TreeMap<>(), new TreeMap<>());
        for (String t : queryTerms.keySet()) {
            if (!recurring(t) || mine.dateNames().contains(t)) {
                continue;
            }
            BytesRef bytes = new BytesRef(t);
            List<Integer> has = present(text, textPostings, bytes, others);
            List<Integer> inGist = has.isEmpty() ? List.of() : present(gist, gistPostings, bytes, has);
            for (int other : has) {
                Words theirs = words(other);
                if (theirs.dateNames().contains(t)) {
                    continue;
                }
                int tier = mine.cause().contains(t) && theirs.cause().contains(t) ? 0
                        : inGist.contains(other) || theirs.cause().contains(t) ? 1 : 2;
                tiers.get(tier).computeIfAbsent(other, k -> new ArrayList<>()).add(t);
            }
        }
        for (int other : others) {
            List<String> words = new ArrayList<>();
            for (Map<Integer, List<String>> tier : tiers) {
                for (String t : tier.getOrDefault(other, List.of())) {
                    String word = display.apply(t);
                    if (words.size() < SHOWN_TERMS && words.stream().noneMatch(w -> overlaps(w, word))) {
                        words.add(word);
                    }
                }
            }
            out.put(other, words);
        }
        return out;
    }

    /**
     * Returns true when the incidents that use a word use it {@value #MIN_USES_PER_INCIDENT} times or more on
     * average: what an incident is about comes back through its text ("coredns", "certificate", "pool"), while
     * words that merely occur ("any", "became", "harmless") are used once. Unlike a minimum idf, this holds in a
     * site of 30 incidents, where every word that two incidents share is rare.
     */
    boolean recurring(String term) {
        return recurring.computeIfAbsent(term, this::recurs);
    }

    /** Records whether a word recurs from its frequencies, read by the caller with others in one pass. */
    void knowRecurring(String term, int docFreq, long totalTermFreq) {
        recurring.putIfAbsent(term, recurs(docFreq, totalTermFreq));
    }

    private static boolean recurs(int docFreq, long totalTermFreq) {
        return docFreq > 0 && totalTermFreq >= (long) MIN_USES_PER_INCIDENT * docFreq;
    }

    private boolean recurs(String term) {
        try {
            Term t = new Term(IndexFields.SIMILAR_TEXT[0], term);
            return recurs(store.reader().docFreq(t), store.reader().totalTermFreq(t));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * What an incident's own text says about its words.
     *
     * @param cause     the index terms of its root-cause section (empty without one)
     * @param dateNames the words that, in its gist, only ever come right before a calendar word: the first part of
     *                  a named day ("black" of Black Friday, "patch" of Patch Tuesday), which says when, not what
     */
    private record Words(Set<String> cause, Set<String> dateNames) {
    }

    /** Returns what an incident's text says about its words, analyzed once per incident. */
    private Words words(int doc) {
        return words.computeIfAbsent(doc, d -> {
            Postmortem p = store.docs().get(d);
            Set<String> cause = p.section(SectionKind.ROOT_CAUSE)
                    .map(s -> tokens(FragmentExport.cut(s.text(), SimilarFinder.GIST_SECTION * 2)))
                    .orElse(List.of()).stream().collect(java.util.stream.Collectors.toUnmodifiableSet());
            return new Words(cause, dateNames(tokens(SimilarFinder.gist(p))));
        });
    }

    /** Returns the words that are always followed by a calendar word in a run of index terms. */
    static Set<String> dateNames(List<String> tokens) {
        Set<String> before = new HashSet<>();
        Set<String> elsewhere = new HashSet<>();
        for (int i = 0; i < tokens.size(); i++) {
            String t = tokens.get(i);
            boolean dated = i + 1 < tokens.size() && CalendarWords.is(tokens.get(i + 1)) && !CalendarWords.is(t);
            (dated ? before : elsewhere).add(t);
        }
        before.removeAll(elsewhere);
        return Set.copyOf(before);
    }

    /** Returns the index terms of a text, in order, as the body field was analyzed. */
    List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream("body", text)) {
            CharTermAttribute att = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(att.toString());
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException("reading a string cannot fail", e);
        }
        return out;
    }

    /** Returns a terms enumeration per field, to be reused for every term (empty for a field with no terms). */
    private static TermsEnum[] enums(LeafReader leaf, String[] fields) throws IOException {
        TermsEnum[] out = new TermsEnum[fields.length];
        for (int i = 0; i < fields.length; i++) {
            Terms terms = leaf.terms(fields[i]);
            out[i] = terms == null ? TermsEnum.EMPTY : terms.iterator();
        }
        return out;
    }

    /**
     * Returns which of the (sorted) documents have a term in any of the fields' enumerations, in document order;
     * each field's postings enumeration is kept in {@code reuse} for the next term.
     */
    private static List<Integer> present(TermsEnum[] fields, PostingsEnum[] reuse, BytesRef term, List<Integer> docs)
            throws IOException {
        java.util.TreeSet<Integer> found = new java.util.TreeSet<>();
        for (int i = 0; i < fields.length; i++) {
            TermsEnum te = fields[i];
            if (!te.seekExact(term)) {
                continue;
            }
            PostingsEnum postings = te.postings(reuse[i], PostingsEnum.NONE);
            reuse[i] = postings;
            for (int d : docs) {
                if (postings.docID() < d) {
                    postings.advance(d);
                }
                if (postings.docID() == d) {
                    found.add(d);
                }
            }
        }
        return List.copyOf(found);
    }

    /** Returns true when two words are the same or one is a part of the other ("cluster-wide" and "wide"). */
    static boolean overlaps(String a, String b) {
        return a.equals(b) || List.of(JOINERS.split(a)).contains(b) || List.of(JOINERS.split(b)).contains(a);
    }
}
