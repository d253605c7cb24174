package dev.hindsight;

import dev.hindsight.model.Problem;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a deploy uploads after a merge: a host takes the files whose bytes changed, so an edit to one postmortem
 * must change only the pages that show something of it, never every page (a site-wide name or stamp in every page).
 */
class DeployChurnIT {
    private static final String EDITED = "2022-03-15-identity-session-redis-evictions";

    @TempDir
    Path tmp;

    private Path build(Path content, String name) {
        Path dest = tmp.resolve(name);
        BuildReport report = new Pipeline(stage -> { }).build(BuildOptions.defaults(project(), LocalDate.of(2026, 12, 1))
                .withContent(content).withDestination(dest).withCache(tmp.resolve("cache-" + name)));
        assertThat(report.problems()).filteredOn(Problem::isError).isEmpty();
        return dest;
    }

    private static Path project() {
        return Path.of(System.getProperty("hindsight.project.dir", ".")).toAbsolutePath();
    }

    @Test
    void aBodyEditChangesOnlyThePagesThatShowTheIncident() throws IOException {
        Path content = tmp.resolve("content");
        TestFolders.copy(project().resolve("content"), content);
        Path before = build(content, "before");
        Path file = content.resolve("postmortems/" + EDITED + ".md");
        String text = Files.readString(file);
        Files.writeString(file, text.replace("## Resolution\n", "## Resolution\n\nThe quokka runbook step was"
                + " followed by the responder on call, who drained the replica before the restart.\n\n"));
        Path after = build(content, "after");

        List<String> changed = new ArrayList<>();
        for (String page : pages(before)) {
            if (!Arrays.equals(Files.readAllBytes(before.resolve(page)), readOrEmpty(after.resolve(page)))) {
                changed.add(page);
            }
        }
        String own = "incidents/" + EDITED + "/index.html";
        assertThat(changed).as("the edited incident's own page").contains(own);
        assertThat(Files.readAllBytes(after.resolve("search/manifest.bin")))
                .as("the search export changed with the new words").isNotEqualTo(Files.readAllBytes(before.resolve("search/manifest.bin")));
        for (String page : changed) {
            if (page.equals(own)) {
                continue;
            }
            Document b = parse(before.resolve(page));
            Document a = parse(after.resolve(page));
            boolean showsIt = !a.select("a[href*=" + EDITED + "]").isEmpty();
            boolean similarMoved = !b.select(".connection:has(.similar-list)").outerHtml()
                    .equals(a.select(".connection:has(.similar-list)").outerHtml());
            assertThat(showsIt || similarMoved)
                    .as("%s changed, but neither links the edited incident nor lists other similar incidents", page).isTrue();
        }
        assertThat(changed.size()).as("changed pages of %s", pages(before).size()).isLessThan(pages(before).size() / 2);
    }

    private static List<String> pages(Path site) throws IOException {
        try (Stream<Path> walk = Files.walk(site)) {
            return walk.filter(p -> p.toString().endsWith(".html")).map(p -> site.relativize(p).toString().replace('\\', '/'))
                    .sorted().toList();
        }
    }

    private static byte[] readOrEmpty(Path p) throws IOException {
        return Files.exists(p) ? Files.readAllBytes(p) : new byte[0];
    }

    private static Document parse(Path p) throws IOException {
        return Jsoup.parse(new String(Files.readAllBytes(p), StandardCharsets.UTF_8));
    }
}
