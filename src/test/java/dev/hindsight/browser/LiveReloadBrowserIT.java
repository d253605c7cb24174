package dev.hindsight.browser;

import dev.hindsight.BuildOptions;
import dev.hindsight.serve.Preview;
import dev.hindsight.serve.ServeOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code hindsight serve}: an open page reloads by itself after its file is saved, under the site's CSP. */
class LiveReloadBrowserIT {
    private static final String SLUG = "2024-03-11-checkout-pool";

    @TempDir
    Path project;

    private static String incident(String title) {
        return "---\ntitle: " + title + "\ndate: 2024-03-11\n---\n\n## Summary\n\nThe pool ran dry.\n";
    }

    @Test
    void theOpenPageReloadsAfterAnEdit() throws Exception {
        Path content = Files.createDirectories(project.resolve("content/postmortems"));
        Files.writeString(project.resolve("content/site.yml"), "title: Reload test\n");
        Files.writeString(content.resolve(SLUG + ".md"), incident("Before the edit"));
        BuildOptions build = BuildOptions.defaults(project, LocalDate.of(2024, 6, 1)).withCache(project.resolve("cache"))
                .withDrafts(true);
        try (Preview preview = Preview.start(new ServeOptions(build, "127.0.0.1", 0, Duration.ofMillis(50)), line -> { });
             Chromium.Session s = Chromium.start()) {
            assertThat(preview.awaitVersion(1, Duration.ofSeconds(120)).failed()).isFalse();
            s.driver().get(preview.url().resolve("incidents/" + SLUG + "/").toString());
            assertThat(s.driver().getPageSource()).contains("Before the edit");
            JavascriptExecutor js = s.driver();
            js.executeScript("window.__notReloaded = true;");
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (preview.listeners() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(preview.listeners()).as("the page subscribed to reload events").isPositive();

            Files.writeString(content.resolve(SLUG + ".md"), incident("After the edit"));

            new WebDriverWait(s.driver(), Duration.ofSeconds(120)).until(d -> d.getPageSource().contains("After the edit"));
            assertThat(js.executeScript("return window.__notReloaded === undefined")).as("the page itself reloaded")
                    .isEqualTo(true);
        }
    }
}
