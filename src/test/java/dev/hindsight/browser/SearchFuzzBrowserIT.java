package dev.hindsight.browser;

import dev.hindsight.BuildOptions;
import dev.hindsight.BuildReport;
import dev.hindsight.Pipeline;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Seeded random queries on the /search/ page of the real content/ site always end with a status line and no
 * JavaScript error.
 *
 * <p>The page is opened once in headless Chromium; then 50 queries from {@code java.util.Random(seed)} (a lone
 * quote, only stop words, a 20 KB paste of log lines, random Unicode with astral characters, combining marks, RTL
 * text, NUL and lone surrogates, unbalanced quotes, punctuation, words over 48 characters, compounds, numbers and
 * UUIDs, dictionary words mixed with junk) are put in the search box by script, alternately with an
 * {@code input} event (search as you type) and by submitting the form. After each, once {@code #search-app} is no
 * longer busy, the status line must be there and must not say "not available", "undefined" or "NaN"; no window
 * error or unhandled rejection may have been reported. After a failure the page is opened afresh, so one broken
 * query does not fail the rest. The generated queries never contain those words themselves, since the status line
 * repeats the query. The URL is not checked: the page may keep long input out of it. Set
 * {@code -Dhindsight.fuzz.seed=N} to try another seed; a failure message names the seed.
 */
class SearchFuzzBrowserIT {
    static final long SEED = Long.getLong("hindsight.fuzz.seed", 20261203L);
    static final int COUNT = 50;
    static final List<String> STOP_WORDS = List.of("a", "an", "and", "are", "as", "at", "be", "by", "for", "in", "is",
            "it", "of", "on", "or", "that", "the", "this", "to", "was", "with");

    /**
     * A script function that replaces lone surrogates with U+FFFD: the status line may repeat a query that has them,
     * and the driver cannot return such a string.
     */
    private static final String WELL_FORMED = "var wf = function (t) { return String(t).replace("
            + "/[\\ud800-\\udbff](?![\\udc00-\\udfff])|(?<![\\ud800-\\udbff])[\\udc00-\\udfff]/g, '\\ufffd'); };";

    @TempDir
    static Path dir;
    static Path project;
    static Chromium.Session browser;
    static StaticServer server;
    static WebDriver driver;

    @BeforeAll
    static void buildAndServe() throws IOException {
        project = Path.of(System.getProperty("hindsight.project.dir", ".")).toAbsolutePath().normalize();
        Chromium.assumeInstalled();
        Path site = dir.resolve("public");
        BuildReport report = new Pipeline(s -> { }).build(BuildOptions.defaults(project, LocalDate.of(2026, 11, 1))
                .withDestination(site).withCache(dir.resolve("cache")));
        assertThat(report.published()).as("build: %s", report.problems()).isTrue();
        browser = Chromium.start();
        driver = browser.driver();
        server = StaticServer.start(site);
    }

    @AfterAll
    static void stop() throws IOException {
        if (server != null) {
            server.close();
        }
        if (browser != null) {
            browser.close();
        }
    }

    private static Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Opens /search/ and starts collecting window errors and unhandled rejections in {@code window.__errors}. */
    private static void openSearchPage() {
        driver.get(server.url("search/"));
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> "complete".equals(js("return document.readyState"))
                && !status().isEmpty());
        js("window.__errors = [];"
                + "window.addEventListener('error', e => window.__errors.push(String(e.message)));"
                + "window.addEventListener('unhandledrejection', e => window.__errors.push('unhandled rejection: '"
                + " + String(e.reason && e.reason.stack || e.reason)));");
    }

    private static String status() {
        Object s = js(WELL_FORMED + "var s = document.querySelector('.search-status'); return s ? wf(s.textContent) : '';");
        return s == null ? "" : s.toString();
    }

    @SuppressWarnings("unchecked")
    private static List<String> errors() {
        Object e = js(WELL_FORMED + "return window.__errors ? window.__errors.map(wf)"
                + " : ['window.__errors is gone: the page was reloaded'];");
        return e == null ? List.of() : (List<String>) e;
    }

    @Test
    void everyRandomQueryEndsWithAStatusLineAndNoJavaScriptError() throws IOException {
        List<String> queries = new Queries(new Random(SEED), dictionary()).list(COUNT);
        openSearchPage();
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < queries.size(); i++) {
            String q = queries.get(i);
            boolean submit = i % 2 == 1;
            String problem = run(q, submit);
            if (problem != null) {
                failures.add("#" + i + " (" + (submit ? "submit" : "input event") + ", " + q.length() + " chars) q="
                        + escaped(q) + "\n    " + problem);
                openSearchPage();
            }
        }
        System.out.printf("search page fuzz, seed %d: %d queries, %d failures%n", SEED, queries.size(), failures.size());
        assertThat(failures).as("queries that left the search page broken, seed %d:%n%s", SEED,
                String.join("\n", failures.subList(0, Math.min(10, failures.size())))).isEmpty();
    }

    /** Runs one query on the open page and returns what went wrong, or null. */
    private static String run(String q, boolean submit) {
        // the query goes over as UTF-16 code units, so lone surrogates and NUL reach the page unchanged
        List<Integer> units = q.chars().boxed().toList();
        js("var s = document.querySelector('.search-status'); if (s) { s.textContent = ''; }"
                + "var u = arguments[0], q = '';"
                + "for (var i = 0; i < u.length; i += 4096) { q += String.fromCharCode.apply(null, u.slice(i, i + 4096)); }"
                + "var box = document.getElementById('site-search'); box.value = q;"
                + "if (arguments[1]) { box.form.requestSubmit(); }"
                + "else { box.dispatchEvent(new Event('input', {bubbles: true})); }", units, submit);
        try {
            new WebDriverWait(driver, Duration.ofSeconds(30)).until(d ->
                    d.findElement(By.id("search-app")).getAttribute("aria-busy") == null && !status().isEmpty());
        } catch (TimeoutException e) {
            return "no finished search after 30 s: aria-busy=" + driver.findElement(By.id("search-app")).getAttribute("aria-busy")
                    + ", status " + escaped(cut(status())) + ", errors " + errors();
        }
        String s = status();
        List<String> errors = errors();
        if (!errors.isEmpty()) {
            return "JavaScript errors " + errors + "; status " + escaped(cut(s));
        }
        if (s.isBlank() || s.contains("not available") || s.contains("undefined") || s.contains("NaN")) {
            return "status line " + escaped(cut(s));
        }
        return null;
    }

    private static String cut(String s) {
        return s.length() <= 300 ? s : s.substring(0, 300) + "…";
    }

    /** A string quoted, with every character outside printable ASCII as a backslash-u escape (first 200 chars). */
    static String escaped(String s) {
        String q = s.length() <= 200 ? s : s.substring(0, 200);
        StringBuilder b = new StringBuilder("\"");
        for (char c : q.toCharArray()) {
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20 || c > 0x7e) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append(s.length() > 200 ? "\"…" : "\"").toString();
    }

    /** The words of content/postmortems, sorted, as the real dictionary to pick from. */
    private static List<String> dictionary() throws IOException {
        TreeSet<String> words = new TreeSet<>();
        Pattern word = Pattern.compile("[\\p{L}\\p{Nd}]+(?:[-._][\\p{L}\\p{Nd}]+)*");
        try (Stream<Path> files = Files.list(project.resolve("content/postmortems"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
                Matcher m = word.matcher(Files.readString(f));
                while (m.find()) {
                    String w = m.group().toLowerCase(Locale.ROOT);
                    if (w.length() >= 3 && w.length() <= 30) {
                        words.add(w);
                    }
                }
            }
        }
        assertThat(words).as("words of content/postmortems").isNotEmpty();
        return List.copyOf(words);
    }

    /** Seeded query shapes, as in src/test/js/search-fuzz.js. */
    static final class Queries {
        private static final String PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~\u2013\u2014\u2026\u00ab\u00bb"
                + "\u201c\u201d\u2018\u2019\u00a7\u00b6";
        private static final String[] SPECIALS = {"\u0000", "\ud800", "\udfff", "\udc00x", "a\ud83d", "\u200d",
                "\u200b", "\u200e", "\u200f", "\u202e", "\ufeff", "\ufffd", "\uffff", "\u2028", "\t", "\r\n", "\u00a0",
                "\u2019s", "\u0130", "\u1e9e", "\u00df", "\ufb01", "\u212a", "e\u0301", "\u0301a",
                "\ud83d\udc68\u200d\ud83d\udcbb", "\ud83c\uddeb\ud83c\uddf7", "\u0661\u0662\u0663"};
        private static final int[][] RANGES = {{0x20, 0x7e}, {0xa0, 0x24f}, {0x300, 0x36f}, {0x590, 0x5ff},
                {0x600, 0x6ff}, {0x900, 0x97f}, {0x3040, 0x30ff}, {0x4e00, 0x9fff}, {0xff00, 0xffef},
                {0x1d400, 0x1d7ff}, {0x1f300, 0x1faff}, {0x20000, 0x2a6df}};

        private final Random random;
        private final List<String> dict;

        Queries(Random random, List<String> dict) {
            this.random = random;
            this.dict = dict;
        }

        /** n queries: a lone quote, only stop words and one 20 KB paste, then random shapes, shuffled. */
        List<String> list(int n) {
            List<String> out = new ArrayList<>(List.of("\"", "the of and to", paste()));
            List<Supplier<String>> shapes = List.of(this::unicode, this::unbalancedQuotes, this::stopWords,
                    this::punctuation, this::longWords, this::compounds, this::identifiers, this::dictionaryAndJunk,
                    this::typos, this::dictionaryWords, this::mixed, () -> pick(List.of("", " ", "\"\"", "\" \"", "\u3000")));
            while (out.size() < n) {
                String q = pick(shapes).get();
                out.add(random.nextInt(10) == 0 ? q.toUpperCase(Locale.ROOT) : q);
            }
            Collections.shuffle(out, random);
            return out.stream().map(Queries::harmless).toList();
        }

        /**
         * Keeps out of a query the words the status line must never show (it repeats the query): "not" (a typo
         * correction could turn "not availabel" into "not available"), "undefined" and "NaN".
         */
        static String harmless(String q) {
            return q.replaceAll("(?i)(?<![\\p{L}\\p{Nd}])not(?![\\p{L}\\p{Nd}])", "never")
                    .replaceAll("(?i)undefined", "undef").replace("NaN", "Nan");
        }

        private int between(int lo, int hi) {
            return lo + random.nextInt(hi - lo + 1);
        }

        private <T> T pick(List<T> list) {
            return list.get(random.nextInt(list.size()));
        }

        private String words(int n, Supplier<String> word, String separator) {
            List<String> w = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                w.add(word.get());
            }
            return String.join(separator, w);
        }

        private String repeat(int n, Supplier<String> s) {
            return words(n, s, "");
        }

        private String word() {
            return pick(dict);
        }

        private String unicodeChar() {
            if (random.nextInt(7) == 0) {
                return SPECIALS[random.nextInt(SPECIALS.length)];
            }
            int[] r = RANGES[random.nextInt(RANGES.length)];
            return Character.toString(between(r[0], r[1]));
        }

        String unicode() {
            return repeat(between(1, 80), () -> random.nextInt(5) == 0 ? " " : unicodeChar());
        }

        String junk() {
            return switch (random.nextInt(5)) {
                case 0 -> repeat(between(1, 12), () -> String.valueOf((char) between('a', 'z')));
                case 1 -> repeat(between(1, 6), this::unicodeChar);
                case 2 -> pick(List.of("constructor", "__proto__", "prototype", "hasOwnProperty", "toString", "null",
                        "Infinity", "-1", "1e309", "then"));
                case 3 -> repeat(between(1, 4), () -> String.valueOf(PUNCTUATION.charAt(random.nextInt(PUNCTUATION.length()))));
                default -> typo(word());
            };
        }

        String typo(String w) {
            int i = random.nextInt(w.length());
            return switch (random.nextInt(3)) {
                case 0 -> w.substring(0, i) + w.substring(i + 1);
                case 1 -> w.substring(0, i) + "xq".charAt(random.nextInt(2)) + w.substring(i + 1);
                default -> w.substring(0, i) + w.charAt(i) + w.substring(i);
            };
        }

        String unbalancedQuotes() {
            return switch (random.nextInt(4)) {
                case 0 -> "\"" + words(between(1, 6), this::word, " ");
                case 1 -> words(between(1, 4), this::word, " ") + " \"" + words(between(1, 4), this::word, " ") + "\" \""
                        + words(between(0, 3), this::junk, " ");
                case 2 -> words(between(1, 4), this::word, " ") + "\"";
                default -> repeat(between(2, 30), () -> pick(List.of("\"", " ", word())));
            };
        }

        String stopWords() {
            return words(between(1, 20), () -> pick(STOP_WORDS), " ");
        }

        String punctuation() {
            return repeat(between(1, 60), () -> String.valueOf(PUNCTUATION.charAt(random.nextInt(PUNCTUATION.length()))));
        }

        String longWords() {
            return words(between(1, 3), () -> switch (random.nextInt(3)) {
                case 0 -> repeat(between(49, 400), () -> String.valueOf((char) between('a', 'z')));
                case 1 -> words(between(3, 12), this::word, pick(List.of("-", ".", "_"))) + "z".repeat(49);
                default -> repeat(between(49, 120), () -> Character.toString(between(0x1d400, 0x1d433)));
            }, " ");
        }

        String compound() {
            String s = words(between(2, 6), () -> random.nextInt(5) < 3 ? word() : junk(),
                    pick(List.of("-", ".", "_", "'", "\u2019", "--", "._")));
            return pick(List.of("", "", "-", ".", "_")) + s + pick(List.of("", "", "-", ".", "'s"));
        }

        String compounds() {
            return words(between(1, 5), this::compound, " ");
        }

        private String hex(int n) {
            return repeat(n, () -> String.valueOf("0123456789abcdef".charAt(random.nextInt(16))));
        }

        String identifier() {
            return switch (random.nextInt(6)) {
                case 0 -> String.valueOf(random.nextInt(100_000_000));
                case 1 -> String.format("2026-%02d-%02dT%02d:%02d:%02d.%03dZ", between(1, 12), between(1, 28),
                        between(0, 23), between(0, 59), between(0, 59), between(0, 999));
                case 2 -> hex(8) + "-" + hex(4) + "-4" + hex(3) + "-a" + hex(3) + "-" + hex(12);
                case 3 -> between(1, 255) + "." + between(0, 255) + "." + between(0, 255) + "." + between(0, 255) + ":"
                        + between(1, 65535);
                case 4 -> between(1, 60000) + "ms";
                default -> "0x" + hex(between(1, 16));
            };
        }

        String identifiers() {
            return words(between(1, 8), () -> random.nextInt(10) < 7 ? identifier() : word(), " ");
        }

        String dictionaryAndJunk() {
            return words(between(1, 60), () -> random.nextInt(10) < 6 ? word() : junk(), " ");
        }

        String typos() {
            return words(between(1, 6), () -> typo(word()), " ");
        }

        String dictionaryWords() {
            String q = words(between(1, 4), this::word, " ");
            return random.nextInt(10) < 3 ? "\"" + q + "\"" : q;
        }

        String mixed() {
            List<Supplier<String>> parts = List.of(this::unicode, this::junk, this::compound, this::identifier,
                    this::word, () -> pick(STOP_WORDS), () -> "\"");
            return words(between(1, 30), () -> pick(parts).get(), pick(List.of(" ", "", "  ", "\n", "\t")));
        }

        String logLine() {
            String level = pick(List.of("INFO", "WARN", "ERROR", "DEBUG", "FATAL"));
            return switch (random.nextInt(5)) {
                case 0 -> identifier() + " " + level + " [" + word() + "-" + between(1, 9) + "] " + word() + "." + word()
                        + " - Connection is not available, request timed out after " + between(1, 60000) + "ms.";
                case 1 -> identifier() + " " + level + " pod/" + word() + "-" + hex(10) + "-" + hex(5)
                        + " OOMKilled exit code " + between(1, 255);
                case 2 -> "    at " + word() + "." + word() + "(" + word() + ".java:" + between(1, 999) + ")";
                case 3 -> "{\"ts\":\"" + identifier() + "\",\"level\":\"" + level + "\",\"msg\":\""
                        + words(between(1, 8), this::word, " ") + "\",\"trace_id\":\"" + hex(32) + "\"}";
                default -> words(between(3, 15), () -> random.nextInt(10) < 7 ? word() : junk(), " ");
            };
        }

        String paste() {
            StringBuilder b = new StringBuilder();
            while (b.length() < 20 * 1024) {
                b.append(logLine()).append('\n');
            }
            return b.toString();
        }
    }
}
