package dev.hindsight.render;

import dev.hindsight.analyze.Taxonomy;
import dev.hindsight.model.CacheFolder;
import dev.hindsight.model.IncidentDigests;
import dev.hindsight.model.Postmortem;
import dev.hindsight.model.Problem;
import dev.hindsight.model.SiteWriter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The site's files that are not pages: the Atom feeds, the action-item downloads and feeds, incidents.json (with
 * its parts when it is split by year) and robots.txt, each one job.
 */
final class DataFiles {
    private DataFiles() {
    }

    /**
     * The feeds, the action-item downloads, incidents.json (with the bodies or without; the files of its years kept in
     * a cache folder between builds) and robots.txt.
     */
    static List<PageJob> jobs(SiteContext c, boolean bodies, CacheFolder cache, IncidentDigests digests) {
        List<PageJob> jobs = new ArrayList<>();
        AtomFeed feed = new AtomFeed(c.site.config());
        jobs.add(data("feed.xml", () -> feed.feed(c.site.config().title(), "feed.xml", "", c.site.postmortems())));
        Taxonomy services = c.analysis.taxonomy("services").orElse(null);
        if (services != null) {
            for (var e : services.terms().entrySet()) {
                String dir = c.slugs.path("services", e.getKey());
                List<Postmortem> list = e.getValue().stream().map(c.bySlug::get).filter(java.util.Objects::nonNull).toList();
                jobs.add(data(dir + "feed.xml", () -> feed.feed(c.site.config().title() + ": " + services.label(e.getKey()),
                        dir + "feed.xml", dir, list)));
            }
        }
        new ActionItemsPage(c).files().forEach((path, text) -> jobs.add(data(path, text)));
        jobs.add(new PageJob("incidents.json", w -> write(w, "incidents.json", () -> new IncidentsJson(c, bodies, IncidentsJson.SPLIT_BYTES, cache, digests).files())));
        jobs.add(data("robots.txt", () -> robots(c)));
        return jobs;
    }

    private static PageJob data(String outPath, Supplier<String> text) {
        return new PageJob(outPath, w -> write(w, outPath,
                () -> Map.of(outPath, text.get().getBytes(StandardCharsets.UTF_8))));
    }

    /** Writes the files one job makes (by site path), or returns the problem that stopped it. */
    private static List<Problem> write(SiteWriter w, String outPath, Supplier<Map<String, byte[]>> files) {
        try {
            for (var f : files.get().entrySet()) {
                w.write(f.getKey(), f.getValue());
            }
            return List.of();
        } catch (IOException | IllegalArgumentException | UncheckedIOException e) {
            return List.of(Problem.error("", 0, "io", "could not write " + outPath + ": " + e.getMessage()));
        }
    }

    private static String robots(SiteContext c) {
        StringBuilder sb = new StringBuilder("User-agent: *\nAllow: /\n");
        if (RelativeLinks.isAbsolute(c.site.config().baseUrl())) {
            sb.append("Sitemap: ").append(RelativeLinks.absolute(c.site.config().baseUrl(), "sitemap.xml")).append('\n');
        }
        return sb.toString();
    }
}
