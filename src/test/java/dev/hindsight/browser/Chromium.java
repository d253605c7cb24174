package dev.hindsight.browser;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Headless Chromium for browser tests, from the Debian packages {@code chromium} and {@code chromium-driver}.
 *
 * <p>{@link #start()} skips the calling test with a visible reason when either binary is missing, except when
 * the environment variable {@code CI} is set: then it fails, because CI must never skip browser tests. The
 * driver binary is given explicitly (and as {@code webdriver.chrome.driver}), so Selenium Manager never downloads
 * anything. Each session gets a fresh profile folder, deleted on close.
 *
 * <pre>
 * try (Chromium.Session s = Chromium.start(); StaticServer server = StaticServer.start(publicDir)) {
 *     s.driver().get(server.url("search/?q=dns"));
 * }
 * </pre>
 */
public final class Chromium {
    /** Where Debian's chromium package puts the browser. */
    public static final Path BROWSER = Path.of("/usr/bin/chromium");
    /** Where Debian's chromium-driver package puts the driver. */
    public static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    /** The switches every session starts with. */
    public static final List<String> ARGUMENTS = List.of("--headless", "--no-sandbox", "--disable-gpu",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic",
            "--no-first-run", "--window-size=1280,900");

    private Chromium() {
    }

    /** Skips (locally) or fails (in CI) unless Chromium and its driver are installed. */
    public static void assumeInstalled() {
        if (Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER)) {
            return;
        }
        String reason = "browser test needs " + BROWSER + " and " + DRIVER
                + " (apt-get install -y chromium chromium-driver)";
        if (System.getenv("CI") != null) {
            Assertions.fail(reason + "; in CI browser tests must run, not skip");
        }
        Assumptions.abort(reason);
    }

    /** Starts a headless browser with a fresh profile; close the session to quit it. */
    public static Session start() throws IOException {
        return start(options -> { });
    }

    /** Starts a headless browser like {@link #start()}, after letting the caller add options (log levels...). */
    public static Session start(java.util.function.Consumer<ChromeOptions> extra) throws IOException {
        assumeInstalled();
        System.setProperty("webdriver.chrome.driver", DRIVER.toString());
        Path profile = Files.createTempDirectory("hindsight-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        options.addArguments(ARGUMENTS);
        options.addArguments("--user-data-dir=" + profile);
        extra.accept(options);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build();
        try {
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30)).scriptTimeout(Duration.ofSeconds(30));
            return new Session(driver, profile);
        } catch (RuntimeException e) {
            delete(profile);
            throw e;
        }
    }

    /** A running browser and its profile folder. */
    public static final class Session implements AutoCloseable {
        private final ChromeDriver driver;
        private final Path profile;

        private Session(ChromeDriver driver, Path profile) {
            this.driver = driver;
            this.profile = profile;
        }

        /** Returns the WebDriver. */
        public ChromeDriver driver() {
            return driver;
        }

        @Override
        public void close() throws IOException {
            try {
                driver.quit();
            } finally {
                delete(profile);
            }
        }
    }

    private static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
