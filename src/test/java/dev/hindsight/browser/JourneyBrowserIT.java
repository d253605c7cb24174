package dev.hindsight.browser;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The paths people take through the content/ site, clicked in a real browser: a new hire's first reading, an
 * engineer narrowing the incident table, and a team lead following a cause to its incidents.
 */
class JourneyBrowserIT {

    @Test
    void newHireGoesFromHomeToStartHereToAnIncidentToASimilarOneAndBack() throws Exception {
        try (Chromium.Session s = Chromium.start(); StaticServer server = StaticServer.start(ContentSite.get().publicDir())) {
            ChromeDriver d = s.driver();
            Browse.open(d, server.url(""));
            click(d, d.findElement(By.cssSelector(".hero-actions a.primary")));
            assertThat(d.findElement(By.tagName("h1")).getText()).isEqualTo("Start here");

            click(d, d.findElement(By.cssSelector("main .prose a[href*='incidents/20']")));
            String first = d.getCurrentUrl();
            String firstTitle = d.findElement(By.id("incident-title")).getText();
            assertThat(first).contains("/incidents/20");
            assertThat(d.findElement(By.cssSelector(".incident-head .badge")).getText()).matches("SEV\\d");

            WebElement similar = d.findElement(By.cssSelector(".connections .similar-list a"));
            String similarTitle = similar.getText();
            click(d, similar);
            assertThat(d.getCurrentUrl()).isNotEqualTo(first).contains("/incidents/20");
            assertThat(d.findElement(By.id("incident-title")).getText()).isEqualTo(similarTitle);

            d.navigate().back();
            Browse.settle(d);
            assertThat(d.getCurrentUrl()).isEqualTo(first);
            assertThat(d.findElement(By.id("incident-title")).getText()).isEqualTo(firstTitle);
            d.navigate().back();
            Browse.settle(d);
            assertThat(d.findElement(By.tagName("h1")).getText()).isEqualTo("Start here");
        }
    }

    @Test
    void anIncidentThatCameBackSaysSoInItsHeaderAndLinksTheRecurrence() throws Exception {
        try (Chromium.Session s = Chromium.start(); StaticServer server = StaticServer.start(ContentSite.get().publicDir())) {
            ChromeDriver d = s.driver();
            Browse.open(d, server.url("incidents/2022-06-08-edge-proxy-certificate-expired/"));
            WebElement note = d.findElement(By.cssSelector("p.came-back"));
            assertThat(note.isDisplayed()).isTrue();
            assertThat(note.getText()).startsWith("Came back: 2023-09-19 after all action items were closed");
            // In the header, above the fold: a reader sees it before the body.
            assertThat(note.getLocation().getY()).isLessThan(d.manage().window().getSize().getHeight());
            click(d, note.findElements(By.tagName("a")).get(1));
            assertThat(d.getCurrentUrl()).contains("/incidents/2025-06-02-edge-proxy-callback-certificate-expired/");
            WebElement back = d.findElement(By.cssSelector("p.recurs a"));
            assertThat(back.getAttribute("title")).contains("in the same service (edge-proxy)");
            click(d, back);
            assertThat(d.getCurrentUrl()).contains("/incidents/2022-06-08-edge-proxy-certificate-expired/");
        }
    }

    @Test
    void allIncidentsSortBySeverityThenFilterByService() throws Exception {
        try (Chromium.Session s = Chromium.start(); StaticServer server = StaticServer.start(ContentSite.get().publicDir())) {
            ChromeDriver d = s.driver();
            Browse.open(d, server.url(""));
            click(d, d.findElement(By.cssSelector(".site-nav a[href*='incidents/']")));
            int total = rows(d).size();
            assertThat(total).isGreaterThan(20);

            click(d, d.findElement(By.xpath("//table[@id='incident-table']//th[contains(., 'Severity')]//button")));
            List<Double> ranks = d.findElements(By.cssSelector("#incident-table tbody tr td:nth-child(2)")).stream()
                    .map(td -> Double.parseDouble(td.getAttribute("data-sort"))).toList();
            assertThat(ranks).as("severity ranks after sorting").isSorted();
            assertThat(rows(d).get(0).findElement(By.cssSelector(".badge")).getText()).isEqualTo("SEV1");
            assertThat(d.getCurrentUrl()).as("the sort is kept in the URL").contains("sort=1");

            Select service = new Select(d.findElement(By.id("filter-services")));
            service.selectByValue("orders-db");
            List<WebElement> shown = rows(d).stream().filter(WebElement::isDisplayed).toList();
            assertThat(shown).hasSize(5);
            assertThat(shown).allSatisfy(r -> assertThat(r.getAttribute("data-services")).contains("|orders-db|"));
            assertThat(shown).allSatisfy(r -> assertThat(r.getText()).contains("Orders database"));
            assertThat(d.findElement(By.cssSelector(".filter-count")).getText()).isEqualTo("Showing 5 of " + total);
            List<Double> shownRanks = shown.stream()
                    .map(r -> Double.parseDouble(r.findElement(By.cssSelector("td:nth-child(2)")).getAttribute("data-sort")))
                    .toList();
            assertThat(shownRanks).as("still sorted by severity").isSorted();

            // A shared link restores the same view.
            String shared = d.getCurrentUrl();
            Browse.open(d, shared);
            assertThat(rows(d).stream().filter(WebElement::isDisplayed).count()).isEqualTo(5);
        }
    }

    @Test
    void theIncidentTableIsCompleteWithoutJavaScript() throws Exception {
        try (Chromium.Session s = Chromium.start(); StaticServer server = StaticServer.start(ContentSite.get().publicDir())) {
            ChromeDriver d = s.driver();
            d.executeCdpCommand("Emulation.setScriptExecutionDisabled", Map.of("value", true));
            Browse.open(d, server.url("incidents/"));
            List<WebElement> rows = rows(d);
            assertThat(rows).hasSizeGreaterThan(20).allSatisfy(r -> assertThat(r.isDisplayed()).isTrue());
            assertThat(d.findElement(By.cssSelector("form.table-filters")).isDisplayed()).as("filters need JS").isFalse();
            assertThat(d.findElements(By.cssSelector("th button.sort"))).as("table.js did not run").isEmpty();
            assertThat(rows.get(0).getText()).contains("SEV");
            // Without JS, the indexes are the way to narrow down.
            click(d, d.findElement(By.cssSelector(".lead-small a[href*='services/']")));
            assertThat(d.findElement(By.tagName("h1")).getText()).startsWith("Services");
        }
    }

    @Test
    void aCauseIndexLeadsToATermAndToAnIncidentWithThatCause() throws Exception {
        try (Chromium.Session s = Chromium.start(); StaticServer server = StaticServer.start(ContentSite.get().publicDir())) {
            ChromeDriver d = s.driver();
            Browse.open(d, server.url(""));
            click(d, d.findElement(By.cssSelector(".site-nav a[href*='causes/']")));
            assertThat(d.findElement(By.tagName("h1")).getText()).startsWith("Causes");

            WebElement term = d.findElement(By.xpath("//ul[contains(@class,'bars')]//a[contains(., 'Expired certificate')]"));
            String count = term.findElement(By.xpath("../span[contains(@class,'count')]")).getText().replaceAll("\\D", "");
            click(d, term);
            assertThat(d.findElement(By.tagName("h1")).getText()).contains("Expired certificate or credential");
            assertThat(rows(d)).hasSize(Integer.parseInt(count));

            click(d, rows(d).get(0).findElement(By.cssSelector("td:nth-child(3) a")));
            assertThat(d.getCurrentUrl()).contains("/incidents/20");
            assertThat(d.findElement(By.xpath("//dl[@class='facts']//div[dt='Causes']/dd")).getText())
                    .contains("Expired certificate or credential");
        }
    }

    private static List<WebElement> rows(ChromeDriver d) {
        return d.findElements(By.cssSelector("#incident-table tbody tr"));
    }

    /** Clicks a link or button as a person would and waits for the page that follows, if any. */
    private static void click(ChromeDriver d, WebElement element) {
        d.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", element);
        element.click();
        Browse.settle(d);
    }
}
