package dev.hindsight.render;

import dev.hindsight.analyze.Taxonomy;
import dev.hindsight.model.Postmortem;
import dev.hindsight.model.Problem;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The site's files that are not pages: the Atom feeds, the action-item downloads and feeds, incidents.json and
 * robots.txt, each one job.
 */
final class DataFiles {
    private DataFiles() {
    }

    /** The feeds, the action-item downloads, incidents.json and robots.txt. */
    static List<PageJob> jobs(SiteContext c) {
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
        jobs.add(data("incidents.json", () -> new IncidentsJson(c).json()));
        jobs.add(data("robots.txt", () -> robots(c)));
        return jobs;
    }

    private static PageJob data(String outPath, java.util.function.Supplier<String> text) {
        return new PageJob(outPath, w -> {
            try {
                w.write(outPath, text.get());
                return List.of();
            } catch (IOException | IllegalArgumentException e) {
                return List.of(Problem.error("", 0, "io", "could not write " + outPath + ": " + e.getMessage()));
            }
        });
    }

    private static String robots(SiteContext c) {
        StringBuilder sb = new StringBuilder("User-agent: *\nAllow: /\n");
        if (RelativeLinks.isAbsolute(c.site.config().baseUrl())) {
            sb.append("Sitemap: ").append(RelativeLinks.absolute(c.site.config().baseUrl(), "sitemap.xml")).append('\n');
        }
        return sb.toString();
    }
}
