package dev.hindsight.browser;

import dev.hindsight.BuildOptions;
import dev.hindsight.BuildReport;
import dev.hindsight.Pipeline;
import dev.hindsight.TestFolders;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Search in Japanese, Chinese and Korean in headless Chromium, on the CJK fixture site (src/test/resources/sites/cjk)
 * built whole: a word typed into the box finds the incident that holds it inside a longer run, the snippet marks the
 * word whole, Latin words beside CJK text are marked too, and the opened incident page marks what the search found.
 */
class CjkSearchBrowserIT {
    @TempDir
    static Path dir;
    static Chromium.Session browser;
    static StaticServer server;
    static ChromeDriver driver;

    @BeforeAll
    static void buildAndServe() throws IOException {
        Chromium.assumeInstalled();
        Path site = dir.resolve("public");
        BuildReport report = new Pipeline(s -> { }).build(BuildOptions.defaults(dir, LocalDate.of(2026, 11, 1))
                .withContent(TestFolders.cjkSite()).withDestination(site).withCache(dir.resolve("cache")));
        assertThat(report.published()).as("build: %s", report.problems()).isTrue();
        server = StaticServer.start(site);
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

    private static WebDriverWait await() {
        return new WebDriverWait(driver, Duration.ofSeconds(20));
    }

    private static void awaitResults() {
        await().until(d -> d.findElement(By.id("search-app")).getAttribute("aria-busy") == null
                && !d.findElements(By.cssSelector("li.search-result")).isEmpty());
    }

    private static void search(String q) {
        Browse.open(driver, server.url("search/?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)));
        awaitResults();
    }

    private static List<String> titles() {
        return driver.findElements(By.cssSelector("ol.search-results .search-result-title")).stream()
                .map(WebElement::getText).toList();
    }

    private static List<String> marks(String css) {
        return driver.findElements(By.cssSelector(css)).stream().map(WebElement::getText).toList();
    }

    @Test
    void aJapaneseWordTypedInTheBoxFindsTheIncidentHoldingItInALongerRun() {
        Browse.open(driver, server.url("incidents/"));
        driver.findElement(By.tagName("body")).sendKeys("/");
        driver.switchTo().activeElement().sendKeys("データベース" + Keys.ENTER);
        await().until(d -> d.getCurrentUrl().contains("/search/"));
        awaitResults();
        assertThat(URLDecoder.decode(driver.getCurrentUrl(), StandardCharsets.UTF_8)).contains("q=データベース");
        assertThat(driver.findElement(By.cssSelector(".search-status")).getText()).contains("1 incident matches");
        assertThat(titles()).containsExactly("決済APIのデータベース障害");
        assertThat(marks(".search-result-snippet mark")).as("the word marked whole, not as bigrams")
                .isNotEmpty().allMatch("データベース"::equals);
    }

    @Test
    void chineseKoreanAndALoneKanjiAreFoundAndMarked() {
        search("连接池");
        assertThat(titles()).containsExactly("订单服务数据库连接池耗尽");
        assertThat(marks(".search-result-snippet mark")).contains("连接池");
        search("데이터베이스");
        assertThat(titles()).containsExactly("로그인 캐시 서버 장애");
        assertThat(marks(".search-result-snippet mark")).contains("데이터베이스");
        search("東");
        assertThat(titles()).containsExactly("東 リージョンで名前解決が失敗");
        assertThat(marks(".search-result-snippet mark")).contains("東");
    }

    @Test
    void latinBesideCjkAndFullwidthLettersAreMarked() {
        search("DB障害 api-gateway");
        int at = titles().indexOf("決済APIのデータベース障害");
        assertThat(at).as("found, beside the English incident that says database and outage").isNotNegative();
        assertThat(marks("li.search-result:nth-child(" + (at + 1) + ") .search-result-snippet mark")).contains("DB", "障害");
        search("503");
        assertThat(titles()).containsExactly("ＡＰＩゲートウェイで５０３エラーが多発");
        assertThat(marks(".search-result-snippet mark")).contains("５０３");
    }

    @Test
    void theOpenedIncidentMarksTheCjkWordInsideALongerRun() {
        search("接続プール DB");
        String href = driver.findElement(By.cssSelector("a.search-result-link")).getAttribute("href");
        assertThat(URLDecoder.decode(href, StandardCharsets.UTF_8)).contains("#hl=").contains("接続プール");
        driver.findElement(By.cssSelector("a.search-result-link")).click();
        await().until(d -> !d.findElements(By.cssSelector("mark.search-hit")).isEmpty());
        List<String> marked = marks("mark.search-hit");
        assertThat(marked).as("database: the shipped synonym of db").contains("接続プール", "DB")
                .allMatch(w -> w.equals("接続プール") || w.equalsIgnoreCase("db") || w.equals("database"));
        assertThat(driver.findElement(By.cssSelector(".search-hit-notice")).getText()).contains("marked on this page");
        search("東");
        driver.findElement(By.cssSelector("a.search-result-link")).click();
        await().until(d -> !d.findElements(By.cssSelector("mark.search-hit")).isEmpty());
        assertThat(marks("mark.search-hit")).as("a lone kanji is passed on and marked").isNotEmpty().allMatch("東"::equals);
        Browse.open(driver, server.url("incidents/2024-05-10-payments-db-outage/#hl="
                + URLEncoder.encode("データ データベース", StandardCharsets.UTF_8).replace("+", "%20")));
        await().until(d -> !d.findElements(By.cssSelector("mark.search-hit")).isEmpty());
        assertThat(marks("mark.search-hit")).as("the longer word wins where both match").contains("データベース")
                .doesNotContain("データ");
    }
}
