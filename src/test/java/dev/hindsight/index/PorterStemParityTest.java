package dev.hindsight.index;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.KeywordTokenizer;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.json.Json;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Holds {@code assets/js/search-stemmer.js} to Lucene: the browser must stem a query word exactly as
 * {@link PorterStemFilter} stemmed the indexed text, or {@code crashed} would not find {@code crash}. Compares
 * every word of the content (and the shared corpus, when present) plus generated suffix-heavy and odd words,
 * and checks the identifier guard against {@link IncidentAnalyzer#isIdentifier}. Runs under Node; skips without
 * it, except in CI.
 */
class PorterStemParityTest {

    private static final String RUNNER = """
            'use strict';
            const fs = require('fs');
            const stemmer = require(process.argv[2]);
            const words = JSON.parse(fs.readFileSync(process.argv[3], 'utf8'));
            process.stdout.write(JSON.stringify({
              stems: words.map((w) => stemmer.stem(w)),
              terms: words.map((w) => stemmer.term(w)),
              identifiers: words.map((w) => stemmer.isIdentifier(w))
            }));
            """;

    @Test
    void javascriptStemsEveryWordExactlyAsLucene() throws Exception {
        List<String> words = List.copyOf(wordList());
        assertThat(words).hasSizeGreaterThanOrEqualTo(20_000);
        List<String> lucene = luceneStems(words);
        Map<String, List<Object>> js = runNode(words);
        List<Object> stems = js.get("stems");
        List<Object> terms = js.get("terms");
        List<Object> identifiers = js.get("identifiers");

        List<String> mismatches = new ArrayList<>();
        int count = 0;
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            boolean identifier = IncidentAnalyzer.isIdentifier(w);
            String term = identifier ? w : lucene.get(i);
            if (!lucene.get(i).equals(stems.get(i)) || !term.equals(terms.get(i)) || !identifiers.get(i).equals(identifier)) {
                count++;
                if (mismatches.size() < 20) {
                    mismatches.add(w + ": lucene " + lucene.get(i) + " / " + term + " / " + identifier
                            + ", js " + stems.get(i) + " / " + terms.get(i) + " / " + identifiers.get(i));
                }
            }
        }
        System.out.println("PorterStemParityTest: compared " + words.size() + " words, " + count + " mismatches");
        assertThat(mismatches).as("%d of %d words differ (stem / term / identifier); first ones", count, words.size())
                .isEmpty();
    }

    @Test
    void termKeepsIdentifiersAndStemsPlainWords() throws Exception {
        List<String> words = List.of("k8s", "x509", "503", "db-primary-02", "max_connections", "pm2021-008",
                "crashed", "connections", "timeouts", "failing");
        List<Object> terms = runNode(words).get("terms");
        assertThat(terms).containsExactly("k8s", "x509", "503", "db-primary-02", "max_connections", "pm2021-008",
                "crash", "connect", "timeout", "fail");
    }

    /** Returns the corpus words and the generated tricky words, distinct, in a stable order. */
    private static Set<String> wordList() throws IOException {
        Set<String> words = new LinkedHashSet<>();
        Path project = NodeSearch.project();
        for (Path dir : List.of(project.resolve("content"), project.resolve("../shared/corpus").normalize())) {
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
                    for (WordSplitter.Word w : WordSplitter.split(Files.readString(f, StandardCharsets.UTF_8))) {
                        words.add(w.surface());
                    }
                }
            }
        }
        words.addAll(trickyWords());
        words.remove("");
        return words;
    }

    /** Returns generated words that exercise every Porter rule, short words and odd characters. */
    private static Set<String> trickyWords() {
        Set<String> words = new LinkedHashSet<>();
        String letters = "abcdefghijklmnopqrstuvwxyz";
        for (char a : letters.toCharArray()) {
            words.add("" + a);
            for (char b : letters.toCharArray()) {
                words.add("" + a + b);
            }
        }
        String short3 = "aeiouysbcdlnrtwxz";
        for (char a : short3.toCharArray()) {
            for (char b : short3.toCharArray()) {
                for (char c : short3.toCharArray()) {
                    words.add("" + a + b + c);
                }
            }
        }
        List<String> suffixes = List.of("ational", "tional", "enci", "anci", "izer", "bli", "abli", "alli", "entli",
                "eli", "ousli", "ization", "ation", "ator", "alism", "iveness", "fulness", "ousness", "aliti", "iviti",
                "biliti", "logi", "icate", "ative", "alize", "iciti", "ical", "ful", "ness", "al", "ance", "ence", "er",
                "ic", "able", "ible", "ant", "ement", "ment", "ent", "sion", "tion", "ion", "ou", "ism", "ate", "iti",
                "ous", "ive", "ize", "y", "ly", "ies", "ied", "ying", "sses", "ss", "s", "eed", "eeds", "ed", "ing",
                "ings", "ated", "ating", "bled", "bling", "ized", "izing", "izes", "e", "le", "lle", "ll", "ally",
                "izations", "ational", "fully", "ities", "ements", "ences", "ances", "ively", "ousy", "yed", "ying",
                "ys", "ey", "ay", "oy", "uy", "iy", "yy");
        List<String> roots = List.of("rel", "condit", "rat", "valen", "hesit", "digit", "conform", "radic", "differ",
                "vil", "analog", "trib", "sens", "form", "nat", "oper", "gener", "cap", "hop", "fil", "tan", "tann",
                "fal", "fall", "siz", "control", "rol", "agr", "fe", "ble", "happ", "sk", "cr", "p", "effect",
                "adjust", "depend", "adopt", "bomb", "activ", "electr", "horm", "defens", "irrit", "homolog",
                "commun", "triplic", "good", "hop", "formal", "decis", "fus", "abat", "connect", "replic", "deploy",
                "retr", "throttl", "cach", "shard", "migr", "fail", "crash", "time", "x", "y", "yo", "by", "sy", "ay",
                "a", "e", "o", "u", "i", "tr", "str", "spr", "oo", "ee", "we", "wax", "fix", "mess", "moss", "buzz",
                "fizz", "hiss", "cal", "cell", "ill", "hol", "al", "bl", "at", "iz", "enc", "anc", "ov", "ow");
        for (String root : roots) {
            for (String suffix : suffixes) {
                words.add(root + suffix);
                for (String suffix2 : List.of("s", "ed", "ing", "ly", "ness", "e", "y")) {
                    words.add(root + suffix + suffix2);
                }
            }
        }
        Random random = new Random(20240917L);
        String consonants = "bcdfghjklmnpqrstvwxzy";
        String vowels = "aeiouy";
        for (int n = 0; n < 20_000; n++) {
            StringBuilder sb = new StringBuilder();
            int syllables = 1 + random.nextInt(4);
            for (int s = 0; s < syllables; s++) {
                if (random.nextInt(3) > 0) {
                    sb.append(consonants.charAt(random.nextInt(consonants.length())));
                }
                if (random.nextInt(5) == 0) {
                    sb.append(consonants.charAt(random.nextInt(consonants.length())));
                }
                sb.append(vowels.charAt(random.nextInt(vowels.length())));
                if (random.nextInt(4) == 0) {
                    sb.append(vowels.charAt(random.nextInt(vowels.length())));
                }
            }
            if (random.nextInt(2) == 0) {
                char c = consonants.charAt(random.nextInt(consonants.length()));
                sb.append(c);
                if (random.nextInt(3) == 0) {
                    sb.append(c);
                }
            }
            int more = random.nextInt(3);
            for (int s = 0; s < more; s++) {
                sb.append(suffixes.get(random.nextInt(suffixes.size())));
            }
            words.add(sb.toString());
        }
        words.addAll(List.of("don't", "o'clock", "rock'n'roll", "users'", "'tis", "ops'", "engineer's", "it's",
                "café", "cafés", "résumé", "résumés", "naïve", "naïvely", "straße", "größeren", "façade", "façades",
                "über", "élan", "éé", "ée", "ées", "ßs", "日本", "日本語", "障害", "障害s", "サーバー", "сервер",
                "серверы", "δοκιμή", "𝒜𝒜", "𝒜bles", "ab𝒜", "𝒜ing", "𝒜ed", "𝒜𝒜ed", "ÿes", "yé", "xyzzy", "sky",
                "skies", "spying", "yying", "yyyyy", "yyyyys", "ys", "yes", "yess", "sss", "ssses", "ies", "eed",
                "eeds", "ing", "ings", "ed", "eds", "s", "ss", "is", "as", "us", "bus", "gas", "this", "has",
                "CRASHED", "Running", "HTTPS", "k8s", "x509", "503", "db-primary-02", "max_connections",
                "pm2021-008", "v1.2", "a.b", "a-b", "a_b", "١٢٣abc", "abc٣", "ab𝟎", "caresses", "ponies", "ties",
                "cats", "feed", "agreed", "plastered", "bled", "motoring", "sing", "conflated", "troubled", "sized",
                "hopping", "tanned", "falling", "hissing", "fizzed", "failing", "filing", "happy", "generalizations",
                "oscillators", "relational", "conditional", "rational", "valenci", "hesitanci", "digitizer",
                "conformabli", "radicalli", "differentli", "vileli", "analogousli", "vietnamization", "predication",
                "operator", "feudalism", "decisiveness", "hopefulness", "callousness", "formaliti", "sensitiviti",
                "sensibiliti", "triplicate", "formative", "formalize", "electriciti", "electrical", "hopeful",
                "goodness", "revival", "allowance", "inference", "airliner", "gyroscopic", "adjustable",
                "defensible", "irritant", "replacement", "adjustment", "dependent", "adoption", "homologou",
                "communism", "activate", "angulariti", "homologous", "effective", "bowdlerize", "probate", "rate",
                "cease", "controll", "roll", "generate", "generously", "abbreviation"));
        return words;
    }

    /** Returns what KeywordTokenizer + PorterStemFilter make of each word. */
    private static List<String> luceneStems(List<String> words) throws IOException {
        List<String> out = new ArrayList<>(words.size());
        try (Analyzer analyzer = new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new KeywordTokenizer();
                return new TokenStreamComponents(source, new PorterStemFilter(source));
            }
        }) {
            for (String w : words) {
                try (TokenStream ts = analyzer.tokenStream("f", w)) {
                    CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
                    ts.reset();
                    assertThat(ts.incrementToken()).as("a token for %s", w).isTrue();
                    out.add(term.toString());
                    assertThat(ts.incrementToken()).isFalse();
                    ts.end();
                }
            }
        }
        return out;
    }

    /** Runs search-stemmer.js over the words under Node; returns its stems, terms and identifier flags. */
    @SuppressWarnings("unchecked")
    private static Map<String, List<Object>> runNode(List<String> words) throws IOException, InterruptedException {
        Path node = NodeSearch.node();
        Path runner = Files.createTempFile("hindsight-stem-runner", ".js");
        Path in = Files.createTempFile("hindsight-stem-words", ".json");
        Path out = Files.createTempFile("hindsight-stems", ".json");
        Path err = Files.createTempFile("hindsight-stem-errors", ".txt");
        try {
            Files.writeString(runner, RUNNER, StandardCharsets.UTF_8);
            Files.writeString(in, new Json().toJson(words), StandardCharsets.UTF_8);
            Process p = new ProcessBuilder(node.toString(), runner.toString(),
                    NodeSearch.project().resolve("assets/js/search-stemmer.js").toString(), in.toString())
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!p.waitFor(2, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                Assertions.fail("node stemmer runner timed out");
            }
            if (p.exitValue() != 0) {
                Assertions.fail("node stemmer runner failed: " + Files.readString(err));
            }
            Map<String, List<Object>> result = (Map<String, List<Object>>) new Json()
                    .toType(Files.readString(out, StandardCharsets.UTF_8), Object.class);
            assertThat(result.get("stems")).hasSize(words.size());
            return result;
        } finally {
            Files.deleteIfExists(runner);
            Files.deleteIfExists(in);
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
