package dev.hindsight.load;

import dev.hindsight.config.SiteConfigLoader;
import dev.hindsight.model.CacheFolder;
import dev.hindsight.model.IncidentDigests;
import dev.hindsight.model.Postmortem;
import dev.hindsight.model.RecordCodec;
import dev.hindsight.model.Site;
import dev.hindsight.model.SiteConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The loader keeps each incident's digest with it in the cache, so later stages need not digest every incident
 * again: a carried digest must be the incident's own ({@link RecordCodec#hash}), parsed or read back, and an
 * incident changed after loading (renamed for a duplicate slug, dated by other files' evidence) carries none.
 */
class ContentLoaderDigestsTest {
    @TempDir
    Path dir;

    private static String incident(String title, String date) {
        return "---\ntitle: " + title + "\n" + (date.isEmpty() ? "" : "date: " + date + "\n") + "services: [checkout]\n"
                + "causes: [capacity]\n---\n## Summary\n\nThe " + title.toLowerCase(java.util.Locale.ROOT)
                + " ran out of connections.\n\n## Timeline\n\n- 10:02 alerts fire\n- 10:40 pool raised\n";
    }

    private Site load(ContentLoader loader, Path content) {
        SiteConfig config = new SiteConfigLoader().load(content, TempContent.TODAY).value();
        return loader.load(content, config, false).value();
    }

    @Test
    void everyDigestIsTheIncidentsOwnWhetherParsedOrReadBackAndAChangedOneCarriesNone() throws IOException {
        Path content = Files.createDirectories(dir.resolve("content"));
        Files.writeString(content.resolve("2024-03-11-pool.md"), incident("Pool", "2024-03-11"));
        Files.writeString(content.resolve("2024-05-02-queue.md"), incident("Queue", "2024-05-02"));
        Files.createDirectories(content.resolve("team-b"));
        Files.writeString(content.resolve("team-b/2024-03-11-pool.md"), incident("Other pool", "2024-03-11"));
        Files.writeString(content.resolve("undated-cache.md"), incident("Cache", ""));
        Path cache = dir.resolve("cache");
        for (String round : List.of("parsed", "read back")) {
            ContentLoader loader = new ContentLoader(CacheFolder.in(cache, "stamp"));
            Site site = load(loader, content);
            IncidentDigests digests = loader.digests(site.postmortems());
            assertThat(site.postmortems()).hasSize(4);
            for (Postmortem p : site.postmortems()) {
                assertThat(digests.of(p)).as("%s, %s", p.source(), round).isEqualTo(RecordCodec.hash(p));
            }
            assertThat(site.postmortems()).filteredOn(digests::carried).extracting(Postmortem::source)
                    .as(round).containsExactlyInAnyOrder("2024-03-11-pool.md", "2024-05-02-queue.md");
        }
        // Without a cache nothing is carried, and every digest is still the incident's own.
        ContentLoader plain = new ContentLoader();
        Site site = load(plain, content);
        IncidentDigests digests = plain.digests(site.postmortems());
        assertThat(site.postmortems()).noneMatch(digests::carried)
                .allSatisfy(p -> assertThat(digests.of(p)).isEqualTo(RecordCodec.hash(p)));
    }
}
