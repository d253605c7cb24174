package dev.hindsight.config;

import dev.hindsight.model.Validate;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * An immutable YAML value with the 1-based source line it starts on, as read by {@link YamlReader}.
 * Scalars stay text: YAML 1.2 has no date type, and each reader decides how to interpret a value,
 * so {@code date: 2024-03-11} and {@code date: yesterday} reach the reader alike and get the same checks.
 */
public sealed interface YamlNode permits YamlNode.Scalar, YamlNode.Sequence, YamlNode.Mapping {

    /** Returns the 1-based line the value starts on. */
    int line();

    /** Returns a short description of the kind of value, for messages ("a list", "a map", "text"). */
    String kind();

    /** Returns the value as display text: a scalar as written, a collection in flow style. */
    String text();

    /**
     * A scalar.
     *
     * @param value the text
     * @param plain true when written without quotes or block style (so {@code null} and {@code ~} mean nothing)
     * @param line  the 1-based line
     */
    record Scalar(String value, boolean plain, int line) implements YamlNode {
        public Scalar {
            Validate.notNull(value, "value");
        }

        /** Returns true for a plain empty value, {@code ~} or {@code null}. */
        public boolean isNull() {
            String v = value.trim();
            return plain && (v.isEmpty() || v.equals("~") || v.toLowerCase(Locale.ROOT).equals("null"));
        }

        @Override
        public String kind() {
            return "text";
        }

        @Override
        public String text() {
            return value;
        }
    }

    /**
     * A sequence.
     *
     * @param items the items in order
     * @param line  the 1-based line
     */
    record Sequence(List<YamlNode> items, int line) implements YamlNode {
        public Sequence {
            items = List.copyOf(items);
        }

        @Override
        public String kind() {
            return "a list";
        }

        @Override
        public String text() {
            StringBuilder sb = new StringBuilder("[");
            for (int i = 0; i < items.size(); i++) {
                sb.append(i == 0 ? "" : ", ").append(items.get(i).text());
            }
            return sb.append(']').toString();
        }
    }

    /**
     * A mapping with string keys, in source order.
     *
     * @param entries the entries
     * @param line    the 1-based line
     */
    record Mapping(List<Entry> entries, int line) implements YamlNode {
        public Mapping {
            entries = List.copyOf(entries);
        }

        /** Returns the entry with a key, if present. */
        public Optional<Entry> entry(String key) {
            return entries.stream().filter(e -> e.key().equals(key)).findFirst();
        }

        /** Returns the value of a key, if present. */
        public Optional<YamlNode> get(String key) {
            return entry(key).map(Entry::value);
        }

        @Override
        public String kind() {
            return "a map";
        }

        @Override
        public String text() {
            StringBuilder sb = new StringBuilder("{");
            for (int i = 0; i < entries.size(); i++) {
                Entry e = entries.get(i);
                sb.append(i == 0 ? "" : ", ").append(e.key()).append(": ").append(e.value().text());
            }
            return sb.append('}').toString();
        }
    }

    /**
     * One key of a mapping.
     *
     * @param key   the key text
     * @param line  the 1-based line of the key
     * @param value the value
     */
    record Entry(String key, int line, YamlNode value) {
        public Entry {
            Validate.notNull(key, "key");
            Validate.notNull(value, "value");
        }
    }
}
