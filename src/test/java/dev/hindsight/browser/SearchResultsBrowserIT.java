package dev.hindsight.browser;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Search results a person can act on mid-incident, in headless Chromium on the content/ site: results first on a
 * phone, filters folded behind a button that counts the active ones, cards that say what fixed the incident, the
 * opened incident page marking the search's words, room for a paste, and long input kept out of the address.
 */
class SearchResultsBrowserIT {
    static final String RELAXED = "kafka consumer lag notifications delayed";
    static final String PASTE = "2025-03-10T14:22:01.123Z ERROR [http-nio-8080-exec-7] c.z.h.p.HikariPool\n"
            + "HikariPool-1 - Connection is not available, request timed out after 30000ms on checkout-api "
            + "(customer jane.doe@example.com, token eyJhbGciOiJIUzI1NiJ9)";
    static Chromium.Session browser;
    static StaticServer server;
    static ChromeDriver driver;

    @BeforeAll
    static void start() throws IOException {
        Chromium.assumeInstalled();
        server = StaticServer.start(ContentSite.get().publicDir());
        browser = Chromium.start();
        driver = browser.driver();
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

    private static void awaitResults() {
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d ->
                d.findElement(By.id("search-app")).getAttribute("aria-busy") == null
                        && !d.findElements(By.cssSelector("li.search-result")).isEmpty());
    }

    private static void search(String q) {
        Browse.open(driver, server.url("search/?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)));
        awaitResults();
    }

    private static double firstResultTop() {
        return Browse.number(driver, "return document.querySelector('li.search-result').getBoundingClientRect().top + scrollY");
    }

    @Test
    void resultsComeFirstAtEveryWidthInLightAndDark() {
        List<String> seen = new ArrayList<>();
        for (String scheme : List.of("light", "dark")) {
            for (int width : List.of(375, 768, 1280)) {
                Browse.screen(driver, width, 800, scheme);
                for (String q : List.of(RELAXED, "connection pool")) {
                    search(q);
                    double top = firstResultTop();
                    seen.add(width + " " + scheme + " " + q + ": " + (int) top);
                    assertThat(top).as("first result of \"%s\" at %d px, %s", q, width, scheme).isLessThanOrEqualTo(400);
                    assertThat(Browse.number(driver, "return document.documentElement.scrollWidth - innerWidth"))
                            .as("no sideways scroll at %d px", width).isLessThanOrEqualTo(0);
                }
            }
        }
        System.out.println("first result offsets: " + seen);
    }

    @Test
    void filtersFoldOnAPhoneBehindAButtonThatCountsTheActiveOnes() {
        Browse.screen(driver, 375, 800, "light");
        search("connection pool");
        WebElement filters = driver.findElement(By.cssSelector("details.search-filters"));
        assertThat(filters.getAttribute("open")).as("folded on a phone").isNull();
        assertThat(driver.findElements(By.cssSelector(".facet-value")).stream().filter(WebElement::isDisplayed)).isEmpty();
        WebElement summary = filters.findElement(By.tagName("summary"));
        assertThat(summary.getText()).isEqualTo("Filters");
        summary.click();
        WebElement box = driver.findElement(By.cssSelector(".facet[data-dim='causes'] input"));
        box.click();
        awaitResults();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d ->
                d.findElement(By.cssSelector("details.search-filters summary")).getText().contains("1 active"));
        assertThat(driver.getCurrentUrl()).contains("cause=");
        // In relaxed mode the facet columns load only once the filters are opened.
        search(RELAXED);
        assertThat(driver.findElements(By.cssSelector(".facet"))).isEmpty();
        driver.findElement(By.cssSelector("details.search-filters summary")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> !d.findElements(By.cssSelector(".facet")).isEmpty());
    }

    @Test
    void cardsSayWhatItWasAndWhatFixedIt() {
        Browse.screen(driver, 1280, 900, "light");
        search("consumer lag rebalance");
        WebElement first = driver.findElement(By.cssSelector("li.search-result"));
        String meta = first.findElement(By.cssSelector(".search-result-meta")).getText();
        assertThat(meta).as("service labels, not ids").contains("Warehouse sync").doesNotContain("warehouse-sync");
        assertThat(first.findElement(By.cssSelector(".search-result-snippet .search-result-section")).getText())
                .as("the snippet names its section").endsWith(":");
        assertThat(first.findElement(By.cssSelector(".search-result-fix")).getText()).startsWith("Fixed by: ").hasSizeGreaterThan(15);
        search(RELAXED);
        assertThat(driver.findElement(By.cssSelector("li.search-result-partial .search-result-match")).getText())
                .matches("matches \\d of 5 words · missing: .+");
    }

    @Test
    void theOpenedIncidentMarksTheWordsAndScrollsToTheFirst() {
        Browse.screen(driver, 1280, 800, "light");
        search("rebalance storm");
        String href = driver.findElement(By.cssSelector("a.search-result-link")).getAttribute("href");
        assertThat(href).contains("#hl=");
        driver.findElement(By.cssSelector("a.search-result-link")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> !d.findElements(By.cssSelector("mark.search-hit")).isEmpty());
        List<String> marked = driver.findElements(By.cssSelector("mark.search-hit")).stream()
                .map(e -> e.getText().toLowerCase()).distinct().toList();
        assertThat(marked).isNotEmpty().allMatch(w -> w.startsWith("rebalanc") || w.startsWith("storm"));
        assertThat(Browse.number(driver, "var r = document.querySelector('mark.search-hit-first').getBoundingClientRect();"
                + " return r.top >= 0 && r.bottom <= innerHeight ? 1 : 0")).as("the first mark is on screen").isEqualTo(1);
        assertThat(driver.findElement(By.cssSelector(".search-hit-notice")).getText()).contains("marked on this page");
        driver.findElement(By.cssSelector(".search-hit-clear")).click();
        assertThat(driver.findElements(By.cssSelector("mark.search-hit"))).isEmpty();
        assertThat(driver.getCurrentUrl()).doesNotContain("#hl=");
    }

    @Test
    void thereIsRoomForAPasteAndItStaysOutOfTheAddress() {
        Browse.screen(driver, 1280, 900, "light");
        Browse.open(driver, server.url(ContentSite.INCIDENT));
        WebElement box = driver.findElement(By.id("site-search"));
        double before = box.getSize().getWidth();
        box.click();
        new WebDriverWait(driver, Duration.ofSeconds(5)).until(d -> d.findElement(By.id("site-search")).getSize().getWidth() > before + 100);

        // A long paste in the header box of another page lands on the search page without the address carrying it.
        driver.executeScript("var b = document.getElementById('site-search'); b.value = arguments[0];", PASTE.replace('\n', ' '));
        box.sendKeys(Keys.ENTER);
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().contains("/search/"));
        awaitResults();
        assertThat(driver.getCurrentUrl()).endsWith("#pasted").doesNotContain("q=").doesNotContain("jane").doesNotContain("eyJ");
        assertThat(driver.findElement(By.cssSelector(".search-private")).isDisplayed()).isTrue();
        assertThat(driver.findElement(By.cssSelector(".search-status")).getText()).startsWith("Read as pasted text");
        driver.navigate().refresh();
        awaitResults();
        assertThat(driver.findElement(By.cssSelector(".search-status")).getText()).as("the paste survives a reload in the tab")
                .startsWith("Read as pasted text");

        // The search page's multi-line box keeps the line breaks of a pasted log.
        Browse.open(driver, server.url("search/"));
        driver.findElement(By.cssSelector("details.search-paste summary")).click();
        WebElement area = driver.findElement(By.id("search-paste"));
        driver.executeScript("arguments[0].value = arguments[1];", area, PASTE);
        driver.findElement(By.cssSelector(".search-paste-go")).click();
        awaitResults();
        assertThat(driver.getCurrentUrl()).endsWith("#pasted").doesNotContain("q=");
        assertThat(driver.findElement(By.cssSelector("a.search-result-link .search-result-title")).getText()).isNotEmpty();

        // A short query keeps its state in the address, as before.
        search("connection pool");
        assertThat(driver.getCurrentUrl()).contains("q=connection").doesNotContain("#pasted");
        assertThat(driver.findElement(By.cssSelector(".search-private")).isDisplayed()).isFalse();
    }
}
