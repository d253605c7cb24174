package dev.hindsight.browser;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The icons and the brand mark that site.css draws (an empty span painted through an SVG mask in the text colour)
 * really show their shape: on screen, in print and under the site's Content-Security-Policy (data: images). A mask
 * that failed to load would paint a solid square, and one that did not apply would paint nothing; both fail here.
 */
class IconsBrowserIT {
    /** Pages with icons of every kind: action-item statuses, lessons, overdue marks, feeds, downloads, calendars. */
    private static final List<String> PAGES = List.of(ContentSite.INCIDENT, "services/checkout-api/", "action-items/",
            "reports/2025/");

    @Test
    void everyIconPaintsItsShapeInTheTextColour() throws Exception {
        List<String> failures = new ArrayList<>();
        int checked = 0;
        try (Chromium.Session s = Chromium.start(); StaticServer server = StaticServer.start(ContentSite.get().publicDir())) {
            ChromeDriver d = s.driver();
            Browse.screen(d, 1280, 900, "light");
            for (String page : PAGES) {
                Browse.open(d, server.url(page));
                assertThat(d.findElements(By.cssSelector("svg.icon, svg.brand-mark"))).as("inline SVG icons on /%s", page).isEmpty();
                List<WebElement> icons = d.findElements(By.cssSelector(".icon, .brand-mark"));
                for (WebElement icon : icons) {
                    if (!icon.isDisplayed()) {
                        continue;
                    }
                    String name = page + " " + icon.getAttribute("class");
                    @SuppressWarnings("unchecked")
                    Map<String, Object> style = (Map<String, Object>) d.executeScript("""
                            const st = getComputedStyle(arguments[0]);
                            return {mask: st.maskImage || st.webkitMaskImage, bg: st.backgroundColor, color: st.color,
                                    w: arguments[0].getBoundingClientRect().width};""", icon);
                    if (!String.valueOf(style.get("mask")).startsWith("url(\"data:image/svg+xml")) {
                        failures.add(name + ": no SVG mask (" + style.get("mask") + ")");
                    }
                    if (!style.get("bg").equals(style.get("color"))) {
                        failures.add(name + ": painted " + style.get("bg") + ", not its text colour " + style.get("color"));
                    }
                    if (((Number) style.get("w")).doubleValue() < 12) {
                        failures.add(name + ": " + style.get("w") + " px wide");
                    }
                    d.executeScript("arguments[0].scrollIntoView({block: 'center'})", icon);
                    double inked = inked(icon);
                    if (inked < 0.08 || inked > 0.8) {
                        failures.add(name + ": " + Math.round(inked * 100) + "% of its box inked (a shape covers 8-80%)");
                    }
                    checked++;
                }
                // A status and a lesson's heading draw their icon as a ::before, named by their own class.
                for (WebElement host : d.findElements(By.cssSelector(".status, .lesson > :first-child"))) {
                    if (!host.isDisplayed()) {
                        continue;
                    }
                    String name = page + " " + host.getAttribute("class") + " " + host.getText() + " ::before";
                    @SuppressWarnings("unchecked")
                    Map<String, Object> style = (Map<String, Object>) d.executeScript("""
                            const st = getComputedStyle(arguments[0], '::before');
                            return {mask: st.maskImage || st.webkitMaskImage, bg: st.backgroundColor, color: st.color,
                                    w: parseFloat(st.width), content: st.content};""", host);
                    if (!String.valueOf(style.get("mask")).startsWith("url(\"data:image/svg+xml")) {
                        failures.add(name + ": no SVG mask (" + style.get("mask") + ")");
                    }
                    if (!style.get("bg").equals(style.get("color"))) {
                        failures.add(name + ": painted " + style.get("bg") + ", not its text colour " + style.get("color"));
                    }
                    if (((Number) style.get("w")).doubleValue() < 12 || !"\"\"".equals(style.get("content"))) {
                        failures.add(name + ": " + style.get("w") + " px wide, content " + style.get("content"));
                    }
                    // With the host's text and background hidden, what is left inked is the icon's shape.
                    d.executeScript("arguments[0].scrollIntoView({block: 'center'});"
                            + "arguments[0].style.webkitTextFillColor = 'transparent'; arguments[0].style.background = 'transparent';"
                            + "arguments[0].style.boxShadow = 'none'; arguments[0].style.border = '0'", host);
                    double area = ((Number) style.get("w")).doubleValue() * ((Number) style.get("w")).doubleValue();
                    double inked = inked(host) * host.getSize().getWidth() * host.getSize().getHeight() / area;
                    if (inked < 0.08 || inked > 0.8) {
                        failures.add(name + ": " + Math.round(inked * 100) + "% of its icon's box inked (a shape covers 8-80%)");
                    }
                    checked++;
                }
            }
            Browse.media(d, "print", "light");
            Browse.open(d, server.url(ContentSite.INCIDENT));
            Object adjust = d.executeScript("return getComputedStyle(document.querySelector('.lesson > :first-child'), '::before').printColorAdjust");
            assertThat(adjust).as("icons keep their colour on paper").isEqualTo("exact");
        }
        assertThat(failures).isEmpty();
        assertThat(checked).as("icons checked").isGreaterThan(20);
    }

    /** Returns the share of an element's pixels that differ clearly from its top-left corner (the page behind it). */
    private static double inked(WebElement icon) throws Exception {
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(icon.getScreenshotAs(OutputType.BYTES)));
        int corner = img.getRGB(0, 0);
        int inked = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                if (distance(img.getRGB(x, y), corner) > 60) {
                    inked++;
                }
            }
        }
        return (double) inked / (img.getWidth() * img.getHeight());
    }

    private static int distance(int a, int b) {
        return Math.abs((a >> 16 & 255) - (b >> 16 & 255)) + Math.abs((a >> 8 & 255) - (b >> 8 & 255)) + Math.abs((a & 255) - (b & 255));
    }
}
