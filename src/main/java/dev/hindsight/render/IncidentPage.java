package dev.hindsight.render;

import dev.hindsight.analyze.Durations;
import dev.hindsight.analyze.Fixes;
import dev.hindsight.analyze.Recurrence;
import dev.hindsight.index.RecurrenceRule;
import dev.hindsight.index.Similar;
import dev.hindsight.model.ActionItem;
import dev.hindsight.model.ActionOutcome;
import dev.hindsight.model.Postmortem;
import dev.hindsight.model.Problem;
import dev.hindsight.model.SectionKind;
import dev.hindsight.model.SiteConfig;
import dev.hindsight.model.SiteWriter;
import dev.hindsight.model.TimelineEvent;
import dev.hindsight.render.IncidentViews.ActionRow;
import dev.hindsight.render.IncidentViews.CameBack;
import dev.hindsight.render.IncidentViews.DurationView;
import dev.hindsight.render.IncidentViews.Fact;
import dev.hindsight.render.IncidentViews.Moment;
import dev.hindsight.render.IncidentViews.RecurrenceEntry;
import dev.hindsight.render.IncidentViews.RecurrenceView;
import dev.hindsight.render.IncidentViews.SimilarView;
import dev.hindsight.render.IncidentViews.TimelineRow;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Builds the data model of one incident page ({@code incident.ftlh}).
 */
final class IncidentPage {
    static final String TEMPLATE = "incident.ftlh";
    /**
     * How many incidents of a recurring cause to show on each side of this one. Two: the cause's page lists them all,
     * and on a big site a cause's neighbours in time are mostly other services, so a wider window adds bytes to every
     * page (0.6 KB an incident page at 10k for a third) more than it adds meaning.
     */
    private static final int AROUND = 2;
    private static final DateTimeFormatter HM = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);
    private static final DateTimeFormatter DAY_HM = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    private static final java.util.regex.Pattern WEB_LINK = java.util.regex.Pattern.compile("(?i)https?://\\S+");

    private final SiteContext ctx;
    private final BodyMemo bodies;
    private final ZoneId zone;

    IncidentPage(SiteContext ctx, BodyMemo bodies) {
        this.ctx = ctx;
        this.bodies = bodies;
        this.zone = ctx.site.config().zone();
    }

    /** Returns the page model, copying the page's images and resources and adding any problems found. */
    Map<String, Object> model(Postmortem p, String root, SiteWriter out, List<Problem> problems) {
        Map<String, Object> m = new HashMap<>();
        IncidentCard card = ctx.cards.get(p.slug());
        m.put("incident", card);
        m.put("durations", durations(p));
        m.put("moments", moments(p));
        m.put("facts", facts(p));
        // An inferred summary was read from the body, which the page shows anyway: the box would repeat it.
        m.put("summaryInBody", p.section(SectionKind.SUMMARY).isPresent() || p.inferred("summary"));
        m.put("actions", actions(p));
        m.put("lessons", p.lessons());
        m.put("inferences", p.inferences());
        m.put("authors", p.authors());
        m.put("related", ctx.cards(p.related()));
        m.put("missingRelated", p.related().stream().filter(s -> !ctx.cards.containsKey(s)).toList());
        m.put("recurrenceOf", ctx.cards(p.recurrenceOf()));
        m.put("cameBack", cameBack(p));
        m.put("recurs", recurs(p));
        List<IncidentCard> backlinks = ctx.cards(ctx.analysis.backlinks().getOrDefault(p.slug(), List.of()));
        List<SimilarView> similar = similar(p);
        List<RecurrenceView> recurrences = recurrences(p);
        m.put("backlinks", backlinks);
        m.put("similar", similar);
        m.put("recurrences", recurrences);
        Optional.ofNullable(ctx.analysis.previous().get(p.slug())).map(ctx.cards::get).ifPresent(c -> m.put("previous", c));
        Optional.ofNullable(ctx.analysis.next().get(p.slug())).map(ctx.cards::get).ifPresent(c -> m.put("next", c));
        nextEssential(p).ifPresent(c -> m.put("nextEssential", c));
        m.put("hasConnections", !similar.isEmpty() || !recurrences.isEmpty() || !p.related().isEmpty()
                || !p.recurrenceOf().isEmpty() || !backlinks.isEmpty());
        m.put("inferredFields", p.inferences().stream().map(i -> i.field()).distinct().sorted().toList());

        PageResources res = PageResources.of(ctx.contentDir, p, out);
        res.copyBundle();
        List<BodyRewriter.SlotRequest> slots = List.of(
                new BodyRewriter.SlotRequest("timeline", p.section(SectionKind.TIMELINE), p.timeline().size(), "Timeline", false),
                new BodyRewriter.SlotRequest("actions", p.section(SectionKind.ACTION_ITEMS), p.actionItems().size(), "Action items", true),
                new BodyRewriter.SlotRequest("lessons", p.section(SectionKind.LESSONS), lessonCount(p), "Lessons learned", false));
        BodyRewriter.Context bodyContext = context(ctx, p.source(), root, res);
        RenderedBody body = bodies.rewrite(p.bodyHtml(), p.title(), slots, bodyContext);
        m.put("timeline", timeline(p, bodyContext));
        for (String src : body.missingImages()) {
            problems.add(Problem.warning(p.source(), res.lineOf(src), "missing-image", "image not found: " + src));
        }
        problems.addAll(res.problems());
        m.put("body", body.chunks());
        m.put("toc", body.toc());
        m.put("timelineShown", body.hasSlot("timeline"));
        m.put("actionsShown", body.hasSlot("actions"));
        m.put("lessonsShown", body.hasSlot("lessons"));
        return m;
    }

    /** Returns the context the body rewriter needs for a content file of a site. */
    static BodyRewriter.Context context(SiteContext ctx, String source, String root, PageResources res) {
        return new BodyRewriter.Context() {
            @Override
            public String root() {
                return root;
            }

            @Override
            public String source() {
                return source;
            }

            @Override
            public Optional<String> markdownTarget(String linkPath) {
                return ctx.links.resolve(source, linkPath);
            }

            @Override
            public Optional<String> image(String src) {
                return res.image(src);
            }
        };
    }

    private static int lessonCount(Postmortem p) {
        return p.lessons().wentWell().size() + p.lessons().wentWrong().size() + p.lessons().lucky().size();
    }

    private List<DurationView> durations(Postmortem p) {
        Durations d = ctx.analysis.durations().getOrDefault(p.slug(),
                new Durations(Optional.empty(), Optional.empty(), Optional.empty()));
        boolean startInferred = p.inferred("times.started");
        return List.of(
                duration("TTD", "Time to detect", d.toDetect(), p.times().started(), p.times().detected(), "detected",
                        startInferred || p.inferred("times.detected")),
                duration("TTM", "Time to mitigate", d.toMitigate(), p.times().started(), p.times().mitigated(), "mitigated",
                        startInferred || p.inferred("times.mitigated")),
                duration("TTR", "Time to resolve", d.toResolve(), p.times().started(), p.times().resolved(), "resolved",
                        startInferred || p.inferred("times.resolved")));
    }

    private static DurationView duration(String abbr, String label, Optional<Duration> d, Optional<Instant> start,
                                         Optional<Instant> end, String endName, boolean inferred) {
        if (d.isPresent()) {
            return new DurationView(abbr, label, Durations.format(d.get()), true, inferred, "");
        }
        List<String> missing = new ArrayList<>();
        start.ifPresentOrElse(s -> { }, () -> missing.add("start time"));
        end.ifPresentOrElse(e -> { }, () -> missing.add(endName + " time"));
        String why = missing.isEmpty() ? "the " + endName + " time is before the start time" : "no " + String.join(" or ", missing) + " recorded";
        return new DurationView(abbr, label, "unknown", false, false, why);
    }

    private List<Moment> moments(Postmortem p) {
        List<Moment> out = new ArrayList<>();
        p.times().started().ifPresent(t -> out.add(moment("Started", t, p.inferred("times.started"))));
        p.times().detected().ifPresent(t -> out.add(moment("Detected", t, p.inferred("times.detected"))));
        p.times().mitigated().ifPresent(t -> out.add(moment("Mitigated", t, p.inferred("times.mitigated"))));
        p.times().resolved().ifPresent(t -> out.add(moment("Resolved", t, p.inferred("times.resolved"))));
        return out;
    }

    private Moment moment(String label, Instant t, boolean inferred) {
        return new Moment(label, t.toString(), DAY_HM.format(t.atZone(zone)) + " " + zoneName(), inferred);
    }

    private String zoneName() {
        return zone.getId().equals("Z") ? "UTC" : zone.getId();
    }

    private List<Fact> facts(Postmortem p) {
        List<Fact> out = new ArrayList<>();
        p.impact().usersAffected().ifPresent(n -> out.add(new Fact("Users affected", String.format(Locale.ROOT, "%,d", n))));
        p.impact().customerFacing().ifPresent(b -> out.add(new Fact("Customer-facing", b ? "yes" : "no")));
        p.impact().supportTickets().ifPresent(n -> out.add(new Fact("Support tickets", String.format(Locale.ROOT, "%,d", n))));
        p.trigger().ifPresent(t -> out.add(new Fact("Trigger", t)));
        p.detection().ifPresent(t -> out.add(new Fact("Detected by", t)));
        return out;
    }

    /**
     * Returns the essential read after this one on the reading path (the essentials, oldest first, as History lists
     * them), for an essential incident that is not the last.
     */
    private Optional<IncidentCard> nextEssential(Postmortem p) {
        IncidentCard self = ctx.cards.get(p.slug());
        if (self == null || !self.essential()) {
            return Optional.empty();
        }
        List<IncidentCard> path = ctx.cards.values().stream().filter(IncidentCard::essential)
                .sorted(IncidentCard.OLDEST_FIRST).toList();
        int at = path.indexOf(self);
        return at >= 0 && at + 1 < path.size() ? Optional.of(path.get(at + 1)) : Optional.empty();
    }

    /** Returns the later incidents that repeat this one, oldest first. */
    private List<CameBack> cameBack(Postmortem p) {
        return matches(p, false);
    }

    /** Returns the earlier incidents this one repeats, with why, oldest first. */
    private List<CameBack> recurs(Postmortem p) {
        return matches(p, true);
    }

    /** Returns the other side of each recurrence this incident is the later (or the earlier) one of. */
    private List<CameBack> matches(Postmortem p, boolean asLater) {
        List<CameBack> out = new ArrayList<>();
        for (RecurrenceRule.Match m : ctx.recurrenceMatches.getOrDefault(p.slug(), List.of())) {
            Postmortem later = ctx.bySlug.get(m.later());
            Postmortem earlier = ctx.bySlug.get(m.earlier());
            if ((asLater ? m.later() : m.earlier()).equals(p.slug()) && later != null && earlier != null) {
                out.add(new CameBack(ctx.cards.get((asLater ? earlier : later).slug()),
                        Fixes.fixedBefore(earlier, Fixes.startDay(later)).isPresent(), m.why()));
            }
        }
        return out;
    }

    private List<TimelineRow> timeline(Postmortem p, BodyRewriter.Context bodyContext) {
        List<TimelineRow> out = new ArrayList<>();
        LocalDate shownDay = p.date().orElse(null);
        for (TimelineEvent e : p.timeline()) {
            String marker = marker(p, e);
            if (e.at().isPresent()) {
                LocalDate day = e.at().get().atZone(zone).toLocalDate();
                String dayText = day.equals(shownDay) ? "" : day.toString();  // shownDay is null when undated
                shownDay = day;
                out.add(new TimelineRow(HM.format(e.at().get().atZone(zone)), dayText, e.at().get().toString(), e.label(),
                        BodyRewriter.inline(e.html(), bodyContext), marker));
            } else {
                out.add(new TimelineRow(e.label(), "", "", e.label(), BodyRewriter.inline(e.html(), bodyContext), marker));
            }
        }
        return out;
    }

    private static String marker(Postmortem p, TimelineEvent e) {
        if (e.at().isEmpty()) {
            return "";
        }
        Instant t = e.at().get();
        if (p.times().started().equals(Optional.of(t))) {
            return "started";
        }
        if (p.times().detected().equals(Optional.of(t))) {
            return "detected";
        }
        if (p.times().mitigated().equals(Optional.of(t))) {
            return "mitigated";
        }
        return p.times().resolved().equals(Optional.of(t)) ? "resolved" : "";
    }

    private List<ActionRow> actions(Postmortem p) {
        LocalDate today = ctx.site.config().today();
        List<ActionRow> out = new ArrayList<>();
        for (ActionItem a : p.actionItems()) {
            boolean overdue = a.isOverdue(today);
            long days = overdue ? ChronoUnit.DAYS.between(a.due().get(), today) : 0;
            String link = a.link().filter(l -> WEB_LINK.matcher(l).matches()).orElse("");
            out.add(new ActionRow(a.title(), a.type().id(), a.owner().orElse(""), a.due().map(LocalDate::toString).orElse(""),
                    a.status().id(), a.status().label(), overdue, days, a.closed().map(LocalDate::toString).orElse(""), link,
                    a.outcome().map(ActionOutcome::label).orElse("")));
        }
        return out;
    }

    private List<SimilarView> similar(Postmortem p) {
        List<SimilarView> out = new ArrayList<>();
        for (Similar s : ctx.index.similarTo(p.slug())) {
            IncidentCard c = ctx.cards.get(s.slug());
            if (c != null && !s.slug().equals(p.slug())) {
                out.add(new SimilarView(c, s.reason()));
            }
        }
        return out;
    }

    /** Lists the causes this incident shares with others, and declared chains, each around this incident. */
    private List<RecurrenceView> recurrences(Postmortem p) {
        List<RecurrenceView> out = new ArrayList<>();
        java.util.Set<String> shown = new java.util.HashSet<>();
        for (SiteContext.RecurrenceAt ra : ctx.recurrencesOf.getOrDefault(p.slug(), List.of())) {
            Recurrence r = ra.recurrence();
            if (r.kind() == Recurrence.Kind.CAUSE_AND_SERVICE
                    || (r.kind() == Recurrence.Kind.DECLARED && shown.containsAll(r.slugs()))) {
                continue;
            }
            List<String> chain = r.slugs();
            int at = ra.index();
            int from = Math.max(0, at - AROUND);
            int to = Math.min(chain.size(), at + AROUND + 1);
            List<RecurrenceEntry> entries = new ArrayList<>();
            for (String s : chain.subList(from, to)) {
                IncidentCard c = ctx.cards.get(s);
                if (c != null) {
                    boolean sameService = !s.equals(p.slug()) && c.services().stream().anyMatch(t -> p.services().contains(t.id()));
                    entries.add(new RecurrenceEntry(c, s.equals(p.slug()), sameService));
                }
            }
            entries.forEach(e -> shown.add(e.incident().slug()));
            boolean declared = r.kind() == Recurrence.Kind.DECLARED;
            String label = SiteConfig.label(ctx.site.config().causes(), r.cause());
            String title = declared ? "Declared recurrence chain" : "Cause: " + label;
            String path = declared || r.cause().isEmpty() ? "" : ctx.slugs.path("causes", r.cause());
            out.add(new RecurrenceView(title, path, entries, chain.size() - (to - from)));
        }
        return out;
    }
}
