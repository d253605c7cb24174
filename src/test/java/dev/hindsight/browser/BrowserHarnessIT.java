package dev.hindsight.browser;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The harness itself: headless Chromium loads a served page whose script fetches another file. */
class BrowserHarnessIT {

    @Test
    void chromiumRunsScriptsOfAServedSite(@TempDir Path site) throws Exception {
        Files.writeString(site.resolve("index.html"), "<!doctype html><title>t</title><p id=out>waiting</p><script src=app.js></script>");
        Files.writeString(site.resolve("app.js"), "fetch('data.txt').then(r => r.text()).then(t => document.getElementById('out').textContent = t);");
        Files.writeString(site.resolve("data.txt"), "fetched");
        try (Chromium.Session s = Chromium.start(); StaticServer server = StaticServer.start(site)) {
            s.driver().get(server.url(""));
            new WebDriverWait(s.driver(), Duration.ofSeconds(10))
                    .until(d -> d.findElement(By.id("out")).getText().equals("fetched"));
            assertThat(server.served()).contains("200 /", "200 /app.js", "200 /data.txt");
        }
    }
}
