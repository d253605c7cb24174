package dev.hindsight.cli;

import dev.hindsight.analyze.LedgerEntry;
import dev.hindsight.analyze.OpenItems;
import dev.hindsight.check.ProblemFormat;
import dev.hindsight.model.Postmortem;
import dev.hindsight.model.Site;
import dev.hindsight.model.SiteConfig;
import dev.hindsight.render.JsonWriter;
import dev.hindsight.render.RelativeLinks;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * How {@code hindsight actions} prints the open action items: text for people, JSON for tools (the shape is in
 * docs/cli.md), or GitHub workflow commands: a warning annotation per overdue item and a notice per other open
 * item, each at the item's file and line.
 */
enum ActionsFormat {
    TEXT, JSON, GITHUB;

    /** Parses a format name in any case. */
    static Optional<ActionsFormat> parse(String name) {
        for (ActionsFormat f : values()) {
            if (f.name().equalsIgnoreCase(name.strip())) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /** Formats the groups; the path function turns a content-relative path into the path to print. */
    String format(List<OpenItems> groups, Site site, SiteConfig cfg, UnaryOperator<String> path) {
        Map<String, Postmortem> bySlug = new HashMap<>();
        site.postmortems().forEach(p -> bySlug.put(p.slug(), p));
        return switch (this) {
            case TEXT -> text(groups, bySlug, path);
            case JSON -> json(groups, bySlug, cfg, path);
            case GITHUB -> github(groups, bySlug, path);
        };
    }

    private static String text(List<OpenItems> groups, Map<String, Postmortem> bySlug, UnaryOperator<String> path) {
        StringBuilder sb = new StringBuilder();
        for (OpenItems g : groups) {
            sb.append(g.team().label()).append(" (").append(g.items().size()).append(" open, ").append(g.overdue())
                    .append(" overdue)\n");
            for (LedgerEntry e : g.items()) {
                String when = e.overdueDays().isPresent() ? "overdue " + days(e.overdueDays().getAsLong())
                        : e.item().due().map(d -> "due " + d).orElse("no due date");
                sb.append("  - ").append(e.item().title()).append('\n')
                        .append("    ").append(e.item().status().label()).append(", ").append(when)
                        .append(e.item().due().filter(d -> e.overdue()).map(d -> " (due " + d + ")").orElse(""))
                        .append(e.item().owner().map(o -> "; owner " + o).orElse("")).append('\n')
                        .append("    ").append(location(e, bySlug, path)).append('\n');
            }
        }
        return sb.toString();
    }

    private static String json(List<OpenItems> groups, Map<String, Postmortem> bySlug, SiteConfig cfg, UnaryOperator<String> path) {
        JsonWriter w = new JsonWriter().beginObject();
        w.name("today").value(cfg.today().toString());
        w.name("open").value(groups.stream().mapToInt(g -> g.items().size()).sum());
        w.name("overdue").value(groups.stream().mapToInt(OpenItems::overdue).sum());
        w.name("teams").beginArray();
        for (OpenItems g : groups) {
            w.beginObject().name("team");
            optional(w, g.team().id());
            w.name("label").value(g.team().label()).name("open").value(g.items().size()).name("overdue").value(g.overdue());
            w.name("items").beginArray();
            for (LedgerEntry e : g.items()) {
                Postmortem p = bySlug.get(e.slug());
                w.beginObject().name("id").value(e.id()).name("title").value(e.item().title())
                        .name("type").value(e.item().type().id()).name("status").value(e.item().status().id());
                w.name("owner");
                optional(w, e.item().owner());
                w.name("due");
                optional(w, e.item().due().map(LocalDate::toString));
                w.name("overdue").value(e.overdue());
                w.name("overdueDays");
                number(w, e.overdueDays());
                w.name("ageDays");
                number(w, e.ageDays());
                w.name("link");
                optional(w, e.item().link());
                w.name("incident").beginObject().name("slug").value(e.slug())
                        .name("title").value(p == null ? e.slug() : p.title());
                w.name("date");
                optional(w, p == null ? Optional.empty() : p.date().map(LocalDate::toString));
                w.name("url").value(RelativeLinks.absolute(cfg.baseUrl(), "incidents/" + e.slug() + "/")).endObject();
                w.name("file").value(p == null ? "" : path.apply(p.source()));
                w.name("line").value(e.item().line());
                w.endObject();
            }
            w.endArray().endObject();
        }
        w.endArray().endObject();
        return w.toJson() + "\n";
    }

    private static String github(List<OpenItems> groups, Map<String, Postmortem> bySlug, UnaryOperator<String> path) {
        StringBuilder sb = new StringBuilder();
        for (OpenItems g : groups) {
            for (LedgerEntry e : g.items()) {
                Postmortem p = bySlug.get(e.slug());
                sb.append(e.overdue() ? "::warning " : "::notice ");
                if (p != null) {
                    sb.append("file=").append(ProblemFormat.property(path.apply(p.source())));
                    if (e.item().line() > 0) {
                        sb.append(",line=").append(e.item().line());
                    }
                    sb.append(',');
                }
                sb.append("title=").append(ProblemFormat.property(e.overdue() ? "Overdue action item" : "Open action item"));
                String when = e.overdueDays().isPresent()
                        ? "due " + e.item().due().orElseThrow() + ", overdue " + days(e.overdueDays().getAsLong())
                        : e.item().due().map(d -> "due " + d).orElse("no due date");
                sb.append("::").append(ProblemFormat.data(g.team().label() + ": " + e.item().title() + " (" + when + ")"))
                        .append('\n');
            }
        }
        return sb.toString();
    }

    private static String location(LedgerEntry e, Map<String, Postmortem> bySlug, UnaryOperator<String> path) {
        Postmortem p = bySlug.get(e.slug());
        if (p == null) {
            return e.slug();
        }
        return path.apply(p.source()) + (e.item().line() > 0 ? ":" + e.item().line() : "") + " (" + p.title() + ")";
    }

    private static String days(long n) {
        return String.format(Locale.ROOT, "%d day%s", n, n == 1 ? "" : "s");
    }

    private static void optional(JsonWriter w, Optional<String> v) {
        if (v.isPresent()) {
            w.value(v.get());
        } else {
            w.nullValue();
        }
    }

    private static void number(JsonWriter w, java.util.OptionalLong v) {
        if (v.isPresent()) {
            w.value(v.getAsLong());
        } else {
            w.nullValue();
        }
    }
}
