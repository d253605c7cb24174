package dev.hindsight.browser;

import dev.hindsight.BuildOptions;
import dev.hindsight.BuildReport;
import dev.hindsight.Pipeline;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The search of the real content/ site in headless Chromium: typing, ranking and highlighting, typo correction,
 * prefix and phrase queries, facet filters with counts, state in the URL, keyboard navigation, what a cold query
 * downloads, and the no-JavaScript fallback.
 */
class SearchBrowserIT {
    @TempDir
    static Path dir;
    static Path site;
    static Chromium.Session browser;
    static StaticServer server;
    static WebDriver driver;

    @BeforeAll
    static void buildAndServe() throws IOException {
        Path project = Path.of(System.getProperty("hindsight.project.dir", ".")).toAbsolutePath().normalize();
        Chromium.assumeInstalled();
        site = dir.resolve("public");
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

    @BeforeEach
    void scriptsOn() {
        browser.driver().executeCdpCommand("Emulation.setScriptExecutionDisabled", Map.of("value", false));
    }

    private static WebDriverWait await() {
        return new WebDriverWait(driver, Duration.ofSeconds(20));
    }

    private static String status() {
        return driver.findElement(By.cssSelector(".search-status")).getText();
    }

    private static List<WebElement> results() {
        return driver.findElements(By.cssSelector("ol.search-results > li.search-result"));
    }

    private static List<String> titles() {
        return driver.findElements(By.cssSelector("ol.search-results .search-result-title")).stream()
                .map(WebElement::getText).toList();
    }

    /** Waits until the status line reports a finished search (a count, or that nothing matched). */
    private static void awaitSearch(String mustContain) {
        await().until(d -> {
            String s = status();
            return s.contains(mustContain) && d.findElement(By.id("search-app")).getAttribute("aria-busy") == null;
        });
    }

    private static Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    private static String decodedUrl() {
        return URLDecoder.decode(driver.getCurrentUrl(), StandardCharsets.UTF_8);
    }

    @Test
    void slashFocusesTheBoxAndTypingShowsRankedHighlightedResults() {
        driver.get(server.url("incidents/"));
        await().until(d -> "complete".equals(js("return document.readyState")));
        driver.findElement(By.tagName("body")).sendKeys("/");
        assertThat(js("return document.activeElement.id")).isEqualTo("site-search");
        driver.switchTo().activeElement().sendKeys("connection pool" + Keys.ENTER);
        await().until(d -> d.getCurrentUrl().contains("/search/"));
        awaitSearch("match");

        assertThat(status()).containsPattern("\\d+ incidents match \u201cconnection pool\u201d");
        assertThat(titles()).isNotEmpty();
        assertThat(titles().get(0)).containsIgnoringCase("connection pool");
        WebElement first = results().get(0);
        assertThat(first.findElement(By.cssSelector(".search-result-meta")).getText()).matches("\\d{4}-\\d{2}-\\d{2} · SEV\\d.*");
        List<String> marked = first.findElements(By.cssSelector(".search-result-snippet mark")).stream()
                .map(e -> e.getText().toLowerCase()).toList();
        assertThat(marked).isNotEmpty().allMatch(w -> w.startsWith("connection") || w.startsWith("pool"));
        assertThat(decodedUrl()).contains("q=connection pool");
    }

    @Test
    void typingInTheBoxSearchesAsYouTypeWithThePrefixOfTheLastWord() {
        driver.get(server.url("search/"));
        WebElement box = driver.findElement(By.id("site-search"));
        box.sendKeys("coredns tim");
        awaitSearch("coredns tim");
        List<String> every = driver.findElements(By.cssSelector("ol.search-results > li.search-result:not(.search-result-partial) .search-result-title"))
                .stream().map(WebElement::getText).toList();
        assertThat(every).isNotEmpty().allMatch(t -> t.toLowerCase().contains("dns"));
        String prefixStatus = status();
        assertThat(prefixStatus).doesNotContain("No incident");
        assertThat(decodedUrl()).contains("q=coredns tim");
        assertThat(driver.findElements(By.cssSelector(".search-result-snippet mark")).stream()
                .map(e -> e.getText().toLowerCase())).anyMatch(w -> w.startsWith("tim"));
    }

    @Test
    void aQuotedPhraseMustMatchInOrderAndOneThatMatchesNothingIsSearchedAsWords() {
        driver.get(server.url("search/?q=" + enc("\"pool exhaustion\"")));
        awaitSearch("match");
        assertThat(titles()).isNotEmpty();
        assertThat(status()).doesNotContain("without the quotes");
        int phrase = results().size();
        driver.get(server.url("search/?q=" + enc("exhaustion pool")));
        awaitSearch("match");
        List<String> words = titles();
        assertThat(words.size()).as("the words without quotes").isGreaterThanOrEqualTo(phrase);
        driver.get(server.url("search/?q=" + enc("\"exhaustion pool\"")));
        awaitSearch("match");
        assertThat(status()).startsWith("No incident has the quoted words as written; searching them without the quotes.");
        assertThat(titles()).as("what the words find").isEqualTo(words);
    }

    @Test
    void aTypoIsCorrectedAndTheCorrectionCanBeFollowed() {
        driver.get(server.url("search/?q=" + enc("conection pool")));
        awaitSearch("match");
        assertThat(status()).startsWith("Showing results for connection pool").contains("\u201cconection\u201d");
        assertThat(results()).isNotEmpty();
        int corrected = results().size();
        driver.findElement(By.cssSelector("a.search-correction")).click();
        await().until(d -> decodedUrl().contains("q=connection pool"));
        awaitSearch("connection pool");
        assertThat(status()).doesNotContain("Showing results for");
        assertThat(driver.findElement(By.id("site-search")).getAttribute("value")).isEqualTo("connection pool");
        assertThat(results()).hasSize(corrected);
    }

    @Test
    void wordsNoIncidentUsesLeaveAStatusLineNotAnError() {
        for (String q : List.of("30000ms", "12345", "zzzzqqq",
                "HikariPool-1 - Connection is not available, request timed out after 30000ms")) {
            driver.get(server.url("search/?q=" + enc(q)));
            await().until(d -> d.findElement(By.id("search-app")).getAttribute("aria-busy") == null && !status().isEmpty());
            assertThat(status()).as(q).doesNotContain("Search is not available").doesNotContain("undefined");
            assertThat((Boolean) js("return !!document.querySelector('.search-status')")).isTrue();
        }
        driver.get(server.url("search/?q=" + enc("zzzzqqq")));
        awaitSearch("zzzzqqq");
        assertThat(status()).contains("No incident uses \u201czzzzqqq\u201d");
        assertThat(results()).isEmpty();
    }

    @Test
    void aSymptomDescriptionListsPartialMatchesWithWhatTheyMiss() {
        driver.get(server.url("search/?q=" + enc("kafka consumer lag notifications delayed")));
        awaitSearch("of the 5 words");
        assertThat(status()).contains("No incident matches every word");
        assertThat(titles().subList(0, 3)).allMatch(t -> t.toLowerCase().contains("lag") || t.toLowerCase().contains("rebalance"));
        assertThat(driver.findElements(By.cssSelector(".search-result-match")).get(0).getText())
                .matches("matches \\d of 5 words · missing: .+");
        // Every-word matches come first; the partial ones follow under a divider.
        driver.get(server.url("search/?q=" + enc("pods oomkilled after deploy memory limit")));
        awaitSearch("of the 6 words");
        List<WebElement> items = driver.findElements(By.cssSelector("ol.search-results > li"));
        int divider = -1;
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).getAttribute("class").contains("search-divider")) {
                divider = i;
            }
        }
        assertThat(divider).as("the divider follows the every-word matches").isPositive();
        assertThat(items.subList(0, divider)).noneMatch(li -> li.getAttribute("class").contains("partial"));
        assertThat(items.subList(divider + 1, items.size())).allMatch(li -> li.getAttribute("class").contains("partial"));
    }

    @Test
    void aPastedLogIsReadAsMoreLikeThis() {
        driver.get(server.url("search/"));
        String paste = "2025-03-10T14:22:01.123Z ERROR [http-nio-8080-exec-7] c.z.h.p.HikariPool\n"
                + "HikariPool-1 - Connection is not available, request timed out after 30000ms (total=40, active=40, idle=0, waiting=112) on checkout-api";
        js("var b = document.getElementById('site-search'); b.value = arguments[0]; b.dispatchEvent(new Event('input'));", paste);
        awaitSearch("Read as pasted text");
        assertThat(titles()).isNotEmpty();
        assertThat(titles().subList(0, 3)).anyMatch(t -> t.contains("HikariCP"));
        assertThat(driver.findElements(By.cssSelector(".search-result-match")).get(0).getText()).startsWith("shares: ")
                .contains("same service: ");
        assertThat(status()).doesNotContain("Showing results for").contains("It mentions service ");
    }

    @Test
    void aFacetNarrowsTheResultsUpdatesTheCountsAndSurvivesAReload() {
        driver.get(server.url("search/?q=kubernetes"));
        awaitSearch("match");
        int all = results().size();
        WebElement causes = driver.findElement(By.cssSelector("fieldset.facet[data-dim=causes]"));
        WebElement narrower = null;
        int expected = 0;
        for (WebElement label : causes.findElements(By.cssSelector("label.facet-value"))) {
            int count = Integer.parseInt(label.findElement(By.cssSelector(".facet-count")).getText());
            if (count > 0 && count < all) {
                narrower = label;
                expected = count;
                break;
            }
        }
        assertThat(narrower).as("a cause that only some of the %d results have", all).isNotNull();
        String value = narrower.findElement(By.tagName("input")).getAttribute("value");
        String servicesBefore = facetCounts("services");
        narrower.findElement(By.tagName("input")).click();
        int narrowed = expected;
        await().until(d -> results().size() == narrowed && status().contains("with these filters"));
        assertThat(status()).startsWith(narrowed == 1 ? "1 incident matches" : narrowed + " incidents match");
        assertThat(facetCounts("services")).as("other facets count only the narrowed results").isNotEqualTo(servicesBefore);
        assertThat(decodedUrl()).contains("q=kubernetes").contains("cause=" + value);
        List<String> before = titles();

        driver.navigate().refresh();
        awaitSearch("with these filters");
        assertThat(titles()).isEqualTo(before);
        assertThat(driver.findElement(By.id("site-search")).getAttribute("value")).isEqualTo("kubernetes");
        assertThat(driver.findElement(By.cssSelector("fieldset.facet[data-dim=causes] input[value='" + value + "']"))
                .isSelected()).isTrue();

        String shared = driver.getCurrentUrl();
        driver.get(server.url("incidents/"));
        driver.get(shared);
        awaitSearch("with these filters");
        assertThat(titles()).as("a shared URL in a fresh page").isEqualTo(before);
    }

    private static String facetCounts(String dim) {
        return driver.findElements(By.cssSelector("fieldset.facet[data-dim=" + dim + "] label.facet-value")).stream()
                .map(WebElement::getText).toList().toString();
    }

    @Test
    void arrowKeysMoveThroughTheResultsAndEnterOpensOne() {
        driver.get(server.url("search/?q=dns"));
        awaitSearch("match");
        List<WebElement> links = driver.findElements(By.cssSelector("a.search-result-link"));
        assertThat(links).hasSizeGreaterThanOrEqualTo(2);
        String second = links.get(1).getAttribute("href");
        WebElement box = driver.findElement(By.id("site-search"));
        box.click();
        box.sendKeys(Keys.ARROW_DOWN);
        assertThat(js("return document.activeElement.getAttribute('href')")).isEqualTo(links.get(0).getDomAttribute("href"));
        driver.switchTo().activeElement().sendKeys(Keys.ARROW_DOWN);
        assertThat(js("return document.activeElement.href")).isEqualTo(second);
        driver.switchTo().activeElement().sendKeys(Keys.ARROW_UP);
        driver.switchTo().activeElement().sendKeys(Keys.ARROW_UP);
        assertThat(js("return document.activeElement.id")).as("up from the first result").isEqualTo("site-search");
        box.sendKeys(Keys.ARROW_DOWN);
        driver.switchTo().activeElement().sendKeys(Keys.ARROW_DOWN);
        driver.switchTo().activeElement().sendKeys(Keys.ENTER);
        await().until(d -> d.getCurrentUrl().equals(second));
        assertThat(driver.getCurrentUrl()).contains("/incidents/");
    }

    @Test
    void aColdTwoWordQueryDownloadsOnlyAFewShards() throws IOException {
        long indexBytes;
        long indexFiles;
        try (Stream<Path> walk = Files.walk(site.resolve("search"))) {
            List<Path> files = walk.filter(p -> Files.isRegularFile(p) && p.toString().endsWith(".bin")).toList();
            indexFiles = files.size();
            long sum = 0;
            for (Path f : files) {
                sum += Files.size(f);
            }
            indexBytes = sum;
        }
        driver.get("about:blank");
        server.resetCounts();
        driver.get(server.url("search/?q=" + enc("kafka lag")));
        awaitSearch("match");
        await().until(d -> results().size() > 0);
        List<String> shards = server.served().stream().filter(s -> s.contains("/search/") && s.endsWith(".bin")).toList();
        long shardBytes = shards.stream().mapToLong(s -> size(s.substring(s.indexOf(' ') + 1))).sum();
        System.out.printf("cold query \"kafka lag\" on content/: %d of %d index files, %d of %d bytes: %s%n",
                shards.size(), indexFiles, shardBytes, indexBytes, shards);
        assertThat(shards).allMatch(s -> s.startsWith("200 "));
        assertThat(shards).anyMatch(s -> s.contains("/search/manifest."));
        assertThat(shards.size()).as("files fetched").isLessThan((int) indexFiles / 2);
        assertThat(shardBytes).as("bytes fetched").isLessThan(indexBytes / 2);
        assertThat(shards).noneMatch(s -> s.contains("/typo.")).as("no typo lexicon when every word matches");
    }

    private static long size(String path) {
        try {
            return Files.size(site.resolve(path.substring(1)));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void withoutJavaScriptTheSearchPageListsEveryIncident() {
        browser.driver().executeCdpCommand("Emulation.setScriptExecutionDisabled", Map.of("value", true));
        driver.get(server.url(""));
        WebElement box = driver.findElement(By.id("site-search"));
        box.sendKeys("dns" + Keys.ENTER);
        await().until(d -> d.getCurrentUrl().contains("/search/"));
        List<WebElement> listed = driver.findElements(By.cssSelector("main ul.incident-list a"));
        int incidents = driver.findElement(By.tagName("main")).findElements(By.cssSelector("ul.incident-list > li")).size();
        assertThat(listed).as("the all-incidents list inside <noscript> is shown").isNotEmpty();
        assertThat(listed.get(0).isDisplayed()).isTrue();
        assertThat(incidents).isEqualTo(countIncidentPages());
        assertThat(driver.findElements(By.cssSelector("ol.search-results"))).isEmpty();
    }

    private static int countIncidentPages() {
        try (Stream<Path> list = Files.list(site.resolve("incidents"))) {
            return (int) list.filter(p -> Files.isRegularFile(p.resolve("index.html"))).count();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
