package dev.hindsight.render;

import dev.hindsight.BuildOptions;
import dev.hindsight.BuildReport;
import dev.hindsight.Pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A small site whose open action items exercise every owner-team rule: an owner that is a team id, one that is a
 * team label in another case, a person's name (the incident's first team owns it), an incident without teams (no
 * owner team), two items with the same title, items without a due date, done and unknown items (never listed), and
 * a title with commas, semicolons and non-ASCII text longer than a calendar line. Today is {@link #TODAY}.
 */
public final class FollowThroughSite {
    /** The site's today. */
    public static final LocalDate TODAY = LocalDate.of(2025, 6, 1);
    /** A person named as an owner: the feeds must never show it. */
    public static final String PERSON = "Dana Whitfield";
    /** The long title of the data team's item. */
    public static final String LONG_TITLE = "Réindexer les prix, sans verrou; vérifier l'ordre des « lots » — 東京 replica lag before each sale";

    private FollowThroughSite() {
    }

    /** Writes the site's content under dir/content; with reversed, the pool incident's items are in the opposite order. */
    public static void write(Path dir, boolean reminders, boolean reversed) throws IOException {
        Path content = dir.resolve("content");
        Files.createDirectories(content.resolve("postmortems"));
        Files.writeString(content.resolve("site.yml"), """
                title: Follow-through
                base_url: https://kb.example/
                reminders: %s
                teams:
                  - id: payments
                    label: Payments
                  - id: platform
                    label: Platform SRE
                  - id: data
                    label: Data
                """.formatted(reminders));
        List<String> items = new ArrayList<>(List.of(
                item("Alert on pool wait time", "payments", "2025-03-01", "open", ""),
                item("Cap replicas per pool", "PLATFORM sre", "2025-07-01", "in-progress", ""),
                item("Write the saturation runbook", PERSON, "2025-02-01", "open", ""),
                item("Put a pooler in front of the database", "payments", "2025-02-15", "done",
                        "    closed: 2025-02-10\n    outcome: helped — no saturation at the spring sale\n"),
                item("Review pool sizes", "payments", "2025-05-01", "open", ""),
                item("Review pool sizes", "payments", "2025-08-01", "open", ""),
                item("Decide whether to keep the old dashboard", "payments", "2025-04-01", "unknown", "")));
        if (reversed) {
            Collections.reverse(items);
        }
        Files.writeString(content.resolve("postmortems/2025-01-10-pool.md"), "---\ntitle: Checkout pool saturation\n"
                + "teams: [payments, platform]\naction_items:\n" + String.join("", items) + "---\n## Summary\n\nThe pool filled.\n");
        Files.writeString(content.resolve("postmortems/2024-11-05-disk.md"), "---\ntitle: Broker disks filled up\n"
                + "action_items:\n" + item("Forecast disk growth, alert 7 days ahead", "sre-oncall", "2025-05-20", "open", "")
                + "  - title: Agree a retention policy\n    owner: sre-oncall\n---\n## Summary\n\nDisks filled.\n");
        Files.writeString(content.resolve("postmortems/2025-04-01-prices.md"), "---\ntitle: Stale prices after a reindex\n"
                + "teams: [data]\naction_items:\n" + item(LONG_TITLE, "data", "2025-09-01", "open", "")
                + "---\n## Summary\n\nPrices were stale.\n");
    }

    /** Builds the site written under dir into dir/public and returns the report. */
    public static BuildReport build(Path dir) {
        return new Pipeline(s -> { }).build(BuildOptions.defaults(dir, TODAY).withCache(dir.resolve("cache")));
    }

    private static String item(String title, String owner, String due, String status, String more) {
        return "  - title: \"" + title + "\"\n    owner: " + owner + "\n    due: " + due + "\n    status: " + status + "\n" + more;
    }
}
