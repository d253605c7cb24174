package dev.hindsight.index;

import dev.hindsight.model.JsonStrings;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;

/**
 * A compact JSON writer for the search export (no spaces, keys in the order written).
 */
final class JsonText {
    private final StringBuilder sb = new StringBuilder();
    private final Deque<Boolean> first = new ArrayDeque<>();
    private boolean afterKey;

    /** Opens an object. */
    JsonText obj() {
        comma();
        sb.append('{');
        first.push(true);
        return this;
    }

    /** Opens an array. */
    JsonText arr() {
        comma();
        sb.append('[');
        first.push(true);
        return this;
    }

    /** Closes the innermost object. */
    JsonText endObj() {
        first.pop();
        sb.append('}');
        return this;
    }

    /** Closes the innermost array. */
    JsonText endArr() {
        first.pop();
        sb.append(']');
        return this;
    }

    /** Writes an object key. */
    JsonText key(String k) {
        comma();
        quote(k);
        sb.append(':');
        afterKey = true;
        return this;
    }

    /** Writes a string value. */
    JsonText value(String v) {
        comma();
        quote(v);
        return this;
    }

    /** Writes an integer value. */
    JsonText value(long v) {
        comma();
        sb.append(v);
        return this;
    }

    /** Writes a number value (finite), with up to six decimals. */
    JsonText value(double v) {
        comma();
        String s = String.format(Locale.ROOT, "%.6f", v).replaceAll("0+$", "").replaceAll("\\.$", "");
        sb.append(s);
        return this;
    }

    /** Writes a key and a string value. */
    JsonText put(String k, String v) {
        return key(k).value(v);
    }

    /** Writes a key and an integer value. */
    JsonText put(String k, long v) {
        return key(k).value(v);
    }

    /** Writes a key and an array of strings. */
    JsonText put(String k, Iterable<String> values) {
        key(k).arr();
        values.forEach(this::value);
        return endArr();
    }

    @Override
    public String toString() {
        return sb.toString();
    }

    private void comma() {
        if (afterKey) {
            afterKey = false;
            return;
        }
        if (!first.isEmpty()) {
            if (first.peek()) {
                first.pop();
                first.push(false);
            } else {
                sb.append(',');
            }
        }
    }

    private void quote(String s) {
        JsonStrings.appendQuoted(sb, s);
    }
}
