package dev.hindsight.render;

import dev.hindsight.analyze.LedgerEntry;
import dev.hindsight.analyze.OpenItems;
import dev.hindsight.analyze.OwnerTeam;
import dev.hindsight.model.Postmortem;
import dev.hindsight.model.SiteConfig;
import dev.hindsight.model.Term;
import dev.hindsight.render.ActionItemViews.Group;
import dev.hindsight.render.ActionItemViews.Row;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The action-items page {@code /action-items/}: every open item grouped by owner team ({@link OpenItems}), and its
 * CSV download with the same rows in the same order. When site.yml sets {@code reminders: true} it also makes the
 * reminder feeds: a calendar per team ({@link ReminderFeeds}) and an Atom feed of overdue items.
 */
final class ActionItemsPage {
    static final String TEMPLATE = "action-items.ftlh";
    static final String DIR = "action-items/";
    static final String PAGE = DIR + "index.html";
    static final String CSV = DIR + "action-items.csv";
    static final String OVERDUE_FEED = DIR + "overdue.xml";

    private final SiteContext ctx;
    /** The open items by team, made when first needed: the CSV's job is listed before every page a build makes. */
    private List<OpenItems> groups;

    ActionItemsPage(SiteContext ctx) {
        this.ctx = ctx;
    }

    private synchronized List<OpenItems> groups() {
        if (groups == null) {
            groups = OpenItems.of(ctx.analysis.ledger());
        }
        return groups;
    }

    /** Returns the page's model. */
    Map<String, Object> model() {
        SiteConfig cfg = ctx.site.config();
        List<Group> views = new ArrayList<>();
        Map<String, String> calendars = calendarPaths();
        for (OpenItems g : groups()) {
            String team = teamKey(g.team());
            views.add(new Group(team, g.team().label(), g.overdue(), g.items().stream().map(this::row).toList(),
                    calendars.getOrDefault(team, "")));
        }
        Map<String, Object> m = new HashMap<>();
        m.put("groups", views);
        m.put("open", groups().stream().mapToInt(g -> g.items().size()).sum());
        m.put("overdue", groups().stream().mapToInt(OpenItems::overdue).sum());
        m.put("asOf", cfg.today().toString());
        m.put("csv", CSV);
        m.put("reminders", cfg.reminders());
        m.put("overdueFeed", cfg.reminders() ? OVERDUE_FEED : "");
        m.put("calendars", cfg.reminders() ? calendarList(calendars) : List.of());
        return m;
    }

    /** Returns the CSV download: a header, then one row per open item in the page's order. */
    String csv() {
        CsvText csv = new CsvText().row(List.of("Team", "Status", "Overdue days", "Due", "Age days", "Action", "Type",
                "Owner", "Incident", "Incident date", "Incident URL", "Tracker"));
        String base = ctx.site.config().baseUrl();
        for (OpenItems g : groups()) {
            for (LedgerEntry e : g.items()) {
                Row r = row(e);
                csv.raw(List.of(CsvText.guard(r.teamLabel()), r.status(), r.overdue() ? Long.toString(r.overdueDays()) : "",
                        r.due(), r.ageDays() < 0 ? "" : Long.toString(r.ageDays()), CsvText.guard(r.title()), r.type(),
                        CsvText.guard(r.owner()), CsvText.guard(r.incidentTitle()), r.incidentDate(),
                        CsvText.guard(RelativeLinks.absolute(base, r.incidentPath())), CsvText.guard(r.link())));
            }
        }
        return csv.text();
    }

    /** Returns the data files: the CSV always, the calendars and the overdue feed when reminders are on. */
    Map<String, java.util.function.Supplier<String>> files() {
        Map<String, java.util.function.Supplier<String>> out = new LinkedHashMap<>();
        out.put(CSV, this::csv);
        if (ctx.site.config().reminders()) {
            ReminderFeeds feeds = new ReminderFeeds(ctx);
            Map<String, String> paths = calendarPaths();
            for (Map.Entry<String, OwnerTeam> t : teams().entrySet()) {
                List<LedgerEntry> items = groups().stream().filter(g -> teamKey(g.team()).equals(t.getKey()))
                        .flatMap(g -> g.items().stream()).toList();
                out.put(paths.get(t.getKey()), () -> feeds.calendar(t.getValue(), items));
            }
            out.put(OVERDUE_FEED, () -> feeds.overdue(OpenItems.flat(groups()), OVERDUE_FEED, DIR));
        }
        return out;
    }

    /** Returns the teams with a calendar by key: site.yml's teams (so a team's URL exists while it has no items) and every owner team. */
    private Map<String, OwnerTeam> teams() {
        Map<String, OwnerTeam> out = new java.util.TreeMap<>();
        for (Term t : ctx.site.config().teams()) {
            OwnerTeam team = new OwnerTeam(java.util.Optional.of(t.id()), t.label());
            out.put(teamKey(team), team);
        }
        groups().forEach(g -> out.putIfAbsent(teamKey(g.team()), g.team()));
        return out;
    }

    private Map<String, String> calendarPaths() {
        Map<String, String> out = new java.util.TreeMap<>();
        if (ctx.site.config().reminders()) {
            teams().keySet().forEach(k -> out.put(k, DIR + k + ".ics"));
        }
        return out;
    }

    private List<Group> calendarList(Map<String, String> paths) {
        List<Group> out = new ArrayList<>();
        teams().forEach((k, t) -> out.add(new Group(k, t.label(), 0, List.of(), paths.get(k))));
        return out;
    }

    /** Returns the key of a team in URLs and file names: its term slug, or "no-owner-team". */
    String teamKey(OwnerTeam team) {
        return team.id().map(id -> ctx.slugs.slug("teams", id)).orElse(team.key());
    }

    /** Returns an item's element id on the page. */
    static String anchor(LedgerEntry e) {
        return "item-" + e.slug() + "-" + e.key();
    }

    private Row row(LedgerEntry e) {
        Postmortem p = ctx.bySlug.get(e.slug());
        IncidentCard card = ctx.cards.get(e.slug());
        String incidentTitle = card != null ? card.title() : p != null ? p.title() : e.slug();
        String path = card != null ? card.path() : "incidents/" + e.slug() + "/";
        return new Row(anchor(e), e.item().title(), e.item().link().orElse(""), incidentTitle, path,
                p == null ? "" : p.date().map(LocalDate::toString).orElse(""), e.item().owner().orElse(""),
                teamKey(e.ownerTeam()), e.ownerTeam().label(), e.item().status().id(), e.item().status().label(),
                e.item().type().id(), e.item().due().map(LocalDate::toString).orElse(""), e.overdue(),
                e.overdueDays().orElse(0), e.ageDays().orElse(-1));
    }
}
