package dev.hindsight.render;

import dev.hindsight.analyze.Durations;
import dev.hindsight.analyze.Recurrence;
import dev.hindsight.model.ActionItem;
import dev.hindsight.model.ActionOutcome;
import dev.hindsight.model.IncidentDigests;
import dev.hindsight.model.Postmortem;
import dev.hindsight.model.Problem;
import dev.hindsight.model.SectionKind;
import dev.hindsight.model.TimelineEvent;
import dev.hindsight.render.IncidentViews.ActionRow;
import dev.hindsight.render.IncidentViews.CameBack;
import dev.hindsight.render.IncidentViews.DurationView;
import dev.hindsight.render.IncidentViews.Fact;
import dev.hindsight.render.IncidentViews.Moment;
import dev.hindsight.render.IncidentViews.RecurrenceEntry;
import dev.hindsight.render.IncidentViews.RecurrenceView;
import dev.hindsight.render.IncidentViews.SimilarList;
import dev.hindsight.render.IncidentViews.SimilarView;
import dev.hindsight.render.IncidentViews.TimelineRow;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Builds the data model of one incident page ({@code incident.ftlh}) from its incident and the answers to its
 * questions about the rest of the site ({@link IncidentInputs}), which is all it reads.
 */
final class IncidentPage {
    static final String TEMPLATE = "incident.ftlh";
    private static final DateTimeFormatter HM = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);
    private static final DateTimeFormatter DAY_HM = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    private static final java.util.regex.Pattern WEB_LINK = java.util.regex.Pattern.compile("(?i)https?://\\S+");

    private final BodyMemo bodies;
    private final IncidentDigests digests;

    /** Creates the maker of incident pages; each body is kept in the memo under its incident's whole digest. */
    IncidentPage(BodyMemo bodies, IncidentDigests digests) {
        this.bodies = bodies;
        this.digests = digests;
    }

    /** Returns the page model, adding any problems found; the inputs place the files its body shows or links. */
    Map<String, Object> model(Postmortem p, String root, IncidentInputs in, List<Problem> problems) {
        Map<String, Object> m = new HashMap<>();
        ZoneId zone = ZoneId.of(in.zone());
        IncidentCard card = in.card(p.slug()).orElse(null);
        m.put("incident", card);
        m.put("durations", durations(p, in.durations(p.slug())));
        m.put("moments", moments(p, zone));
        m.put("facts", facts(p));
        // An inferred summary was read from the body, which the page shows anyway: the box would repeat it.
        m.put("summaryInBody", p.section(SectionKind.SUMMARY).isPresent() || p.inferred("summary"));
        List<ActionRow> actions = actions(p, in);
        m.put("actions", actions);
        if (actions.stream().anyMatch(ActionRow::overdue)) {
            m.put("asOf", in.today());
        }
        m.put("lessons", p.lessons());
        m.put("inferences", p.inferences());
        m.put("authors", p.authors());
        m.put("related", cards(in, p.related()));
        m.put("missingRelated", p.related().stream().filter(s -> in.card(s).isEmpty()).toList());
        m.put("recurrenceOf", cards(in, p.recurrenceOf()));
        List<IncidentInputs.Repeat> repeats = in.repeats(p.slug());
        m.put("cameBack", matches(p, repeats, in, false));
        m.put("recurs", matches(p, repeats, in, true));
        List<IncidentCard> backlinks = cards(in, in.backlinks(p.slug()));
        SimilarList similar = similar(p, in);
        List<RecurrenceView> recurrences = recurrences(p, in);
        m.put("backlinks", backlinks);
        m.put("similar", similar);
        m.put("recurrences", recurrences);
        in.previous(p.slug()).flatMap(in::card).ifPresent(c -> m.put("previous", c));
        in.next(p.slug()).flatMap(in::card).ifPresent(c -> m.put("next", c));
        if (card != null && card.essential()) {
            in.nextEssential(p.slug()).flatMap(in::card).ifPresent(c -> m.put("nextEssential", c));
        }
        m.put("hasConnections", !similar.items().isEmpty() || !recurrences.isEmpty() || !p.related().isEmpty()
                || !p.recurrenceOf().isEmpty() || !backlinks.isEmpty());
        m.put("inferredFields", p.inferences().stream().map(i -> i.field()).distinct().sorted().toList());

        BodyRewriter.Context bodyContext = context(in, p.source(), root);
        RenderedBody body = bodies.rewrite(digests.of(p), p.bodyHtml(), p.title(), slots(p), bodyContext);
        List<TimelineRow> timeline = timeline(p, bodyContext, zone);
        m.put("timeline", timeline);
        m.put("body", FootnoteLinks.withoutDanglingBackLinks(body.chunks(), body.hasSlot("timeline")
                ? timeline.stream().map(TimelineRow::html).toList() : List.of()));
        m.put("toc", body.toc());
        m.put("timelineShown", body.hasSlot("timeline"));
        m.put("actionsShown", body.hasSlot("actions"));
        m.put("lessonsShown", body.hasSlot("lessons"));
        return m;
    }

    /** Returns the cards of some slugs, skipping unknown ones, in the given order. */
    private static List<IncidentCard> cards(IncidentInputs in, List<String> slugs) {
        List<IncidentCard> out = new ArrayList<>(slugs.size());
        for (String s : slugs) {
            in.card(s).ifPresent(out::add);
        }
        return out;
    }

    /** Returns the context the body rewriter needs for an incident's body, from the incident page's inputs. */
    private static BodyRewriter.Context context(IncidentInputs in, String source, String root) {
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
            public Optional<String> linkTarget(String linkPath) {
                return in.linkTarget(linkPath);
            }

            @Override
            public Optional<String> image(String src) {
                return in.image(src);
            }

            @Override
            public Optional<String> attachment(String linkPath) {
                return in.attachment(linkPath);
            }
        };
    }

    /** Returns the context the body rewriter needs for a content file of a site. */
    static BodyRewriter.Context context(SiteContext ctx, String source, String root, PageResources res) {
        return context(new SiteInputs(ctx, source, res), source, root);
    }

    /**
     * Keeps the rewritten body an incident's page was made with in the body cache, for a page copied from the page
     * cache: it was not rewritten this build, and the next build may need it (a neighbour's new title renders the
     * page again, its body unchanged).
     */
    void keepBody(Postmortem p, String root) {
        bodies.keep(digests.of(p), root, p.source());
    }

    /** The structured data that takes the place of a section's table or list in an incident's body. */
    private static List<BodyRewriter.SlotRequest> slots(Postmortem p) {
        return List.of(
                new BodyRewriter.SlotRequest("timeline", p.section(SectionKind.TIMELINE), p.timeline().size(), "Timeline", false),
                new BodyRewriter.SlotRequest("actions", p.section(SectionKind.ACTION_ITEMS), p.actionItems().size(), "Action items", true),
                new BodyRewriter.SlotRequest("lessons", p.section(SectionKind.LESSONS), lessonCount(p), "Lessons learned", false));
    }

    private static int lessonCount(Postmortem p) {
        return p.lessons().wentWell().size() + p.lessons().wentWrong().size() + p.lessons().lucky().size();
    }

    private static List<DurationView> durations(Postmortem p, Durations d) {
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

    private static List<Moment> moments(Postmortem p, ZoneId zone) {
        List<Moment> out = new ArrayList<>();
        p.times().started().ifPresent(t -> out.add(moment("Started", t, p.inferred("times.started"), zone)));
        p.times().detected().ifPresent(t -> out.add(moment("Detected", t, p.inferred("times.detected"), zone)));
        p.times().mitigated().ifPresent(t -> out.add(moment("Mitigated", t, p.inferred("times.mitigated"), zone)));
        p.times().resolved().ifPresent(t -> out.add(moment("Resolved", t, p.inferred("times.resolved"), zone)));
        return out;
    }

    private static Moment moment(String label, Instant t, boolean inferred, ZoneId zone) {
        return new Moment(label, t.toString(), DAY_HM.format(t.atZone(zone)) + " " + (zone.getId().equals("Z") ? "UTC" : zone.getId()), inferred);
    }

    private static List<Fact> facts(Postmortem p) {
        List<Fact> out = new ArrayList<>();
        p.impact().usersAffected().ifPresent(n -> out.add(new Fact("Users affected", String.format(Locale.ROOT, "%,d", n))));
        p.impact().customerFacing().ifPresent(b -> out.add(new Fact("Customer-facing", b ? "yes" : "no")));
        p.impact().supportTickets().ifPresent(n -> out.add(new Fact("Support tickets", String.format(Locale.ROOT, "%,d", n))));
        p.trigger().ifPresent(t -> out.add(new Fact("Trigger", t)));
        p.detection().ifPresent(t -> out.add(new Fact("Detected by", t)));
        return out;
    }

    /**
     * Returns the other side of each recurrence this incident is the later (or the earlier) one of: the earlier
     * incidents it repeats, or the later ones that repeat it, with why, oldest first.
     */
    private static List<CameBack> matches(Postmortem p, List<IncidentInputs.Repeat> repeats, IncidentInputs in, boolean asLater) {
        List<CameBack> out = new ArrayList<>();
        for (IncidentInputs.Repeat r : repeats) {
            if ((asLater ? r.later() : r.earlier()).equals(p.slug())) {
                in.card(asLater ? r.earlier() : r.later()).ifPresent(c -> out.add(new CameBack(c, r.afterFix(), r.why())));
            }
        }
        return out;
    }

    private static List<TimelineRow> timeline(Postmortem p, BodyRewriter.Context bodyContext, ZoneId zone) {
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

    /** Returns the action items' rows; an open item past its due day is overdue by the days the inputs give. */
    private static List<ActionRow> actions(Postmortem p, IncidentInputs in) {
        List<ActionRow> out = new ArrayList<>();
        for (ActionItem a : p.actionItems()) {
            long days = a.status().isOpen() && a.due().isPresent() ? in.daysOverdue(a.due().get().toString()) : 0;
            String link = a.link().filter(l -> WEB_LINK.matcher(l).matches()).orElse("");
            out.add(new ActionRow(a.title(), a.type().id(), a.owner().orElse(""), a.due().map(LocalDate::toString).orElse(""),
                    a.status().id(), a.status().label(), days > 0, days, a.closed().map(LocalDate::toString).orElse(""), link,
                    a.outcome().map(ActionOutcome::label).orElse("")));
        }
        return out;
    }

    private static SimilarList similar(Postmortem p, IncidentInputs in) {
        record Shown(IncidentCard card, List<String> reasons) {
        }
        List<Shown> shown = new ArrayList<>();
        for (IncidentInputs.Alike s : in.similar(p.slug())) {
            if (!s.slug().equals(p.slug())) {
                in.card(s.slug()).ifPresent(c -> shown.add(new Shown(c, s.reasons())));
            }
        }
        List<String> shared = new ArrayList<>();
        if (shown.size() > 1) {
            shared.addAll(shown.get(0).reasons());
            shown.forEach(s -> shared.retainAll(s.reasons()));
        }
        List<SimilarView> out = new ArrayList<>();
        for (Shown s : shown) {
            List<String> own = new ArrayList<>(s.reasons());
            own.removeAll(shared);
            out.add(new SimilarView(s.card(), String.join("; ", own)));
        }
        return new SimilarList(out, String.join("; ", shared));
    }

    /** Lists the causes this incident shares with others, and declared chains, each around this incident. */
    private static List<RecurrenceView> recurrences(Postmortem p, IncidentInputs in) {
        List<RecurrenceView> out = new ArrayList<>();
        for (IncidentInputs.Window w : in.chains(p.slug())) {
            List<RecurrenceEntry> entries = new ArrayList<>();
            for (String s : w.slugs()) {
                in.card(s).ifPresent(c -> entries.add(new RecurrenceEntry(c, s.equals(p.slug()),
                        !s.equals(p.slug()) && c.services().stream().anyMatch(t -> p.services().contains(t.id())))));
            }
            boolean declared = w.kind() == Recurrence.Kind.DECLARED;
            String title = declared ? "Declared recurrence chain" : "Cause: " + in.causeLabel(w.cause());
            String path = declared || w.cause().isEmpty() ? "" : in.causePath(w.cause());
            out.add(new RecurrenceView(title, path, entries, w.more()));
        }
        return out;
    }
}
