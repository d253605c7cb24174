package dev.hindsight.migrate;

import dev.hindsight.model.ActionItem;
import dev.hindsight.model.ImportMarks;
import dev.hindsight.model.Inference;
import dev.hindsight.model.Postmortem;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The front matter import writes for one incident: every value the loader read or inferred, each inferred one
 * under a {@code # inferred: ...} comment that says where it came from, the fields a meta-review needs but nobody
 * wrote under a {@code # fill in: ...} comment, and the keys Hindsight does not know as they were written.
 * {@code check} reports each of those comments once ({@code import-review}); that list is the team's checklist.
 */
final class FrontMatterPlan {
    private final StringBuilder yaml = new StringBuilder();
    private final List<String> inferred = new ArrayList<>();
    private final List<String> empty = new ArrayList<>();
    private final List<Inference> inferences;
    private final Map<String, String> carried;

    private FrontMatterPlan(List<Inference> inferences, Map<String, String> carried) {
        this.inferences = inferences;
        this.carried = carried;
    }

    /**
     * Returns the front matter of an incident, with its unknown keys' original lines appended.
     *
     * @param carried          the {@code # inferred:} comments the file already has, by key ("date",
     *                         "times.started"): an imported file keeps its checklist when it is imported again
     * @param causeSuggestions comment lines suggesting causes ({@link CauseSuggestions}), written above the causes
     */
    static FrontMatterPlan of(Postmortem p, List<String> unknownKeyLines, Map<String, String> carried,
                              List<String> causeSuggestions) {
        FrontMatterPlan f = new FrontMatterPlan(p.inferences(), carried);
        f.scalar("title", p.title());
        f.scalar("slug", p.slug());
        if (p.date().isPresent()) {
            f.raw("date", p.date().get().toString(), "date");
        } else {
            f.fillIn("date", "no date was found in the file; write the day the incident started (YYYY-MM-DD)");
        }
        p.severity().ifPresentOrElse(s -> f.scalar("severity", s),
                () -> f.fillIn("severity", "how bad was it? one of site.yml's severities"));
        p.summary().ifPresent(s -> f.scalar("summary", s));
        f.list("services", p.services(), "which services were affected?");
        f.list("teams", p.teams(), "which teams responded?");
        if (p.causes().isEmpty()) {
            causeSuggestions.forEach(c -> f.yaml.append(c).append('\n'));
        }
        f.list("causes", p.causes(), "the contributing-factor categories (site.yml's causes)");
        f.list("tags", p.tags(), null);
        p.trigger().ifPresent(t -> f.scalar("trigger", t));
        p.detection().ifPresent(t -> f.scalar("detection", t));
        if (p.nearMiss()) {
            f.raw("near_miss", "true", "near_miss");
        }
        f.times(p);
        f.impact(p);
        f.list("authors", p.authors(), null);
        f.list("related", p.related(), null);
        f.list("recurrence_of", p.recurrenceOf(), null);
        f.actionItems(p.actionItems());
        unknownKeyLines.forEach(l -> f.yaml.append(l).append('\n'));
        return f;
    }

    /** Returns the YAML between the {@code ---} lines. */
    String yaml() {
        return yaml.toString();
    }

    /** Returns the keys written with an {@code # inferred} comment. */
    List<String> inferred() {
        return List.copyOf(inferred);
    }

    /** Returns the keys written empty with a {@code # fill in} comment. */
    List<String> empty() {
        return List.copyOf(empty);
    }

    private void scalar(String key, String value) {
        raw(key, YamlScalar.of(value), key);
    }

    private void raw(String key, String value, String field) {
        comment(field);
        yaml.append(key).append(": ").append(value).append('\n');
    }

    private void fillIn(String key, String why) {
        empty.add(key);
        yaml.append(ImportMarks.FILL_IN).append(why).append('\n').append(key).append(":\n");
    }

    private void list(String key, List<String> values, String askIfEmpty) {
        if (values.isEmpty()) {
            if (askIfEmpty != null) {
                empty.add(key);
                yaml.append(ImportMarks.FILL_IN).append(askIfEmpty).append('\n').append(key).append(": []\n");
            }
            return;
        }
        comment(key);
        yaml.append(key).append(":\n");
        values.forEach(v -> yaml.append("  - ").append(YamlScalar.of(v)).append('\n'));
    }

    private void times(Postmortem p) {
        List<String> lines = new ArrayList<>();
        moment(lines, "started", p.times().started());
        moment(lines, "detected", p.times().detected());
        moment(lines, "mitigated", p.times().mitigated());
        moment(lines, "resolved", p.times().resolved());
        if (!lines.isEmpty()) {
            yaml.append("times:\n");
            lines.forEach(yaml::append);
        }
    }

    private void moment(List<String> lines, String key, Optional<Instant> at) {
        if (at.isEmpty()) {
            return;
        }
        StringBuilder sb = new StringBuilder();
        source("times." + key).ifPresent(why -> {
            inferred.add("times." + key);
            sb.append("  ").append(ImportMarks.INFERRED).append(why).append('\n');
        });
        sb.append("  ").append(key).append(": ").append(YamlScalar.of(at.get().toString())).append('\n');
        lines.add(sb.toString());
    }

    private void impact(Postmortem p) {
        StringBuilder sb = new StringBuilder();
        number(sb, "users_affected", p.impact().usersAffected());
        p.impact().customerFacing().ifPresent(b -> sb.append("  customer_facing: ").append(b).append('\n'));
        number(sb, "support_tickets", p.impact().supportTickets());
        if (sb.length() > 0) {
            comment("impact");
            yaml.append("impact:\n").append(sb);
        }
    }

    private static void number(StringBuilder sb, String key, OptionalLong n) {
        n.ifPresent(v -> sb.append("  ").append(key).append(": ").append(v).append('\n'));
    }

    private void actionItems(List<ActionItem> items) {
        if (items.isEmpty()) {
            return;
        }
        comment("action_items");
        yaml.append("action_items:\n");
        for (ActionItem a : items) {
            yaml.append("  - title: ").append(YamlScalar.of(a.title())).append('\n');
            yaml.append("    type: ").append(a.type().id()).append('\n');
            a.owner().ifPresent(o -> yaml.append("    owner: ").append(YamlScalar.of(o)).append('\n'));
            a.due().map(LocalDate::toString).ifPresent(d -> yaml.append("    due: ").append(d).append('\n'));
            yaml.append("    status: ").append(a.status().id()).append('\n');
            a.closed().map(LocalDate::toString).ifPresent(d -> yaml.append("    closed: ").append(d).append('\n'));
            a.link().ifPresent(l -> yaml.append("    link: ").append(YamlScalar.of(l)).append('\n'));
        }
    }

    private void comment(String field) {
        source(field).ifPresent(why -> {
            inferred.add(field);
            yaml.append(ImportMarks.INFERRED).append(why).append('\n');
        });
    }

    /** Returns where an inferred value came from: the loader's inference, else the comment the file already had. */
    private Optional<String> source(String field) {
        return inferences.stream().filter(i -> i.field().equals(field)).findFirst().map(i -> oneLine(i.source()))
                .or(() -> Optional.ofNullable(carried.get(field)));
    }

    private static String oneLine(String s) {
        return s.replaceAll("[\\r\\n\\u2028\\u2029]+", " ").strip();
    }
}
