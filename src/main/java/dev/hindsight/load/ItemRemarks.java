package dev.hindsight.load;

import com.vladsch.flexmark.ast.ListBlock;
import com.vladsch.flexmark.ast.ListItem;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.util.ast.Node;
import dev.hindsight.model.ActionStatus;
import dev.hindsight.model.ActionType;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An action item's fields where they are written without the "(owner: x, due: y)" remark: after the item's text
 * ("\u2014 owner: billing, due 2024-03-01", "@search by 2023-06-01", "\u2014 Done", "(Completed)"), or as a list of
 * "Owner:", "Due:" lines under it or under its own heading. {@link ActionItemParser} reads what these return.
 */
final class ItemRemarks {
    private ItemRemarks() {
    }

    private static final String STATUS_WORDS = "done|to ?do|open|closed|completed?|in progress|won'?t (?:do|fix)|cancell?ed";
    /** Where an item's fields may start without parentheses: after a dash, a bar, a comma, a semicolon or a space. */
    private static final Pattern FIELDS_START = Pattern.compile("(?i)(?:\\s*[\u2014\u2013|\u00b7;,]\\s*|\\s+-\\s+|\\s+)"
            + "(?=(?:owners?|assignee|responsible|deadline|due(?: date)?|target date|status|state|type|ticket|link)\\s*:"
            + "|due(?:\\s+by)?\\s+\\d{4}-\\d{2}-\\d{2}|owner\\s+@|@[\\w.-]+(?:[\\s,;]|$)"
            + "|(?:by|before|until)\\s+\\d{4}-\\d{2}-\\d{2}|\\d{4}-\\d{2}-\\d{2}\\W*$|" + "(?:" + STATUS_WORDS + ")\\W*$)");
    private static final Pattern FIELDS_SPLIT = Pattern.compile("(?i)\\s*(?:[,;|\u00b7]|\\s[\u2014\u2013-]\\s)\\s*"
            + "|(?<!:|due)\\s+(?=(?:by|before|until)\\s+\\d{4}-\\d{2}-\\d{2})|(?<!:|owner)\\s+(?=@)");
    /** A status said alone at the end of an item ("Remove the calls \u2014 Done"). */
    private static final Pattern STATUS_ALONE = Pattern.compile("(?i)(?:" + STATUS_WORDS + ")");
    /** A status in parentheses at the end of an item ("We improved our rollout checks (Completed)."). */
    static final Pattern STATUS_REMARK = Pattern.compile("(?i)\\s*\\((" + STATUS_WORDS + ")\\)\\W*$");
    /** A handle alone ("@sre"): the owner. */
    private static final Pattern HANDLE = Pattern.compile("@[\\w.-]+");
    /** A day alone, or after "by", "before" or "until": the due day. */
    private static final Pattern DUE_DAY = Pattern.compile("(?i)(?:(?:by|before|until)\\s+)?(\\d{4}-\\d{2}-\\d{2})");

    /**
     * Returns an item's text with fields written after it without parentheses ("Lower the threshold \u2014 owner:
     * billing, due 2024-03-01", "Fix it | Owner: @sre | Status: done", "Add a budget @search by 2023-06-01", "Add an
     * alert \u2014 @sre, 2023-05-20") put in the "(owner: x, due: y)" form; the text
     * as it is when what follows is not all fields whose values read (so "check the status: page" stays a title).
     */
    static String remarked(String title) {
        Matcher m = FIELDS_START.matcher(title);
        while (m.find()) {
            if (m.start() == 0) {
                continue;
            }
            List<String> fields = new ArrayList<>();
            for (String part : FIELDS_SPLIT.split(title.substring(m.end()).replaceAll("[\\s.]+$", ""))) {
                Optional<String> field = field(part);
                if (field.isEmpty()) {
                    fields = List.of();
                    break;
                }
                fields.add(field.get());
            }
            // A handle or a day after a space, with nothing else, is part of the title ("Notify @sre", "Backfill the
            // rows lost on 2023-05-20").
            String rest = title.substring(m.end()).replaceAll("[\\s.]+$", "");
            boolean alone = m.group().isBlank() && (HANDLE.matcher(rest).matches() || ActionItemParser.DATE.matcher(rest).matches()
                    || STATUS_ALONE.matcher(rest).matches());
            if (!fields.isEmpty() && !alone) {
                return title.substring(0, m.start()).strip() + " (" + String.join(", ", fields) + ")";
            }
        }
        return title;
    }

    /** Returns one field of a remark as "key: value", when its key is known and its value reads as that key's. */
    private static Optional<String> field(String part) {
        String p = part.strip();
        Matcher bare = ActionItemParser.BARE_FIELD.matcher(p);
        if (bare.matches()) {
            return Optional.of(bare.group(1) != null ? "due: " + bare.group(2) : "owner: " + bare.group(4));
        }
        if (HANDLE.matcher(p).matches()) {
            return Optional.of("owner: " + p);
        }
        Matcher day = DUE_DAY.matcher(p);
        if (day.matches()) {
            return Optional.of("due: " + day.group(1));
        }
        if (STATUS_ALONE.matcher(p).matches()) {
            return Optional.of("status: " + p);
        }
        Matcher f = ActionItemParser.FIELD.matcher(p);
        if (!f.matches()) {
            return Optional.empty();
        }
        String key = ActionItemParser.FIELD_KEYS.get(f.group(1).toLowerCase(Locale.ROOT).replaceAll("\\s+", " "));
        String value = f.group(2).strip();
        boolean reads = switch (key) {
            case "owner" -> value.split("\\s+").length <= 3;
            case "due" -> DateFinder.first(value).isPresent();
            case "status" -> ActionStatus.parse(value).isPresent() || ActionItemParser.DONE_MARK.matcher(value).find();
            case "type" -> ActionType.parse(value).isPresent();
            case "ticket", "link" -> ActionItemParser.safeLink(value).isPresent();
            default -> false;
        };
        return reads ? Optional.of(key + ": " + value) : Optional.empty();
    }

    /** Returns a list's items as "key: value" fields when every one of them is a field line ("Owner: @sre"). */
    static Optional<String> fieldList(ListBlock list) {
        List<String> out = new ArrayList<>();
        for (Node n = list.getFirstChild(); n != null; n = n.getNext()) {
            Optional<String[]> field = fieldLine(n);
            if (field.isEmpty() || field.get()[0].equals("outcome")) {
                return Optional.empty();
            }
            out.add(field.get()[0] + ": " + field.get()[1].replace(",", " "));
        }
        return out.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", out));
    }

    /** Returns a list item's key (as {@code FIELD_KEYS} names it) and value when it is a field line ("Owner: @sre"). */
    static Optional<String[]> fieldLine(Node n) {
        if (!(n instanceof ListItem li) || !(li.getFirstChild() instanceof Paragraph p)) {
            return Optional.empty();
        }
        Matcher m = ActionItemParser.FIELD.matcher(NodeText.inline(p).strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        String key = ActionItemParser.FIELD_KEYS.get(m.group(1).toLowerCase(Locale.ROOT).replaceAll("\\s+", " "));
        return Optional.of(new String[] {key, m.group(2).replace("(", "").replace(")", "").strip()});
    }
}
