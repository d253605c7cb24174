package dev.hindsight.analyze;

import dev.hindsight.model.ActionType;
import dev.hindsight.model.SiteConfig;
import dev.hindsight.model.Validate;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * How many days each type of action item may take to close, counted from the incident date.
 * The values come from site.yml's {@code action_item_slo}; prevent and mitigate items default to
 * {@value #DEFAULT_DAYS} days (eight weeks) when site.yml says nothing about them, other types have no SLO then.
 *
 * @param days days allowed per type; types without an entry have no SLO
 */
public record SloPolicy(Map<ActionType, Integer> days) {
    /** The default SLO for prevent and mitigate items: eight weeks. */
    public static final int DEFAULT_DAYS = 56;

    public SloPolicy {
        days = Map.copyOf(days);
    }

    /** Returns the policy of a site: its configured SLOs over the defaults. */
    public static SloPolicy of(SiteConfig config) {
        Validate.notNull(config, "config");
        Map<ActionType, Integer> m = new EnumMap<>(ActionType.class);
        m.put(ActionType.PREVENT, DEFAULT_DAYS);
        m.put(ActionType.MITIGATE, DEFAULT_DAYS);
        for (ActionType t : ActionType.values()) {
            config.slo(t).ifPresent(d -> m.put(t, d));
        }
        return new SloPolicy(m);
    }

    /** Returns the days allowed for a type, if it has an SLO. */
    public Optional<Integer> daysFor(ActionType type) {
        return Optional.ofNullable(days.get(type));
    }
}
