package dev.hindsight.browser;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The action-items page's filters in Chromium: choosing a team and a status narrows the visible rows and writes the
 * choice into the URL; a URL with {@code ?team=…&status=…} restores the filters; home's overdue count opens the page
 * filtered to overdue items; without JavaScript every item shows, grouped, and the filters are hidden.
 */
class ActionItemsBrowserIT {
    private static List<WebElement> rows(ChromeDriver d) {
        return d.findElements(By.cssSelector("section.action-group tbody tr"));
    }

    private static List<WebElement> shown(ChromeDriver d) {
        return rows(d).stream().filter(WebElement::isDisplayed).toList();
    }

    private static String section(WebElement row) {
        return row.findElement(By.xpath("ancestor::section[1]")).getAttribute("data-team");
    }

    @Test
    void choosingATeamAndAStatusFiltersTheRowsAndKeepsThemInTheUrl() throws Exception {
        try (Chromium.Session s = Chromium.start(); StaticServer server = StaticServer.start(ContentSite.get().publicDir())) {
            ChromeDriver d = s.driver();
            Browse.open(d, server.url("action-items/"));
            int all = rows(d).size();
            assertThat(all).isGreaterThan(10);
            assertThat(shown(d)).hasSize(all);

            new Select(d.findElement(By.id("filter-team"))).selectByValue("payments");
            assertThat(d.getCurrentUrl()).endsWith("action-items/?team=payments");
            List<WebElement> payments = shown(d);
            assertThat(payments).isNotEmpty().hasSizeLessThan(all).allSatisfy(r -> assertThat(section(r)).isEqualTo("payments"));
            assertThat(d.findElements(By.cssSelector("section.action-group")).stream().filter(WebElement::isDisplayed)
                    .map(g -> g.getAttribute("data-team")).toList()).containsExactly("payments");

            new Select(d.findElement(By.id("filter-status"))).selectByValue("overdue");
            assertThat(d.getCurrentUrl()).endsWith("action-items/?team=payments&status=overdue");
            List<WebElement> overdue = shown(d);
            assertThat(overdue).isNotEmpty().hasSizeLessThanOrEqualTo(payments.size())
                    .allSatisfy(r -> assertThat(r.getAttribute("data-overdue")).isEqualTo("true"));
            long expected = d.findElements(By.cssSelector("section[data-team=payments] tbody tr[data-overdue=true]")).size();
            assertThat(overdue).hasSize((int) expected);
            assertThat(d.findElement(By.cssSelector("#action-filters .filter-status")).getText())
                    .isEqualTo("Showing " + expected + " of " + all + " items");

            new Select(d.findElement(By.id("filter-team"))).selectByValue("");
            new Select(d.findElement(By.id("filter-status"))).selectByValue("");
            assertThat(d.getCurrentUrl()).endsWith("action-items/");
            assertThat(shown(d)).hasSize(all);
        }
    }

    @Test
    void aUrlWithFiltersRestoresThemAndHomesOverdueCountOpensTheOverdueView() throws Exception {
        try (Chromium.Session s = Chromium.start(); StaticServer server = StaticServer.start(ContentSite.get().publicDir())) {
            ChromeDriver d = s.driver();
            Browse.open(d, server.url("action-items/?team=platform&status=not-overdue"));
            assertThat(new Select(d.findElement(By.id("filter-team"))).getFirstSelectedOption().getAttribute("value")).isEqualTo("platform");
            assertThat(new Select(d.findElement(By.id("filter-status"))).getFirstSelectedOption().getAttribute("value"))
                    .isEqualTo("not-overdue");
            assertThat(shown(d)).allSatisfy(r -> {
                assertThat(section(r)).isEqualTo("platform");
                assertThat(r.getAttribute("data-overdue")).isEqualTo("false");
            });
            assertThat(shown(d)).hasSize(d.findElements(By.cssSelector("section[data-team=platform] tbody tr[data-overdue=false]")).size());

            Browse.open(d, server.url(""));
            WebElement overdueCount = d.findElement(By.cssSelector("ul.stats a[href$='?status=overdue']"));
            int count = Integer.parseInt(overdueCount.findElement(By.tagName("strong")).getText());
            d.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", overdueCount);
            overdueCount.click();
            new WebDriverWait(d, Duration.ofSeconds(10)).until(x -> x.getCurrentUrl().contains("action-items/"));
            Browse.settle(d);
            assertThat(d.getCurrentUrl()).endsWith("?status=overdue");
            assertThat(shown(d)).hasSize(count).allSatisfy(r -> assertThat(r.getAttribute("data-overdue")).isEqualTo("true"));
        }
    }

    @Test
    void withoutJavaScriptEveryItemShowsGroupedWhateverTheUrlSays() throws Exception {
        try (Chromium.Session s = Chromium.start(); StaticServer server = StaticServer.start(ContentSite.get().publicDir())) {
            ChromeDriver d = s.driver();
            d.executeCdpCommand("Emulation.setScriptExecutionDisabled", Map.of("value", true));
            Browse.open(d, server.url("action-items/?team=payments&status=overdue"));
            List<WebElement> rows = rows(d);
            assertThat(rows).hasSizeGreaterThan(10).allSatisfy(r -> assertThat(r.isDisplayed()).isTrue());
            assertThat(rows.stream().map(ActionItemsBrowserIT::section).distinct().count()).isGreaterThan(2);
            assertThat(d.findElement(By.id("action-filters")).isDisplayed()).as("filters need JS").isFalse();
            assertThat(d.findElement(By.cssSelector("a[download]")).isDisplayed()).isTrue();
        }
    }
}
