package dev.hindsight.load;

import dev.hindsight.config.YamlFields;
import dev.hindsight.config.YamlNode;
import dev.hindsight.model.ActionItem;
import dev.hindsight.model.ActionStatus;
import dev.hindsight.model.ActionType;
import dev.hindsight.model.FrontMatterKey;
import dev.hindsight.model.Impact;
import dev.hindsight.model.SiteConfig;
import dev.hindsight.model.Status;
import dev.hindsight.model.Term;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Reads the keys of a front matter (YAML or JBake) into a {@link Draft}, one key at a time, so a key with a wrong
 * type is reported (naming the key and its line) and left out while the other keys still count. The known keys
 * are those of {@link FrontMatterKey}; any other key is kept as text in {@code extra} and noted as info.
 */
final class FrontMatterReader {
    private static final Set<String> TIME_KEYS = Set.of("started", "detected", "mitigated", "resolved");
    private static final Set<String> IMPACT_KEYS = Set.of("users_affected", "customer_facing", "support_tickets");
    private static final Set<String> ITEM_KEYS = Set.of("title", "type", "owner", "due", "status", "closed", "link");
    /** Keys JBake requires in its header that mean nothing to Hindsight. */
    private static final Set<String> JBAKE_KEYS = Set.of("type", "jbake-type");

    private final YamlFields fields;
    private final SiteConfig config;

    FrontMatterReader(YamlFields fields, SiteConfig config) {
        this.fields = fields;
        this.config = config;
    }

    /** Reads every key of a header into the draft. */
    void read(YamlNode.Mapping keys, FrontMatter.Form form, Draft d) {
        for (YamlNode.Entry e : keys.entries()) {
            Optional<FrontMatterKey> key = FrontMatterKey.of(e.key());
            if (key.isEmpty()) {
                if (form == FrontMatter.Form.JBAKE && JBAKE_KEYS.contains(e.key())) {
                    continue;
                }
                d.extra.put(e.key(), e.value().text());
                fields.info(e.line(), "unknown-key", "unknown front-matter key `" + e.key()
                        + "` is kept as extra data; see the authoring guide for the known keys");
                continue;
            }
            read(key.get(), e, d);
        }
    }

    private static final java.util.regex.Pattern DATE_WITH_TIME =
            java.util.regex.Pattern.compile("\\d{4}-\\d{2}-\\d{2}[T ]\\d{1,2}:\\d{2}(:\\d{2}(\\.\\d+)?)?\\s?(Z|[+-]\\d{2}:?\\d{2}|UTC|GMT)?");

    private void read(FrontMatterKey key, YamlNode.Entry e, Draft d) {
        switch (key) {
            case TITLE -> fields.text(e).ifPresent(v -> d.title = Optional.of(v));
            case DATE -> {
                d.date = fields.date(e).or(() -> d.date);
                // A date with a time of day ("2020-12-07 13:00:00", as status-page tools write it) also says when the
                // incident started, unless times.started says otherwise.
                if (fields.text(e).filter(v -> DATE_WITH_TIME.matcher(v).matches()).isPresent()) {
                    d.timesDeclared.putIfAbsent("started", e);
                }
            }
            case SEVERITY -> fields.text(e).ifPresent(v -> d.severity = Optional.of(canonical(config.severities(), v)));
            case STATUS -> fields.text(e).ifPresent(v -> Status.parse(v).ifPresentOrElse(s -> d.status = s,
                    () -> fields.error(e.line(), "wrong-type", "`status` must be draft, in-review or published, not '"
                            + v + "'; published is used")));
            case SUMMARY -> fields.text(e).ifPresent(v -> d.summary = Optional.of(v.replaceAll("\\s+", " ")));
            case SERVICES -> d.services = Optional.of(canonical(config.services(), fields.texts(e)));
            case TEAMS -> d.teams = Optional.of(canonical(config.teams(), fields.texts(e)));
            case TAGS -> d.tags = Optional.of(fields.texts(e));
            case CAUSES -> d.causes = canonical(config.causes(), fields.texts(e));
            case TRIGGER -> d.trigger = fields.text(e);
            case DETECTION -> d.detection = fields.text(e);
            case NEAR_MISS -> fields.bool(e).ifPresent(b -> d.nearMiss = b);
            case ESSENTIAL -> fields.bool(e).ifPresent(b -> d.essential = b);
            case TIMES -> fields.map(e).ifPresent(m -> times(m, d));
            case IMPACT -> fields.map(e).ifPresent(m -> d.impact = impact(m));
            case AUTHORS -> d.authors = Optional.of(fields.texts(e));
            case RELATED -> d.related = fields.texts(e);
            case RECURRENCE_OF -> d.recurrenceOf = fields.texts(e);
            case ACTION_ITEMS -> fields.list(e).ifPresent(l -> d.actionItems = Optional.of(actionItems(l)));
            case SLUG -> fields.text(e).ifPresent(v -> d.slug = Optional.of(slug(v, e.line())));
            case WEIGHT -> d.weight = fields.number(e);
            default -> {
                d.extra.put(e.key(), e.value().text());
                fields.info(e.line(), "unknown-key", "front-matter key `" + e.key() + "` does not apply to a postmortem"
                        + " and is kept as extra data");
            }
        }
    }

    private void times(YamlNode.Mapping m, Draft d) {
        for (YamlNode.Entry t : m.entries()) {
            if (TIME_KEYS.contains(t.key())) {
                d.timesDeclared.put(t.key(), t);
            } else {
                fields.warning(t.line(), "unknown-key", "times: unknown key `" + t.key()
                        + "` (known: started, detected, mitigated, resolved); it is ignored");
            }
        }
    }

    private Impact impact(YamlNode.Mapping m) {
        OptionalLong users = OptionalLong.empty();
        Optional<Boolean> customer = Optional.empty();
        OptionalLong tickets = OptionalLong.empty();
        for (YamlNode.Entry e : m.entries()) {
            switch (e.key()) {
                case "users_affected" -> users = fields.number(e);
                case "customer_facing" -> customer = fields.bool(e);
                case "support_tickets" -> tickets = fields.number(e);
                default -> fields.info(e.line(), "unknown-key", "impact: unknown key `" + e.key() + "` (known: "
                        + String.join(", ", IMPACT_KEYS.stream().sorted().toList()) + "); it is ignored");
            }
        }
        return new Impact(users, customer, tickets);
    }

    private List<ActionItem> actionItems(YamlNode.Sequence list) {
        List<ActionItem> out = new ArrayList<>();
        for (YamlNode item : list.items()) {
            if (item instanceof YamlNode.Scalar s && !s.isNull() && !s.value().isBlank()) {
                out.add(new ActionItem(s.value().strip(), ActionType.OTHER, Optional.empty(), Optional.empty(),
                        ActionStatus.OPEN, Optional.empty(), Optional.empty(), s.line()));
            } else if (item instanceof YamlNode.Mapping m) {
                actionItem(m).ifPresent(out::add);
            } else {
                fields.error(item.line(), "wrong-type", "each of `action_items` must be a map with a title, not "
                        + item.kind());
            }
        }
        return out;
    }

    private Optional<ActionItem> actionItem(YamlNode.Mapping m) {
        for (YamlNode.Entry e : m.entries()) {
            if (!ITEM_KEYS.contains(e.key())) {
                fields.info(e.line(), "unknown-key", "action item: unknown key `" + e.key()
                        + "` (known: title, type, owner, due, status, closed, link); it is ignored");
            }
        }
        Optional<String> title = m.entry("title").flatMap(fields::text);
        if (title.isEmpty()) {
            fields.error(m.line(), "action-item", "an action item has no `title`; it is left out");
            return Optional.empty();
        }
        ActionType type = m.entry("type").flatMap(e -> fields.text(e).map(v -> ActionType.parse(v).orElseGet(() -> {
            fields.error(e.line(), "wrong-type", "action item `type` must be mitigate, prevent, detect or process, not '"
                    + v + "'; other is used");
            return ActionType.OTHER;
        }))).orElse(ActionType.OTHER);
        // An item declared in front matter without a status is open, as documented; only body items can be unknown.
        ActionStatus status = m.entry("status").flatMap(e -> fields.text(e).map(v -> ActionStatus.parse(v).orElseGet(() -> {
            fields.error(e.line(), "wrong-type", "action item `status` must be open, in-progress, done or wont-do, not '"
                    + v + "'; open is used");
            return ActionStatus.OPEN;
        }))).orElse(ActionStatus.OPEN);
        Optional<LocalDate> due = m.entry("due").flatMap(fields::date);
        Optional<LocalDate> closed = m.entry("closed").flatMap(fields::date);
        Optional<String> link = m.entry("link").flatMap(e -> fields.text(e).flatMap(v -> {
            Optional<String> safe = ActionItemParser.safeLink(v);
            if (safe.isEmpty()) {
                fields.error(e.line(), "unsafe-link", "action item `link` must be an http(s) URL, not '" + v + "'");
            }
            return safe;
        }));
        return Optional.of(new ActionItem(title.get(), type, m.entry("owner").flatMap(fields::text), due, status, closed,
                link, m.line()));
    }

    private String slug(String value, int line) {
        String s = Slugs.of(value);
        if (!s.equals(value)) {
            fields.warning(line, "slug", "slug '" + value + "' is not a safe URL slug (lower-case letters, digits and "
                    + "'-' only); '" + s + "' is used");
        }
        return s;
    }

    /** Returns the vocabulary id matching a value by id or label, ignoring case; else the value. */
    static String canonical(List<Term> vocabulary, String value) {
        for (Term t : vocabulary) {
            if (t.id().equalsIgnoreCase(value) || t.label().equalsIgnoreCase(value)) {
                return t.id();
            }
        }
        return value;
    }

    private static List<String> canonical(List<Term> vocabulary, List<String> values) {
        return values.stream().map(v -> canonical(vocabulary, v)).distinct().toList();
    }
}
