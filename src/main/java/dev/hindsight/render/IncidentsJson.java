package dev.hindsight.render;

import dev.hindsight.analyze.Durations;
import dev.hindsight.index.Similar;
import dev.hindsight.model.ActionItem;
import dev.hindsight.model.ActionOutcome;
import dev.hindsight.model.Inference;
import dev.hindsight.model.Page;
import dev.hindsight.model.Coverage;
import dev.hindsight.model.Postmortem;
import dev.hindsight.model.Section;
import dev.hindsight.model.SiteConfig;
import dev.hindsight.model.Term;
import dev.hindsight.model.TimelineEvent;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * Writes {@code incidents.json}: the whole typed model for other tools. Every key is always present; unknown
 * values are {@code null}. Bodies are given as their sections' plain text (the HTML is on the pages).
 * Durations are ISO-8601 ({@code PT45M}) with whole minutes beside them.
 */
final class IncidentsJson {
    /** Bumped when a key changes meaning or disappears. */
    static final int SCHEMA = 1;

    private final SiteContext ctx;

    IncidentsJson(SiteContext ctx) {
        this.ctx = ctx;
    }

    /** Returns the document. */
    String json() {
        SiteConfig cfg = ctx.site.config();
        JsonWriter w = new JsonWriter().beginObject();
        w.name("schema").value(SCHEMA);
        w.name("generator").value("hindsight");
        w.name("site").beginObject()
                .name("title").value(cfg.title())
                .name("description").value(cfg.description())
                .name("baseUrl").value(cfg.baseUrl())
                .name("language").value(cfg.language())
                .name("timeZone").value(cfg.zone().getId())
                .name("asOf").value(cfg.today().toString());
        Coverage found = Coverage.of(ctx.site.postmortems());
        w.name("found").beginObject().name("incidents").value(found.incidents())
                .name("date").value(found.percent(found.date())).name("summary").value(found.percent(found.summary()))
                .name("timeline").value(found.percent(found.timeline())).name("startTime").value(found.percent(found.start()))
                .name("actionItems").value(found.percent(found.actionItems())).endObject();
        w.endObject();
        w.name("vocabularies").beginObject();
        vocabulary(w, "severities", cfg.severities());
        vocabulary(w, "causes", cfg.causes());
        vocabulary(w, "services", cfg.services());
        vocabulary(w, "teams", cfg.teams());
        w.endObject();
        w.name("incidents").beginArray();
        for (Postmortem p : ctx.site.postmortems()) {
            incident(w, p);
        }
        w.endArray();
        w.name("pages").beginArray();
        for (Page p : ctx.pages) {
            w.beginObject().name("slug").value(p.slug()).name("title").value(p.title())
                    .name("url").value(RelativeLinks.absolute(cfg.baseUrl(), p.slug() + "/")).name("source").value(p.source())
                    .endObject();
        }
        w.endArray();
        return w.endObject().toJson();
    }

    private static void vocabulary(JsonWriter w, String name, List<Term> terms) {
        w.name(name).beginArray();
        for (Term t : terms) {
            w.beginObject().name("id").value(t.id()).name("label").value(t.label()).name("description").value(t.description());
            w.name("team");
            optional(w, t.team());
            w.name("links").beginArray();
            t.links().forEach(l -> w.beginObject().name("name").value(l.name()).name("url").value(l.url()).endObject());
            w.endArray();
            w.endObject();
        }
        w.endArray();
    }

    private void incident(JsonWriter w, Postmortem p) {
        SiteConfig cfg = ctx.site.config();
        IncidentCard card = ctx.cards.get(p.slug());
        w.beginObject();
        w.name("slug").value(p.slug());
        w.name("url").value(RelativeLinks.absolute(cfg.baseUrl(), "incidents/" + p.slug() + "/"));
        w.name("source").value(p.source());
        w.name("title").value(p.title());
        w.name("date");
        optional(w, p.date().map(LocalDate::toString));
        w.name("severity");
        optional(w, p.severity());
        w.name("status").value(p.status().id());
        w.name("summary");
        optional(w, p.summary());
        w.name("services").strings(p.services());
        w.name("teams").strings(p.teams());
        w.name("tags").strings(p.tags());
        w.name("causes").strings(p.causes());
        w.name("trigger");
        optional(w, p.trigger());
        w.name("detection");
        optional(w, p.detection());
        w.name("nearMiss").value(p.nearMiss());
        w.name("essential").value(card != null && card.essential());
        w.name("times").beginObject();
        instant(w, "started", p.times().started());
        instant(w, "detected", p.times().detected());
        instant(w, "mitigated", p.times().mitigated());
        instant(w, "resolved", p.times().resolved());
        w.endObject();
        Durations d = ctx.analysis.durations().getOrDefault(p.slug(), new Durations(Optional.empty(), Optional.empty(), Optional.empty()));
        w.name("durations").beginObject();
        duration(w, "toDetect", d.toDetect());
        duration(w, "toMitigate", d.toMitigate());
        duration(w, "toResolve", d.toResolve());
        w.endObject();
        w.name("impact").beginObject();
        number(w, "usersAffected", p.impact().usersAffected());
        w.name("customerFacing");
        if (p.impact().customerFacing().isPresent()) {
            w.value(p.impact().customerFacing().get());
        } else {
            w.nullValue();
        }
        number(w, "supportTickets", p.impact().supportTickets());
        w.endObject();
        w.name("authors").strings(p.authors());
        w.name("related").strings(p.related());
        w.name("recurrenceOf").strings(p.recurrenceOf());
        w.name("backlinks").strings(ctx.analysis.backlinks().getOrDefault(p.slug(), List.of()));
        w.name("previous");
        optional(w, Optional.ofNullable(ctx.analysis.previous().get(p.slug())));
        w.name("next");
        optional(w, Optional.ofNullable(ctx.analysis.next().get(p.slug())));
        actions(w, p.actionItems(), cfg.today());
        timeline(w, p.timeline());
        sections(w, p.sections());
        w.name("lessons").beginObject().name("wentWell").strings(p.lessons().wentWell())
                .name("wentWrong").strings(p.lessons().wentWrong()).name("lucky").strings(p.lessons().lucky()).endObject();
        w.name("inferences").beginArray();
        for (Inference i : p.inferences()) {
            w.beginObject().name("field").value(i.field()).name("value").value(i.value()).name("source").value(i.source()).endObject();
        }
        w.endArray();
        w.name("extra").beginObject();
        new TreeMap<>(p.extra()).forEach((k, v) -> w.name(k).value(v));
        w.endObject();
        w.name("similar").beginArray();
        for (Similar s : ctx.index.similarTo(p.slug())) {
            w.beginObject().name("slug").value(s.slug()).name("sharedCauses").strings(s.sharedCauses())
                    .name("sharedServices").strings(s.sharedServices()).name("terms").strings(s.terms())
                    .name("reason").value(s.reason()).endObject();
        }
        w.endArray();
        w.endObject();
    }

    private static void actions(JsonWriter w, List<ActionItem> items, LocalDate today) {
        w.name("actionItems").beginArray();
        for (ActionItem a : items) {
            w.beginObject().name("title").value(a.title()).name("type").value(a.type().id());
            w.name("owner");
            optional(w, a.owner());
            w.name("due");
            optional(w, a.due().map(LocalDate::toString));
            w.name("status").value(a.status().id());
            w.name("closed");
            optional(w, a.closed().map(LocalDate::toString));
            w.name("link");
            optional(w, a.link());
            w.name("outcome");
            optional(w, a.outcome().map(ActionOutcome::text));
            w.name("overdue").value(a.isOverdue(today));
            w.endObject();
        }
        w.endArray();
    }

    private static void timeline(JsonWriter w, List<TimelineEvent> events) {
        w.name("timeline").beginArray();
        for (TimelineEvent e : events) {
            w.beginObject().name("label").value(e.label());
            w.name("at");
            optional(w, e.at().map(Instant::toString));
            w.name("text").value(e.text()).endObject();
        }
        w.endArray();
    }

    private static void sections(JsonWriter w, List<Section> sections) {
        w.name("sections").beginArray();
        for (Section s : sections) {
            w.beginObject().name("kind").value(s.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'))
                    .name("heading").value(s.heading()).name("anchor").value(s.anchor()).name("text").value(s.text())
                    .endObject();
        }
        w.endArray();
    }

    private static void optional(JsonWriter w, Optional<String> v) {
        if (v.isPresent()) {
            w.value(v.get());
        } else {
            w.nullValue();
        }
    }

    private static void instant(JsonWriter w, String name, Optional<Instant> v) {
        w.name(name);
        optional(w, v.map(Instant::toString));
    }

    private static void duration(JsonWriter w, String name, Optional<Duration> d) {
        w.name(name);
        if (d.isEmpty()) {
            w.nullValue();
            return;
        }
        w.beginObject().name("iso").value(d.get().toString()).name("minutes").value(d.get().toMinutes()).endObject();
    }

    private static void number(JsonWriter w, String name, OptionalLong v) {
        w.name(name);
        if (v.isPresent()) {
            w.value(v.getAsLong());
        } else {
            w.nullValue();
        }
    }
}
