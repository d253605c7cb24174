package dev.hindsight.model;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Front-matter keys that other tools write (status pages, incident trackers, other generators), each read as one of
 * ours, in one table. The table is Java rather than a resource file so that every target is checked when the class
 * loads (a typo fails the first test, not a user's build), nothing is read or parsed per build, and there is no
 * missing-resource case to handle; the README's table is checked against it by a test.
 *
 * <p>A name is matched ignoring case, '_', '-' and spaces: {@code resolvedWhen}, {@code resolved_when} and
 * {@code Resolved-When} are one name. A team adds or overrides names in site.yml ({@code import: {keys: ...}}),
 * and its own win over the built-in ones. An alias never hides one of our keys: a key of ours written directly
 * wins, and the alias is still kept in {@code extra}.
 */
public final class KeyAliases {
    /** Our key (or key inside a map) and the names other tools give it, in the README's order. */
    private static final Map<String, List<String>> TABLE = table(
            "title", List.of("incident_title"),
            "date", List.of("incident_date", "date_of_incident", "occurred_on"),
            "severity", List.of("sev", "priority", "severity_level", "incident_severity"),
            "summary", List.of("description", "tldr", "abstract", "synopsis"),
            "services", List.of("affected", "affected_services", "affected_systems", "service", "systems",
                    "components", "product"),
            "teams", List.of("team", "owning_team", "responsible_team"),
            "tags", List.of("categories", "category", "keywords", "labels", "tag"),
            "trigger", List.of("triggered_by"),
            "detection", List.of("detected_by", "detection_method", "how_detected"),
            "authors", List.of("author", "owner", "postmortem_owner", "written_by"),
            "related", List.of("related_incidents", "see_also"),
            "action_items", List.of("follow_ups", "actions"),
            "times.started", List.of("start_time", "started_at", "incident_start", "impact_start"),
            "times.detected", List.of("detected_at", "detection_time"),
            "times.mitigated", List.of("mitigated_at", "mitigation_time"),
            "times.resolved", List.of("end_time", "ended_at", "resolved_at", "resolvedWhen", "resolution_time",
                    "incident_end"),
            "times.duration", List.of("duration", "incident_duration", "outage_duration"),
            "impact.users_affected", List.of("users_affected", "affected_users", "customers_affected"),
            "impact.support_tickets", List.of("support_tickets", "tickets"),
            "impact.customer_facing", List.of("customer_facing"));

    /** The built-in table alone. */
    public static final KeyAliases BUILT_IN = new KeyAliases(Map.of());

    private final Map<String, KeyTarget> byName;
    private final Map<String, KeyTarget> team;

    private KeyAliases(Map<String, KeyTarget> team) {
        Map<String, KeyTarget> names = new HashMap<>();
        TABLE.forEach((target, aliases) -> aliases.forEach(a -> {
            Validate.isTrue(names.put(squash(a), KeyTarget.parse(target).orElseThrow()) == null, "alias listed twice: ", a);
            Validate.isTrue(FrontMatterKey.of(a).isEmpty(), "an alias may not be one of our keys: ", a);
        }));
        team.forEach((name, target) -> names.put(squash(name), target));
        this.byName = Map.copyOf(names);
        this.team = Map.copyOf(team);
    }

    /** Returns the built-in table with a team's own names added; a team's name wins over a built-in one. */
    public KeyAliases with(Map<String, KeyTarget> teamKeys) {
        Validate.noNulls(teamKeys.keySet(), "teamKeys");
        Map<String, KeyTarget> all = new LinkedHashMap<>(team);
        all.putAll(teamKeys);
        return new KeyAliases(all);
    }

    /** Returns what a front-matter key that is not one of ours is read as, if it is an alias. */
    public Optional<KeyTarget> target(String name) {
        return Optional.ofNullable(byName.get(squash(name)));
    }

    /** Returns the names a team added in site.yml, as written there. */
    public Map<String, KeyTarget> team() {
        return team;
    }

    /** Returns the built-in table: each target as written ({@code times.started}) with its aliases, for the docs. */
    public static Map<String, List<String>> builtIn() {
        return TABLE;
    }

    /** Returns a key name as it is matched: lower case, without '_', '-' and spaces. */
    public static String squash(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[_\\-\\s]", "");
    }

    private static Map<String, List<String>> table(Object... pairs) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            @SuppressWarnings("unchecked")
            List<String> aliases = (List<String>) pairs[i + 1];
            out.put((String) pairs[i], List.copyOf(aliases));
        }
        return java.util.Collections.unmodifiableMap(out);
    }
}
