package dev.hindsight.render;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.hindsight.analyze.Durations;
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
 *
 * <p>An object is made from the incident and its {@link Inputs} alone (the writer is static and sees nothing else),
 * so the incident's digest with its inputs is an exact key for the object: {@link IncidentsJson} keeps the files of
 * years whose keys are unchanged.
 */
final class IncidentJson {
    /** Everything an incident's object shows besides the incident's own record. */
    record Inputs(boolean essential, Durations durations, List<String> backlinks, Optional<String> previous,
                  Optional<String> next, String url, List<Boolean> overdue, List<SimilarOut> similar, boolean bodies) {
    }

    /** What the object shows of one similar incident (its score is not shown, and moves with every edit). */
    record SimilarOut(String slug, List<String> sharedCauses, List<String> sharedServices, List<String> terms) {
    }

    private final SiteContext ctx;
    private final boolean bodies;

    IncidentJson(SiteContext ctx, boolean bodies) {
        this.ctx = ctx;
        this.bodies = bodies;
    }

    /** Returns what an incident's object is made from besides the incident. */
    Inputs inputs(Postmortem p) {
        SiteConfig cfg = ctx.site.config();
        IncidentCard card = ctx.cards.get(p.slug());
        Durations d = ctx.analysis.durations().getOrDefault(p.slug(), new Durations(Optional.empty(), Optional.empty(), Optional.empty()));
        List<SimilarOut> similar = ctx.index.similarTo(p.slug()).stream()
                .map(s -> new SimilarOut(s.slug(), s.sharedCauses(), s.sharedServices(), s.terms())).toList();
        return new Inputs(card != null && card.essential(), d, ctx.analysis.backlinks().getOrDefault(p.slug(), List.of()),
                Optional.ofNullable(ctx.analysis.previous().get(p.slug())), Optional.ofNullable(ctx.analysis.next().get(p.slug())),
                RelativeLinks.absolute(cfg.baseUrl(), "incidents/" + p.slug() + "/"),
                p.actionItems().stream().map(a -> a.isOverdue(cfg.today())).toList(), similar, bodies);
    }

    /** Returns the incident as one compact JSON object. */
    static String json(Postmortem p, Inputs in) {
        return JsonOut.string(JsonOut.Layout.COMPACT, g -> write(g, p, in));
    }

    private static void write(JsonGenerator g, Postmortem p, Inputs in) throws IOException {
        g.writeStartObject();
        g.writeStringField("slug", p.slug());
        g.writeStringField("url", in.url());
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
        g.writeBooleanField("essential", in.essential());
        g.writeObjectFieldStart("times");
        instant(g, "started", p.times().started());
        instant(g, "detected", p.times().detected());
        instant(g, "mitigated", p.times().mitigated());
        instant(g, "resolved", p.times().resolved());
        g.writeEndObject();
        Durations d = in.durations();
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
        JsonOut.strings(g, "backlinks", in.backlinks());
        g.writeStringField("previous", in.previous().orElse(null));
        g.writeStringField("next", in.next().orElse(null));
        actions(g, p.actionItems(), in.overdue());
        timeline(g, p.timeline());
        sections(g, p.sections(), in.bodies());
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
        similar(g, in.similar());
        g.writeEndObject();
    }

    private static void similar(JsonGenerator g, List<SimilarOut> similar) throws IOException {
        g.writeArrayFieldStart("similar");
        for (SimilarOut s : similar) {
            g.writeStartObject();
            g.writeStringField("slug", s.slug());
            JsonOut.strings(g, "sharedCauses", s.sharedCauses());
            JsonOut.strings(g, "sharedServices", s.sharedServices());
            JsonOut.strings(g, "terms", s.terms());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void actions(JsonGenerator g, List<ActionItem> items, List<Boolean> overdue) throws IOException {
        g.writeArrayFieldStart("actionItems");
        for (int i = 0; i < items.size(); i++) {
            ActionItem a = items.get(i);
            g.writeStartObject();
            g.writeStringField("title", a.title());
            g.writeStringField("type", a.type().id());
            g.writeStringField("owner", a.owner().orElse(null));
            g.writeStringField("due", a.due().map(LocalDate::toString).orElse(null));
            g.writeStringField("status", a.status().id());
            g.writeStringField("closed", a.closed().map(LocalDate::toString).orElse(null));
            g.writeStringField("link", a.link().orElse(null));
            g.writeStringField("outcome", a.outcome().map(ActionOutcome::text).orElse(null));
            g.writeBooleanField("overdue", overdue.get(i));
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

    private static void sections(JsonGenerator g, List<Section> sections, boolean bodies) throws IOException {
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
