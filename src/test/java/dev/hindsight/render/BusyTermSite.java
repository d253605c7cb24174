package dev.hindsight.render;

import dev.hindsight.cli.Main;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

/**
 * A built fixture site where one service, one cause, one tag and one severity have more incidents than a term page
 * lists ({@link ListPages#TERM_ROWS}), all in one year, beside a quiet service with three.
 */
public final class BusyTermSite {
    /** Incidents of the busy terms. */
    public static final int BUSY = ListPages.TERM_ROWS + 7;
    /** Incidents of the quiet service. */
    public static final int QUIET = 3;

    private BusyTermSite() {
    }

    /** Builds the site into {@code folder/out} and returns that folder; fails when the build does. */
    public static Path build(Path folder) throws IOException {
        Path pm = Files.createDirectories(folder.resolve("project/content/postmortems"));
        Files.writeString(pm.getParent().resolve("site.yml"), "title: Busy terms\n");
        LocalDate day = LocalDate.of(2024, 1, 1);
        for (int i = 0; i < BUSY + QUIET; i++) {
            boolean quiet = i >= BUSY;
            String slug = day.plusDays(i) + "-incident-" + i;
            Files.writeString(pm.resolve(slug + ".md"), "---\ntitle: Checkout pool exhausted, case " + i + "\nseverity: SEV2\n"
                    + "services: [" + (quiet ? "ledger" : "checkout") + "]\ncauses: [capacity]\ntags: ["
                    + (quiet ? "quiet" : "db") + "]\n---\n## Summary\n\nThe pool ran dry.\n");
        }
        Path out = folder.resolve("out");
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(new StringWriter()), new PrintWriter(err), "build", "--source",
                folder.resolve("project").toString(), "-d", out.toString(), "--today", "2025-06-01");
        if (code != 0) {
            throw new IllegalStateException("the fixture did not build (" + code + "): " + err);
        }
        return out;
    }
}
