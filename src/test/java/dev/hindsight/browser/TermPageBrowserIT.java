package dev.hindsight.browser;

import dev.hindsight.render.BusyTermSite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service, cause and team pages' "how is this going?" part in real Chromium: on a phone (375 px) and on a
 * desktop nothing scrolls sideways, the per-year chart is an image whose accessible name states every year's count,
 * and its bars are drawn taller for busier years. Screenshots go to {@code <build dir>/screenshots/}. A busy term's
 * link to the rest of its incidents opens the incident list narrowed to that term.
 */
class TermPageBrowserIT {
    private static final List<String> PAGES = List.of("services/checkout-api/", "causes/capacity/", "teams/platform/");

    @Test
    void termPagesFitAPhoneAndTheChartHasAnAccessibleNameWithItsNumbers() throws Exception {
        try (Chromium.Session s = Chromium.start(); StaticServer server = StaticServer.start(ContentSite.get().publicDir())) {
            ChromeDriver d = s.driver();
            for (int width : new int[] {375, 1280}) {
                Browse.screen(d, width, 800, "light");
                for (String page : PAGES) {
                    Browse.open(d, server.url(page));
                    String view = page + " at " + width + " px";
                    assertThat(Browse.number(d, "return document.documentElement.scrollWidth"))
                            .as(view + " scrolls sideways")
                            .isLessThanOrEqualTo(Browse.number(d, "return document.documentElement.clientWidth"));
                    WebElement chart = d.findElement(By.cssSelector(".year-chart"));
                    assertThat(chart.getAriaRole()).as(view).isIn("img", "image"); // Chromium names the img role "image"
                    List<WebElement> years = chart.findElements(By.cssSelector(".yc"));
                    assertThat(years).as(view + " has a bar per year").hasSizeGreaterThanOrEqualTo(2);
                    StringBuilder expected = new StringBuilder("Incidents per year: ");
                    for (int i = 0; i < years.size(); i++) {
                        expected.append(i == 0 ? "" : ", ").append(years.get(i).findElement(By.cssSelector(".yc-year")).getText())
                                .append(": ").append(years.get(i).findElement(By.cssSelector(".yc-count")).getText());
                    }
                    assertThat(chart.getAccessibleName()).as(view).isEqualTo(expected + ".");
                    // A busier year's bar is drawn taller, and a year without incidents has none.
                    double tallest = 0;
                    int most = 0;
                    for (WebElement y : years) {
                        int count = Integer.parseInt(y.findElement(By.cssSelector(".yc-count")).getText());
                        double h = y.findElement(By.cssSelector("rect")).getRect().getHeight();
                        if (count == 0) {
                            assertThat(h).as(view).isLessThan(1);
                        }
                        if (count > most) {
                            assertThat(h).as(view + ": a busier year is taller").isGreaterThan(tallest);
                            most = count;
                            tallest = h;
                        }
                    }
                    assertThat(chart.getRect().getWidth()).as(view + ": the chart fits its panel")
                            .isLessThanOrEqualTo(d.findElement(By.cssSelector(".term-status .panel")).getRect().getWidth());
                    Files.write(ContentSite.get().output("screenshots").resolve("term-" + page.replace('/', '-') + width + ".png"),
                            d.getScreenshotAs(OutputType.BYTES));
                }
            }
        }
    }

    @Test
    void aBusyTermsLinkOpensTheIncidentListShowingExactlyItsIncidents(@TempDir Path dir) throws Exception {
        Path site = BusyTermSite.build(dir);
        try (Chromium.Session s = Chromium.start(); StaticServer server = StaticServer.start(site)) {
            ChromeDriver d = s.driver();
            for (String term : List.of("services/checkout/", "tags/db/")) {
                Browse.open(d, server.url(term));
                d.findElement(By.cssSelector(".more-incidents a")).click();
                Browse.settle(d);
                assertThat(d.getCurrentUrl()).as(term).contains("incidents/");
                long shown = d.findElements(By.cssSelector("#incident-table tbody tr")).stream()
                        .filter(WebElement::isDisplayed).count();
                assertThat(shown).as(term + ": the list shows the term's incidents, not the quiet service's")
                        .isEqualTo(BusyTermSite.BUSY);
                assertThat(d.findElements(By.cssSelector("#incident-table tbody tr")))
                        .hasSize(BusyTermSite.BUSY + BusyTermSite.QUIET);
            }
        }
    }
}
