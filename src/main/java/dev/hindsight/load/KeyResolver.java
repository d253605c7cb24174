package dev.hindsight.load;

import dev.hindsight.config.YamlFields;
import dev.hindsight.config.YamlNode;
import dev.hindsight.model.FrontMatterKey;
import dev.hindsight.model.KeyAliases;
import dev.hindsight.model.KeyTarget;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Decides what each key of a header is read as: one of our keys, the target of an alias ({@link KeyAliases}), or
 * nothing. A key of ours written directly wins over an alias of it, and of two aliases of one key the first wins;
 * an alias left unread is noted. Aliases, read or not, are still kept in {@code extra} by the caller.
 */
final class KeyResolver {
    /**
     * One header key and what it is read as.
     *
     * @param entry  the key as written
     * @param ours   the key of ours it is, when it is one
     * @param target what an alias is read as; empty for our own keys, unknown keys and aliases left unread
     * @param alias  true when the key is an alias, read or not
     */
    record Resolved(YamlNode.Entry entry, Optional<FrontMatterKey> ours, Optional<KeyTarget> target, boolean alias) {
    }

    private KeyResolver() {
    }

    /** Resolves every key of a header, noting each alias that another key already gives. */
    static List<Resolved> resolve(YamlNode.Mapping keys, KeyAliases aliases, YamlFields fields) {
        List<KeyTarget> direct = new ArrayList<>();
        for (YamlNode.Entry e : keys.entries()) {
            FrontMatterKey.of(e.key()).ifPresent(k -> direct.addAll(declaredBy(k, e.value())));
        }
        List<Resolved> out = new ArrayList<>();
        List<Resolved> read = new ArrayList<>();
        for (YamlNode.Entry e : keys.entries()) {
            Optional<FrontMatterKey> ours = FrontMatterKey.of(e.key());
            Optional<KeyTarget> target = ours.isPresent() ? Optional.empty() : aliases.target(e.key());
            if (target.isEmpty()) {
                out.add(new Resolved(e, ours, Optional.empty(), false));
                continue;
            }
            KeyTarget t = target.get();
            Optional<Resolved> earlier = read.stream().filter(r -> r.target().get().covers(t)).findFirst();
            if (direct.stream().anyMatch(d -> d.covers(t))) {
                fields.info(e.line(), "alias-ignored", "`" + e.key() + "` is not read as `" + t.name() + "`, which "
                        + "the front matter gives directly; it is kept as extra data");
                out.add(new Resolved(e, ours, Optional.empty(), true));
            } else if (earlier.isPresent()) {
                fields.info(e.line(), "alias-ignored", "`" + e.key() + "` is not read as `" + t.name() + "`: `"
                        + earlier.get().entry().key() + "` (line " + earlier.get().entry().line()
                        + ") already gives it; it is kept as extra data");
                out.add(new Resolved(e, ours, Optional.empty(), true));
            } else {
                Resolved r = new Resolved(e, ours, target, true);
                read.add(r);
                out.add(r);
            }
        }
        return out;
    }

    /** The targets a key of ours declares: the whole key, or for a map-valued key the parts it gives. */
    private static List<KeyTarget> declaredBy(FrontMatterKey key, YamlNode value) {
        if (value instanceof YamlNode.Scalar s && (s.isNull() || s.value().isBlank())) {
            return List.of();
        }
        if (key.parts().isEmpty()) {
            return List.of(new KeyTarget(key, Optional.empty()));
        }
        if (!(value instanceof YamlNode.Mapping m)) {
            return List.of();
        }
        return m.entries().stream().filter(p -> key.parts().contains(p.key()))
                .map(p -> new KeyTarget(key, Optional.of(p.key()))).toList();
    }
}
