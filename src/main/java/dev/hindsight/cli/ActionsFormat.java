package dev.hindsight.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.hindsight.analyze.LedgerEntry;
import dev.hindsight.analyze.OpenItems;
import dev.hindsight.check.ProblemFormat;
import dev.hindsight.model.JsonOut;
import dev.hindsight.model.Postmortem;
import dev.hindsight.model.Site;
import dev.hindsight.model.SiteConfig;
import dev.hindsight.render.RelativeLinks;

import java.io.IOException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
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
        return JsonOut.string(JsonOut.Layout.INDENTED, w -> {
            w.writeStartObject();
            w.writeStringField("today", cfg.today().toString());
            w.writeNumberField("open", groups.stream().mapToInt(g -> g.items().size()).sum());
            w.writeNumberField("overdue", groups.stream().mapToInt(OpenItems::overdue).sum());
            w.writeArrayFieldStart("teams");
            for (OpenItems g : groups) {
                w.writeStartObject();
                w.writeStringField("team", g.team().id().orElse(null));
                w.writeStringField("label", g.team().label());
                w.writeNumberField("open", g.items().size());
                w.writeNumberField("overdue", g.overdue());
                w.writeArrayFieldStart("items");
                for (LedgerEntry e : g.items()) {
                    item(w, e, bySlug.get(e.slug()), cfg, path);
                }
                w.writeEndArray();
                w.writeEndObject();
            }
            w.writeEndArray();
            w.writeEndObject();
        }) + "\n";
    }

    private static void item(JsonGenerator w, LedgerEntry e, Postmortem p, SiteConfig cfg, UnaryOperator<String> path)
            throws IOException {
        w.writeStartObject();
        w.writeStringField("id", e.id());
        w.writeStringField("title", e.item().title());
        w.writeStringField("type", e.item().type().id());
        w.writeStringField("status", e.item().status().id());
        w.writeStringField("owner", e.item().owner().orElse(null));
        w.writeStringField("due", e.item().due().map(LocalDate::toString).orElse(null));
        w.writeBooleanField("overdue", e.overdue());
        number(w, "overdueDays", e.overdueDays());
        number(w, "ageDays", e.ageDays());
        w.writeStringField("link", e.item().link().orElse(null));
        w.writeObjectFieldStart("incident");
        w.writeStringField("slug", e.slug());
        w.writeStringField("title", p == null ? e.slug() : p.title());
        w.writeStringField("date", p == null ? null : p.date().map(LocalDate::toString).orElse(null));
        w.writeStringField("url", RelativeLinks.absolute(cfg.baseUrl(), "incidents/" + e.slug() + "/"));
        w.writeEndObject();
        w.writeStringField("file", p == null ? "" : path.apply(p.source()));
        w.writeNumberField("line", e.item().line());
        w.writeEndObject();
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

    private static void number(JsonGenerator w, String name, OptionalLong v) throws IOException {
        if (v.isPresent()) {
            w.writeNumberField(name, v.getAsLong());
        } else {
            w.writeNullField(name);
        }
    }
}
