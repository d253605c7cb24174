package dev.hindsight.report;

import dev.hindsight.model.Validate;
import dev.hindsight.render.JsonWriter;

/**
 * Writes indented JSON, like render's {@link JsonWriter} (whose string escaping it uses) but with decimal numbers,
 * which the report's shares and durations need.
 */
final class JsonText {
    private final StringBuilder sb = new StringBuilder(4096);
    /** Per open container: 0 = empty object, 1 = object with members, 2 = empty array, 3 = array with elements. */
    private final java.util.ArrayDeque<Integer> stack = new java.util.ArrayDeque<>();
    private boolean afterName;
    /** Containers deeper than this are written on one line; -1 when none is. */
    private int inlineFrom = -1;

    JsonText beginObject() {
        before();
        sb.append('{');
        stack.push(0);
        return this;
    }

    JsonText endObject() {
        return end('}', 0);
    }

    /** Starts an object written on one line with everything inside it (a table row). */
    JsonText beginInlineObject() {
        beginObject();
        inlineFrom = stack.size();
        return this;
    }

    JsonText beginArray() {
        before();
        sb.append('[');
        stack.push(2);
        return this;
    }

    JsonText endArray() {
        return end(']', 2);
    }

    JsonText name(String name) {
        Validate.isTrue(!stack.isEmpty() && stack.peek() < 2 && !afterName, "a name belongs in an object, before a value");
        separate();
        sb.append(JsonWriter.quoted(name)).append(": ");
        afterName = true;
        return this;
    }

    JsonText value(String s) {
        before();
        sb.append(JsonWriter.quoted(s));
        return this;
    }

    JsonText value(long n) {
        before();
        sb.append(n);
        return this;
    }

    JsonText value(boolean b) {
        before();
        sb.append(b);
        return this;
    }

    /** Writes a decimal with at most four places. */
    JsonText decimal(double d) {
        Validate.isTrue(Double.isFinite(d), "JSON numbers must be finite");
        before();
        sb.append(Cell.decimal(d));
        return this;
    }

    JsonText nullValue() {
        before();
        sb.append("null");
        return this;
    }

    /** Returns the document, ending in a newline. */
    String done() {
        Validate.isTrue(stack.isEmpty() && !afterName, "unclosed JSON");
        return sb + "\n";
    }

    private void before() {
        if (afterName) {
            afterName = false;
            return;
        }
        Validate.isTrue(stack.isEmpty() ? sb.length() == 0 : stack.peek() >= 2, "a value in an object needs a name");
        separate();
    }

    private void separate() {
        if (stack.isEmpty()) {
            return;
        }
        int top = stack.pop();
        if (top == 1 || top == 3) {
            sb.append(',');
        }
        stack.push(top < 2 ? 1 : 3);
        newline(top == 1 || top == 3);
    }

    private void newline(boolean afterMember) {
        if (inlineFrom >= 0 && stack.size() >= inlineFrom) {
            sb.append(afterMember ? " " : "");
        } else {
            sb.append('\n').append("  ".repeat(stack.size()));
        }
    }

    private JsonText end(char c, int emptyState) {
        Validate.isTrue(!stack.isEmpty() && !afterName && (stack.peek() == emptyState || stack.peek() == emptyState + 1), "nothing to close");
        boolean inline = inlineFrom >= 0 && stack.size() >= inlineFrom;
        int top = stack.pop();
        if (top == emptyState + 1 && !inline) {
            sb.append('\n').append("  ".repeat(stack.size()));
        }
        if (inline && stack.size() < inlineFrom) {
            inlineFrom = -1;
        }
        sb.append(c);
        return this;
    }
}
