package dev.hindsight.config;

import dev.hindsight.model.FrontMatterKey;
import dev.hindsight.model.KeyAliases;
import dev.hindsight.model.KeyTarget;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Reads site.yml's {@code import:} settings: {@code keys}, a map from a front-matter key another tool writes to one
 * of ours ({@code import: {keys: {incident_lead: authors, began: times.started}}}), added to {@link KeyAliases}.
 * A target that is not one of our keys, and a name that already is one of ours, are errors at their line; the
 * entry is then left out.
 */
final class ImportSettings {
    private ImportSettings() {
    }

    /** Reads the {@code import:} entry of site.yml into the aliases the front matter is read with. */
    static KeyAliases read(YamlNode.Entry entry, YamlFields fields) {
        Map<String, KeyTarget> keys = new LinkedHashMap<>();
        fields.map(entry).ifPresent(m -> {
            for (YamlNode.Entry e : m.entries()) {
                if (e.key().equals("keys")) {
                    fields.map(e).ifPresent(k -> k.entries().forEach(alias -> key(alias, fields).ifPresent(
                            t -> keys.put(alias.key(), t))));
                } else {
                    fields.info(e.line(), "unknown-key", "unknown setting `import." + e.key() + "` is ignored (known: keys)");
                }
            }
        });
        return KeyAliases.BUILT_IN.with(keys);
    }

    private static Optional<KeyTarget> key(YamlNode.Entry alias, YamlFields fields) {
        String squashed = KeyAliases.squash(alias.key());
        if (Arrays.stream(FrontMatterKey.values()).anyMatch(k -> KeyAliases.squash(k.key()).equals(squashed))) {
            fields.error(alias.line(), "config", "import.keys: `" + alias.key() + "` is already a Hindsight key and "
                    + "cannot be read as another; remove it");
            return Optional.empty();
        }
        Optional<String> name = fields.text("import.keys." + alias.key(), alias.value());
        Optional<KeyTarget> target = name.flatMap(KeyTarget::parse);
        if (name.isPresent() && target.isEmpty()) {
            fields.error(alias.line(), "config", "import.keys." + alias.key() + ": `" + name.get()
                    + "` is not a Hindsight key (known: " + String.join(", ", KeyTarget.names()) + ")");
        }
        return target;
    }
}
