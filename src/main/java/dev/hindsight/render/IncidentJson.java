package dev.hindsight.render;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.hindsight.analyze.Durations;
import dev.hindsight.index.Similar;
import dev.hindsight.model.ActionItem;
import dev.hindsight.model.ActionOutcome;
import dev.hindsight.model.Inference;
import dev.hindsight.model.JsonOut;
import dev.hindsight.model.Postmortem;
import dev.hindsight.model.Section;
import dev.hindsight.model.SiteConfig;
import dev.hindsight.model.TimelineEvent;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * Writes one incident of {@code incidents.json} as a JSON object, keys in a fixed order. Every key is always
 * present and unknown values are {@code null}, except each section's {@code text}, which is written only when
 * the bodies are kept ({@code build --with-bodies}).
 */
final class IncidentJson {
    private final SiteContext ctx;
    private final boolean bodies;

    IncidentJson(SiteContext ctx, boolean bodies) {
        this.ctx = ctx;
        this.bodies = bodies;
    }

    /** Returns the incident as one compact JSON object. */
    String json(Postmortem p) {
        return JsonOut.string(JsonOut.Layout.COMPACT, g -> write(g, p));
    }

    private void write(JsonGenerator g, Postmortem p) throws IOException {
        SiteConfig cfg = ctx.site.config();
        IncidentCard card = ctx.cards.get(p.slug());
        g.writeStartObject();
        g.writeStringField("slug", p.slug());
        g.writeStringField("url", RelativeLinks.absolute(cfg.baseUrl(), "incidents/" + p.slug() + "/"));
        g.writeStringField("source", p.source());
        g.writeStringField("title", p.title());
        g.writeStringField("date", p.date().map(LocalDate::toString).orElse(null));
        g.writeStringField("severity", p.severity().orElse(null));
        g.writeStringField("status", p.status().id());
        g.writeStringField("summary", p.summary().orElse(null));
        JsonOut.strings(g, "services", p.services());
        JsonOut.strings(g, "teams", p.teams());
        JsonOut.strings(g, "tags", p.tags());
        JsonOut.strings(g, "causes", p.causes());
        g.writeStringField("trigger", p.trigger().orElse(null));
        g.writeStringField("detection", p.detection().orElse(null));
        g.writeBooleanField("nearMiss", p.nearMiss());
        g.writeBooleanField("essential", card != null && card.essential());
        g.writeObjectFieldStart("times");
        instant(g, "started", p.times().started());
        instant(g, "detected", p.times().detected());
        instant(g, "mitigated", p.times().mitigated());
        instant(g, "resolved", p.times().resolved());
        g.writeEndObject();
        Durations d = ctx.analysis.durations().getOrDefault(p.slug(), new Durations(Optional.empty(), Optional.empty(), Optional.empty()));
        g.writeObjectFieldStart("durations");
        duration(g, "toDetect", d.toDetect());
        duration(g, "toMitigate", d.toMitigate());
        duration(g, "toResolve", d.toResolve());
        g.writeEndObject();
        g.writeObjectFieldStart("impact");
        number(g, "usersAffected", p.impact().usersAffected());
        g.writeFieldName("customerFacing");
        if (p.impact().customerFacing().isPresent()) {
            g.writeBoolean(p.impact().customerFacing().get());
        } else {
            g.writeNull();
        }
        number(g, "supportTickets", p.impact().supportTickets());
        g.writeEndObject();
        JsonOut.strings(g, "authors", p.authors());
        JsonOut.strings(g, "related", p.related());
        JsonOut.strings(g, "recurrenceOf", p.recurrenceOf());
        JsonOut.strings(g, "backlinks", ctx.analysis.backlinks().getOrDefault(p.slug(), List.of()));
        g.writeStringField("previous", ctx.analysis.previous().get(p.slug()));
        g.writeStringField("next", ctx.analysis.next().get(p.slug()));
        actions(g, p.actionItems(), cfg.today());
        timeline(g, p.timeline());
        sections(g, p.sections());
        g.writeObjectFieldStart("lessons");
        JsonOut.strings(g, "wentWell", p.lessons().wentWell());
        JsonOut.strings(g, "wentWrong", p.lessons().wentWrong());
        JsonOut.strings(g, "lucky", p.lessons().lucky());
        g.writeEndObject();
        g.writeArrayFieldStart("inferences");
        for (Inference i : p.inferences()) {
            g.writeStartObject();
            g.writeStringField("field", i.field());
            g.writeStringField("value", i.value());
            g.writeStringField("source", i.source());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeObjectFieldStart("extra");
        for (var e : new TreeMap<>(p.extra()).entrySet()) {
            g.writeStringField(e.getKey(), e.getValue());
        }
        g.writeEndObject();
        similar(g, p);
        g.writeEndObject();
    }

    private void similar(JsonGenerator g, Postmortem p) throws IOException {
        g.writeArrayFieldStart("similar");
        for (Similar s : ctx.index.similarTo(p.slug())) {
            g.writeStartObject();
            g.writeStringField("slug", s.slug());
            JsonOut.strings(g, "sharedCauses", s.sharedCauses());
            JsonOut.strings(g, "sharedServices", s.sharedServices());
            JsonOut.strings(g, "terms", s.terms());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void actions(JsonGenerator g, List<ActionItem> items, LocalDate today) throws IOException {
        g.writeArrayFieldStart("actionItems");
        for (ActionItem a : items) {
            g.writeStartObject();
            g.writeStringField("title", a.title());
            g.writeStringField("type", a.type().id());
            g.writeStringField("owner", a.owner().orElse(null));
            g.writeStringField("due", a.due().map(LocalDate::toString).orElse(null));
            g.writeStringField("status", a.status().id());
            g.writeStringField("closed", a.closed().map(LocalDate::toString).orElse(null));
            g.writeStringField("link", a.link().orElse(null));
            g.writeStringField("outcome", a.outcome().map(ActionOutcome::text).orElse(null));
            g.writeBooleanField("overdue", a.isOverdue(today));
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void timeline(JsonGenerator g, List<TimelineEvent> events) throws IOException {
        g.writeArrayFieldStart("timeline");
        for (TimelineEvent e : events) {
            g.writeStartObject();
            g.writeStringField("label", e.label());
            g.writeStringField("at", e.at().map(Instant::toString).orElse(null));
            g.writeStringField("text", e.text());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private void sections(JsonGenerator g, List<Section> sections) throws IOException {
        g.writeArrayFieldStart("sections");
        for (Section s : sections) {
            g.writeStartObject();
            g.writeStringField("kind", s.kind().name().toLowerCase(Locale.ROOT).replace('_', '-'));
            g.writeStringField("heading", s.heading());
            g.writeStringField("anchor", s.anchor());
            if (bodies) {
                g.writeStringField("text", s.text());
            }
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void instant(JsonGenerator g, String name, Optional<Instant> v) throws IOException {
        g.writeStringField(name, v.map(Instant::toString).orElse(null));
    }

    private static void duration(JsonGenerator g, String name, Optional<Duration> d) throws IOException {
        if (d.isEmpty()) {
            g.writeNullField(name);
            return;
        }
        g.writeObjectFieldStart(name);
        g.writeStringField("iso", d.get().toString());
        g.writeNumberField("minutes", d.get().toMinutes());
        g.writeEndObject();
    }

    private static void number(JsonGenerator g, String name, OptionalLong v) throws IOException {
        if (v.isPresent()) {
            g.writeNumberField(name, v.getAsLong());
        } else {
            g.writeNullField(name);
        }
    }
}
