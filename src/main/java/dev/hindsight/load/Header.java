package dev.hindsight.load;

import dev.hindsight.config.YamlNode;

import java.util.Optional;

/**
 * A file's header as other stages see it: which lines it takes and the keys it holds, so that a tool rewriting a
 * file (import) keeps its body byte for byte and its unknown keys as they were.
 *
 * @param keys     the header's keys with their lines, if it had any that could be read
 * @param bodyLine the 1-based line the body starts on (1 when there is no header)
 * @param jbake    true for a JBake {@code key=value} header, whose lines are not YAML
 */
public record Header(Optional<YamlNode.Mapping> keys, int bodyLine, boolean jbake) {

    /** Splits a file's text as the loader does. */
    public static Header of(String text, String path) {
        FrontMatter fm = FrontMatter.split(text, path);
        return new Header(fm.keys(), fm.bodyLine(), fm.form() == FrontMatter.Form.JBAKE);
    }
}
