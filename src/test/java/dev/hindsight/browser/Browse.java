package dev.hindsight.browser;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.util.Map;

/** Small steps the browser tests share: load a page and wait for it, and emulate a screen or a medium. */
final class Browse {
    private Browse() {
    }

    /** Loads a URL and waits until the document and its deferred scripts have run. */
    static void open(ChromeDriver driver, String url) {
        driver.get(url);
        settle(driver);
    }

    /** Waits until the current document has finished loading. */
    static void settle(ChromeDriver driver) {
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d ->
                "complete".equals(driver.executeScript("return document.readyState")));
    }

    /** Emulates a screen of this CSS width (a phone below 600 px) and a light or dark colour-scheme preference. */
    static void screen(ChromeDriver driver, int width, int height, String scheme) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height,
                "deviceScaleFactor", 1, "mobile", width < 600));
        media(driver, "", scheme);
    }

    /** Emulates a CSS media type ("print", or "" for screen) and a prefers-color-scheme value. */
    static void media(ChromeDriver driver, String type, String scheme) {
        driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", type,
                "features", java.util.List.of(Map.of("name", "prefers-color-scheme", "value", scheme))));
    }

    /** Returns the result of a script as a number (0 when it returned nothing). */
    static double number(ChromeDriver driver, String script, Object... args) {
        Object v = driver.executeScript(script, args);
        return v instanceof Number n ? n.doubleValue() : 0;
    }
}
