package dev.hindsight.load;

import com.vladsch.flexmark.ext.autolink.AutolinkExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class QuickAutolinkTest {
    private final MarkdownEngine quick = new MarkdownEngine();
    private final MarkdownEngine stock = new MarkdownEngine(AutolinkExtension.create());

    private String stock(String markdown) {
        return stock.render(stock.parse(markdown).orElseThrow());
    }

    private String ours(String markdown) {
        return quick.render(quick.parse(markdown).orElseThrow());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "See https://status.example.com/incidents/42 for the timeline.",
            "Dashboards at www.grafana.example.org and WWW.Example.com.",
            "Mail first_last@example.com or on-call+db@example.org.",
            "A link split by emphasis markers: http://a_b_c.example.com/x_y_z and www.some_host.example.com.",
            "Escaped: www\\.example\\.com and https\\://example.com and me\\@example.com.",
            "Entities: me&#64;example.com, https&#58;//example.com and a &amp; b.",
            "Plain text with no links, a time 09:41 UTC, a ratio 3:1 and a path /var/log.",
            "A scheme alone: https:// and ftp:// at the end",
            "`https://in.code.example.com` stays code; [a link](https://x.example.com) stays a link.",
            "* list item with https://example.com/a?b=1&c=2\n* and www.example.com/path.",
            "| service | runbook |\n|---|---|\n| api | https://runbooks.example.com/api |",
            "*www.emphasised.example.com* and **mail@bold.example.com**",
    })
    void rendersExactlyAsTheStockExtension(String markdown) {
        assertThat(ours(markdown)).isEqualTo(stock(markdown));
    }

    @Test
    void linksAreStillMade() {
        assertThat(ours("Go to https://status.example.com now.")).contains("<a href=\"https://status.example.com\">");
        assertThat(ours("Write to oncall@example.com.")).contains("href=\"mailto:oncall@example.com\"");
    }

    @Test
    void onlyTextThatMayHoldALinkGoesToTheStockProcessor() {
        assertThat(QuickAutolink.mayLink("a plain sentence: 3:1, /var/log, 09:41")).isFalse();
        assertThat(QuickAutolink.mayLink("at www.x")).isTrue();
        assertThat(QuickAutolink.mayLink("at WwW.x")).isTrue();
        assertThat(QuickAutolink.mayLink("a@b")).isTrue();
        assertThat(QuickAutolink.mayLink("x://")).isTrue();
        assertThat(QuickAutolink.mayLink("a &amp; b")).isTrue();
        assertThat(QuickAutolink.mayLink("a \\* b")).isTrue();
    }

    @Test
    void everyCorpusFileRendersAsWithTheStockExtension() throws IOException {
        Path corpus = Path.of("..", "shared", "corpus");
        assumeTrue(Files.isDirectory(corpus), "../shared/corpus is not here (a fresh clone has none)");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(corpus)) {
            files = walk.filter(f -> f.toString().endsWith(".md")).sorted().toList();
        }
        assertThat(files).isNotEmpty();
        for (Path f : files) {
            String text = Files.readString(f);
            assertThat(ours(text)).as("%s", f).isEqualTo(stock(text));
        }
    }
}
