package dev.hindsight.render;

import dev.hindsight.model.JsonStrings;
import dev.hindsight.model.Validate;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A small streaming JSON writer with correct escaping and two-space indentation.
 *
 * <p>Strings escape quotes, backslashes and control characters as JSON requires, and also {@code <}, {@code >},
 * {@code &}, U+2028, U+2029 and lone surrogates, so the output stays valid UTF-8 and is harmless even when
 * pasted inside an HTML {@code <script>} element ({@code </script>} cannot end it).
 */
public final class JsonWriter {
    private final StringBuilder sb = new StringBuilder();
    /** Per open container: true once it has a first member. */
    private final Deque<Boolean> stack = new ArrayDeque<>();
    /** Per open container: '{' or '['. */
    private final Deque<Character> kinds = new ArrayDeque<>();
    private boolean afterName;

    /** Starts an object (as a value, an array element or after a name). */
    public JsonWriter beginObject() {
        beforeValue();
        sb.append('{');
        stack.push(false);
        kinds.push('{');
        return this;
    }

    /** Ends the current object. */
    public JsonWriter endObject() {
        return end('}', '{');
    }

    /** Starts an array. */
    public JsonWriter beginArray() {
        beforeValue();
        sb.append('[');
        stack.push(false);
        kinds.push('[');
        return this;
    }

    /** Ends the current array. */
    public JsonWriter endArray() {
        return end(']', '[');
    }

    /** Writes a member name; a value must follow. */
    public JsonWriter name(String name) {
        Validate.notNull(name, "name");
        Validate.isTrue(!afterName, "a value must follow a name");
        Validate.isTrue(!kinds.isEmpty() && kinds.peek() == '{', "names belong in objects");
        separate();
        quote(name);
        sb.append(": ");
        afterName = true;
        return this;
    }

    /** Writes a string value. */
    public JsonWriter value(String value) {
        Validate.notNull(value, "value");
        beforeValue();
        quote(value);
        return this;
    }

    /** Writes a whole-number value. */
    public JsonWriter value(long value) {
        beforeValue();
        sb.append(value);
        return this;
    }

    /** Writes a boolean value. */
    public JsonWriter value(boolean value) {
        beforeValue();
        sb.append(value);
        return this;
    }

    /** Writes null. */
    public JsonWriter nullValue() {
        beforeValue();
        sb.append("null");
        return this;
    }

    /** Writes an array of strings. */
    public JsonWriter strings(Iterable<String> values) {
        beginArray();
        for (String v : values) {
            value(v);
        }
        return endArray();
    }

    /** Returns the document written so far, ending in a newline when complete. */
    public String toJson() {
        Validate.isTrue(stack.isEmpty(), "unclosed object or array");
        return sb + "\n";
    }

    /** Returns a JSON string literal for a value, with the escaping described on the class. */
    public static String quoted(String value) {
        JsonWriter w = new JsonWriter();
        w.quote(value);
        return w.sb.toString();
    }

    private JsonWriter end(char c, char open) {
        Validate.isTrue(!stack.isEmpty() && !afterName && kinds.peek() == open, "nothing open to close with ", c);
        boolean any = stack.pop();
        kinds.pop();
        if (any) {
            newline();
        }
        sb.append(c);
        return this;
    }

    private void beforeValue() {
        if (afterName) {
            afterName = false;
            return;
        }
        Validate.isTrue(stack.isEmpty() ? sb.length() == 0 : kinds.peek() == '[', "a value needs a name in an object, and one top-level value only");
        separate();
    }

    private void separate() {
        if (stack.isEmpty()) {
            return;
        }
        if (stack.peek()) {
            sb.append(',');
        } else {
            stack.pop();
            stack.push(true);
        }
        newline();
    }

    private void newline() {
        sb.append('\n');
        for (int i = stack.size(); i > 0; i--) {
            sb.append("  ");
        }
    }

    private void quote(String s) {
        JsonStrings.appendQuoted(sb, s);
    }
}
