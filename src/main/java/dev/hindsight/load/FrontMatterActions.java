package dev.hindsight.load;

import dev.hindsight.config.YamlFields;
import dev.hindsight.config.YamlNode;
import dev.hindsight.model.ActionItem;
import dev.hindsight.model.ActionOutcome;
import dev.hindsight.model.ActionStatus;
import dev.hindsight.model.ActionType;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the front matter's {@code action_items}: each a map with a title (type, owner, due, status, closed and link
 * optional) or a line of text. An {@code outcome} is a line ({@code helped — no pool exhaustion since}) or a map
 * ({@code {result: helped, note: ...}}); one that names no verdict is a warning and left out. An item without a title is an error and left out; a bad type or status is an
 * error and the default is used.
 */
final class FrontMatterActions {
    private static final Set<String> ITEM_KEYS = Set.of("title", "type", "owner", "due", "status", "closed", "link", "outcome");

    private final YamlFields fields;
    private final DateBounds bounds;

    FrontMatterActions(YamlFields fields, DateBounds bounds) {
        this.fields = fields;
        this.bounds = bounds;
    }

    /** Reads the items of an {@code action_items} list; a plain text item is an item with that title. */
    List<ActionItem> read(YamlNode.Sequence list) {
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

    /** Reads a due day, left empty (and reported) when it is not a date or not a day an item can be due. */
    private Optional<LocalDate> due(YamlNode.Entry e) {
        return fields.date(e).flatMap(v -> bounds.due(v, e.line(), "action item `due`", "it is left empty"));
    }

    /** Reads a closed day, left empty (and reported) when it is not a date or outside the date range. */
    private Optional<LocalDate> closed(YamlNode.Entry e) {
        return fields.date(e).flatMap(v -> bounds.day(v, e.line(), "action item `closed`", "it is left empty"));
    }

    private Optional<ActionItem> actionItem(YamlNode.Mapping m) {
        for (YamlNode.Entry e : m.entries()) {
            if (!ITEM_KEYS.contains(e.key())) {
                fields.info(e.line(), "unknown-key", "action item: unknown key `" + e.key()
                        + "` (known: title, type, owner, due, status, closed, link, outcome); it is ignored");
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
        Optional<LocalDate> due = m.entry("due").flatMap(this::due);
        Optional<LocalDate> closed = m.entry("closed").flatMap(this::closed);
        Optional<String> link = m.entry("link").flatMap(e -> fields.text(e).flatMap(v -> {
            Optional<String> safe = ActionItemParser.safeLink(v);
            if (safe.isEmpty()) {
                fields.error(e.line(), "unsafe-link", "action item `link` must be an http(s) URL, not '" + v + "'");
            }
            return safe;
        }));
        return Optional.of(new ActionItem(title.get(), type, m.entry("owner").flatMap(fields::text), due, status, closed,
                link, m.entry("outcome").flatMap(this::outcome), m.line()));
    }

    /** Reads an item's {@code outcome}: a line starting with the verdict, or a map of {@code result} and {@code note}. */
    private Optional<ActionOutcome> outcome(YamlNode.Entry e) {
        if (e.value() instanceof YamlNode.Mapping m) {
            Optional<ActionOutcome.Verdict> verdict = m.entry("result").flatMap(fields::text)
                    .flatMap(ActionOutcome.Verdict::parse);
            if (verdict.isEmpty()) {
                badOutcome(e.line());
                return Optional.empty();
            }
            return Optional.of(new ActionOutcome(verdict.get(), m.entry("note").flatMap(fields::text)));
        }
        Optional<String> text = fields.text(e);
        Optional<ActionOutcome> parsed = text.flatMap(ActionOutcome::parse);
        if (text.isPresent() && parsed.isEmpty()) {
            badOutcome(e.line());
        }
        return parsed;
    }

    private void badOutcome(int line) {
        fields.warning(line, "action-item", "action item `outcome` must start with " + ActionItemParser.OUTCOMES
                + " (e.g. `outcome: helped — no pool exhaustion since`, or a map with `result:` and `note:`); it is left out");
    }
}
