package dev.hindsight.render;

import dev.hindsight.analyze.LedgerEntry;
import dev.hindsight.analyze.OwnerTeam;
import dev.hindsight.model.Postmortem;
import dev.hindsight.model.SiteConfig;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The reminder feeds of open action items (site.yml {@code reminders: true}): an iCalendar per owner team with each
 * item's due day as an all-day event, and an Atom feed with an entry per overdue item, dated the day it became
 * overdue. They name the owner team, never the owner as written (which may be a person). Ids come from the item's
 * key ({@link LedgerEntry#id()}), so they survive reordering; every date comes from the build input.
 */
final class ReminderFeeds {
    private final SiteContext ctx;
    private final SiteConfig config;

    ReminderFeeds(SiteContext ctx) {
        this.ctx = ctx;
        this.config = ctx.site.config();
    }

    /** Returns a team's calendar: one all-day event per open item with a due date, in the page's order. */
    String calendar(OwnerTeam team, List<LedgerEntry> items) {
        String host = AtomFeed.host(config.baseUrl());
        List<CalendarFeed.Event> events = new ArrayList<>();
        for (LedgerEntry e : items) {
            if (e.item().due().isEmpty()) {
                continue;
            }
            Postmortem p = ctx.bySlug.get(e.slug());
            LocalDate stamp = p == null ? config.today() : p.date().orElse(config.today());
            events.add(new CalendarFeed.Event(e.slug() + "-" + e.key() + "@" + host, e.item().due().get(), stamp,
                    "Due: " + e.item().title(), description(e, p), pageUrl(e)));
        }
        return new CalendarFeed(config.title() + ": " + team.label() + " action items").document(events);
    }

    /**
     * Returns the Atom feed of overdue items, the most recently overdue first, at most {@link AtomFeed#LIMIT} like
     * the incident feeds: an item enters it the day after its due date, and a reader that polls keeps the entries it
     * has seen, so the feed need not carry every item that was ever overdue (at 10k incidents that was 7 MB).
     */
    String overdue(List<LedgerEntry> open, String feedPath, String pagePath) {
        AtomFeed atom = new AtomFeed(config);
        List<LedgerEntry> overdue = new ArrayList<>(open.stream().filter(LedgerEntry::overdue).toList());
        overdue.sort(Comparator.comparing((LedgerEntry e) -> e.item().due().orElseThrow()).reversed()
                .thenComparing(LedgerEntry::id));
        overdue = overdue.subList(0, Math.min(AtomFeed.LIMIT, overdue.size()));
        List<AtomFeed.Entry> entries = new ArrayList<>();
        for (LedgerEntry e : overdue) {
            Instant became = AtomFeed.startOf(e.item().due().orElseThrow().plusDays(1));
            Postmortem p = ctx.bySlug.get(e.slug());
            entries.add(new AtomFeed.Entry("Overdue: " + e.item().title() + " (" + e.ownerTeam().label() + ")",
                    pagePath + "#" + ActionItemsPage.anchor(e), atom.tag("action-item/" + e.id()), became, became,
                    List.of(), List.of(Map.entry(e.ownerTeam().key(), e.ownerTeam().label())), description(e, p)));
        }
        return atom.document(config.title() + ": overdue action items", feedPath, pagePath, entries);
    }

    /**
     * What a reminder says about an item: due day, team, type and status, and the incident; no person's name, and
     * nothing that changes with the day of the build (such as days overdue), so a feed changes only when its items do.
     */
    private static String description(LedgerEntry e, Postmortem p) {
        StringBuilder sb = new StringBuilder();
        sb.append("Due ").append(e.item().due().map(LocalDate::toString).orElse("(no date)"));
        sb.append(".\nTeam: ").append(e.ownerTeam().label())
                .append(".\nType: ").append(e.item().type().id()).append("; status: ").append(e.item().status().label())
                .append(".\nFrom the incident: ").append(p == null ? e.slug() : p.title());
        if (p != null && p.date().isPresent()) {
            sb.append(" (").append(p.date().get()).append(')');
        }
        e.item().link().ifPresent(l -> sb.append("\nTracker: ").append(l));
        return sb.toString();
    }

    /** Returns the absolute URL of the item on the action-items page, or "" when the base URL is not absolute. */
    private String pageUrl(LedgerEntry e) {
        return RelativeLinks.isAbsolute(config.baseUrl())
                ? RelativeLinks.absolute(config.baseUrl(), ActionItemsPage.DIR + "#" + ActionItemsPage.anchor(e)) : "";
    }
}
