package dev.hindsight.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a front-matter key of another tool is read as: one of our keys ({@code severity}), or one key inside a
 * map-valued one ({@code times.started}, {@code impact.users_affected}).
 *
 * @param key  our key
 * @param part the key inside it, one of {@link FrontMatterKey#parts()}, or empty for the whole key
 */
public record KeyTarget(FrontMatterKey key, Optional<String> part) {

    public KeyTarget {
        Validate.notNull(key, "key");
        Validate.notNull(part, "part");
        Validate.isTrue(part.isEmpty() || key.parts().contains(part.get()), "part must be one of the key's parts: ", part);
    }

    /** Reads a target written as {@code severity} or {@code times.started}; empty when it names none of ours. */
    public static Optional<KeyTarget> parse(String name) {
        Validate.notNull(name, "name");
        String n = name.strip();
        int dot = n.indexOf('.');
        String head = dot < 0 ? n : n.substring(0, dot);
        Optional<String> part = dot < 0 ? Optional.empty() : Optional.of(n.substring(dot + 1).strip());
        return FrontMatterKey.of(head).filter(k -> part.isEmpty() || k.parts().contains(part.get()))
                .map(k -> new KeyTarget(k, part));
    }

    /** Returns the target as written: {@code severity} or {@code times.started}. */
    public String name() {
        return part.map(p -> key.key() + "." + p).orElse(key.key());
    }

    /** Returns true when declaring this target also declares the other (a whole key covers each of its parts). */
    public boolean covers(KeyTarget other) {
        return key == other.key && (part.isEmpty() || other.part.isEmpty() || part.equals(other.part));
    }

    /** Returns every name a target may be written as, for messages and documentation. */
    public static List<String> names() {
        List<String> out = new ArrayList<>();
        for (FrontMatterKey k : FrontMatterKey.values()) {
            out.add(k.key());
            k.parts().forEach(p -> out.add(k.key() + "." + p));
        }
        return out;
    }
}
