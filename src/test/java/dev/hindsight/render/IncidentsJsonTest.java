package dev.hindsight.render;

import dev.hindsight.model.CacheFolder;
import dev.hindsight.model.GzipTest;
import dev.hindsight.model.IncidentDigests;
import dev.hindsight.model.JsonTree;
import dev.hindsight.model.Postmortem;
import dev.hindsight.model.PostmortemFixture;
import dev.hindsight.model.Section;
import dev.hindsight.model.SectionKind;
import dev.hindsight.model.Site;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * incidents.json as files: one compact file without bodies by default, the bodies on request, and the split into
 * a part per year when the single file would be larger than the limit (a small limit here).
 */
class IncidentsJsonTest {
    private static final List<String> INCIDENT_KEYS = List.of("slug", "url", "source", "title", "date", "severity",
            "status", "summary", "services", "teams", "tags", "causes", "trigger", "detection", "nearMiss", "essential",
            "times", "durations", "impact", "authors", "related", "recurrenceOf", "backlinks", "previous", "next",
            "actionItems", "timeline", "sections", "lessons", "inferences", "extra", "similar");

    private static Path project() {
        return Path.of(System.getProperty("hindsight.project.dir", "."));
    }

    /** The sample site with a fourth incident: undated, its title with a lone surrogate and an emoji. */
    private static Site site() {
        Site sample = SampleSite.site();
        List<Postmortem> all = new ArrayList<>(sample.postmortems());
        all.add(PostmortemFixture.of("lost-date").undated().title("Lost \uD800 date \uD83D\uDE00")
                .sections(new Section(SectionKind.SUMMARY, "Summary", "summary", "Nobody wrote </script> the day down.", 3))
                .build());
        return new Site(sample.config(), all, sample.pages(), List.of());
    }

    private static IncidentsJson writer(boolean bodies, long splitBytes) {
        return writer(site(), bodies, splitBytes, CacheFolder.none());
    }

    private static IncidentsJson writer(Site site, boolean bodies, long splitBytes, CacheFolder cache) {
        SiteContext ctx = new SiteContext(site, SampleSite.analysis(site), SampleSite.index(),
                project().resolve("src/test/resources/sites/none"), AssetSet.of(Map.of()));
        return new IncidentsJson(ctx, bodies, splitBytes, cache, IncidentDigests.of(site.postmortems()));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object o) {
        return (List<Map<String, Object>>) o;
    }

    @Test
    void aSmallSiteIsOneCompactFileWithoutTheBodies() {
        Map<String, byte[]> files = writer(false, IncidentsJson.SPLIT_BYTES).files();
        assertThat(files).containsOnlyKeys("incidents.json");
        String text = new String(files.get("incidents.json"), StandardCharsets.UTF_8);
        assertThat(text).startsWith("{\"schema\":4,\"generator\":\"hindsight\",\"bodies\":false,\"site\":{")
                .endsWith("}\n").doesNotContain("\n  ").doesNotContain("\": ").doesNotContain("</script>")
                .contains("\"title\":\"Lost \\ud800 date \uD83D\uDE00\"");
        assertThat(text.indexOf('\n')).isEqualTo(text.length() - 1);
        Map<String, Object> doc = JsonTree.object(files.get("incidents.json"));
        assertThat(doc.keySet()).containsExactly("schema", "generator", "bodies", "site", "vocabularies", "incidents", "pages");
        List<Map<String, Object>> incidents = list(doc.get("incidents"));
        assertThat(incidents).extracting(i -> i.get("slug"))
                .containsExactly("2025-01-05-xss", "2024-03-11-checkout-pool", "2023-11-02-orders-failover", "lost-date");
        assertThat(incidents).allSatisfy(i -> assertThat(i.keySet()).containsExactlyElementsOf(INCIDENT_KEYS));
        assertThat(incidents.get(3).get("title")).isEqualTo("Lost \uD800 date \uD83D\uDE00");
        Map<String, Object> checkout = incidents.get(1);
        assertThat(list(checkout.get("sections"))).extracting(s -> s.keySet().stream().toList())
                .containsOnly(List.of("kind", "heading", "anchor"));
        assertThat(list(checkout.get("sections")).get(0)).containsEntry("kind", "summary").containsEntry("anchor", "summary");
    }

    @Test
    void withBodiesEachSectionKeepsItsText() {
        byte[] json = writer(true, IncidentsJson.SPLIT_BYTES).files().get("incidents.json");
        Map<String, Object> doc = JsonTree.object(json);
        assertThat(doc.get("bodies")).isEqualTo(true);
        List<Map<String, Object>> incidents = list(doc.get("incidents"));
        assertThat(list(incidents.get(1).get("sections")).get(0))
                .containsExactly(Map.entry("kind", "summary"), Map.entry("heading", "Summary"),
                        Map.entry("anchor", "summary"), Map.entry("text", "Checkout failed."));
        assertThat(list(incidents.get(3).get("sections")).get(0).get("text")).isEqualTo("Nobody wrote </script> the day down.");
        assertThat(new String(json, StandardCharsets.UTF_8)).doesNotContain("</script>").contains("\\u003c/script\\u003e");
    }

    @Test
    void theLimitIsTheSizeOfTheSingleFile() {
        int size = writer(false, IncidentsJson.SPLIT_BYTES).files().get("incidents.json").length;
        assertThat(writer(false, size).files()).containsOnlyKeys("incidents.json");
        assertThat(writer(false, size - 1).files()).hasSize(5);
    }

    @Test
    void aLargerSiteIsAnIndexAndOnePartPerYearHoldingTheSameIncidents() throws java.io.IOException {
        Map<String, byte[]> whole = writer(true, IncidentsJson.SPLIT_BYTES).files();
        Map<String, byte[]> split = writer(true, 1000).files();
        assertThat(split.keySet()).containsExactly("incidents.json", "incidents-2025.json.gz", "incidents-2024.json.gz",
                "incidents-2023.json.gz", "incidents-unknown.json.gz");
        assertThat(split.values()).allSatisfy(b -> assertThat(b.length).isLessThan(whole.get("incidents.json").length));

        Map<String, Object> index = JsonTree.object(split.get("incidents.json"));
        Map<String, Object> single = JsonTree.object(whole.get("incidents.json"));
        assertThat(index.keySet()).containsExactly("schema", "generator", "bodies", "site", "vocabularies", "parts", "pages");
        for (String same : List.of("schema", "generator", "bodies", "site", "vocabularies", "pages")) {
            assertThat(index.get(same)).as(same).isEqualTo(single.get(same));
        }
        assertThat(list(index.get("parts"))).containsExactly(
                part(2025L, "incidents-2025.json.gz", 1L), part(2024L, "incidents-2024.json.gz", 1L),
                part(2023L, "incidents-2023.json.gz", 1L), part(null, "incidents-unknown.json.gz", 1L));

        List<Object> fromParts = new ArrayList<>();
        for (Map<String, Object> p : list(index.get("parts"))) {
            Map<String, Object> part = JsonTree.object(GzipTest.inflate(split.get((String) p.get("file"))));
            assertThat(part.keySet()).containsExactly("schema", "generator", "bodies", "year", "incidents");
            assertThat(part).containsEntry("schema", (long) IncidentsJson.SCHEMA).containsEntry("bodies", true).containsEntry("year", p.get("year"));
            assertThat(list(part.get("incidents"))).hasSize(((Long) p.get("incidents")).intValue());
            fromParts.addAll(list(part.get("incidents")));
        }
        assertThat(fromParts).isEqualTo(single.get("incidents"));
    }

    private static Map<String, Object> part(Long year, String file, long incidents) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("year", year);
        m.put("file", file);
        m.put("compression", "gzip");
        m.put("url", "https://incidents.example.org/" + file);
        m.put("incidents", incidents);
        return m;
    }

    @Test
    void theSameSiteGivesTheSameBytes() {
        Map<String, byte[]> a = writer(true, 1000).files();
        Map<String, byte[]> b = writer(true, 1000).files();
        assertThat(a.keySet()).containsExactlyElementsOf(b.keySet());
        a.forEach((k, v) -> assertThat(v).as(k).isEqualTo(b.get(k)));
    }

    @Test
    void aYearsFileIsKeptBetweenBuildsAndMadeAgainOnlyWhenOneOfItsIncidentsShowsSomethingElse(@TempDir Path dir)
            throws ReflectiveOperationException, java.io.IOException {
        Site site = site();
        for (long split : new long[] {1000, IncidentsJson.SPLIT_BYTES}) {
            Map<String, byte[]> cold = writer(site, true, split, CacheFolder.none()).files();
            CacheFolder first = CacheFolder.in(dir.resolve("c" + split), "s");
            assertSameFiles(writer(site, true, split, first).files(), cold);
            CacheFolder second = CacheFolder.in(dir.resolve("c" + split), "s");
            assertSameFiles(writer(site, true, split, second).files(), cold);
            // Split, every year is kept; a site small enough for one file is made whole (it is under 8 MiB).
            assertThat(second.hits()).as("split at %d", split).isEqualTo(split == 1000 ? 4 : 0);
        }
        // The 2024 incident retitled: its year's file is made again, the three others are copied, and the files are
        // those a build without the cache makes.
        Site retitled = with(site, 1, withTitle(site.postmortems().get(1), "Checkout pool ran dry"));
        CacheFolder third = CacheFolder.in(dir.resolve("c1000"), "s");
        Map<String, byte[]> warm = writer(retitled, true, 1000, third).files();
        assertSameFiles(warm, writer(retitled, true, 1000, CacheFolder.none()).files());
        assertThat(third.hits()).isEqualTo(3);
        assertThat(new String(GzipTest.inflate(warm.get("incidents-2024.json.gz")), StandardCharsets.UTF_8))
                .contains("Checkout pool ran dry");
        // Renamed, its slug is also shown by its neighbours (as their previous and next): their years are made too.
        Site renamed = with(site, 1, site.postmortems().get(1).withSlug("2024-03-11-checkout-pool-exhaustion"));
        CacheFolder fourth = CacheFolder.in(dir.resolve("c1000"), "s");
        assertSameFiles(writer(renamed, true, 1000, fourth).files(), writer(renamed, true, 1000, CacheFolder.none()).files());
        assertThat(fourth.hits()).isLessThan(3);
    }

    private static Site with(Site site, int at, Postmortem p) {
        List<Postmortem> all = new ArrayList<>(site.postmortems());
        all.set(at, p);
        return new Site(site.config(), all, site.pages(), List.of());
    }

    /** Returns a copy of an incident with another title, through the canonical constructors of its records. */
    private static Postmortem withTitle(Postmortem p, String title) throws ReflectiveOperationException {
        return (Postmortem) replaced(p, "title", title);
    }

    private static Record replaced(Record r, String name, Object value) throws ReflectiveOperationException {
        java.lang.reflect.RecordComponent[] parts = r.getClass().getRecordComponents();
        Object[] values = new Object[parts.length];
        Class<?>[] types = new Class<?>[parts.length];
        for (int i = 0; i < parts.length; i++) {
            types[i] = parts[i].getType();
            Object v = parts[i].getAccessor().invoke(r);
            values[i] = parts[i].getName().equals(name) ? value : v instanceof Record inner ? replaced(inner, name, value) : v;
        }
        return r.getClass().getDeclaredConstructor(types).newInstance(values);
    }

    private static void assertSameFiles(Map<String, byte[]> actual, Map<String, byte[]> expected) {
        assertThat(actual.keySet()).containsExactlyElementsOf(expected.keySet());
        actual.forEach((k, v) -> assertThat(new String(v, StandardCharsets.UTF_8)).as(k)
                .isEqualTo(new String(expected.get(k), StandardCharsets.UTF_8)));
    }
}
