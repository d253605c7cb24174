package dev.hindsight.migrate;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Writes one YAML scalar so that it reads back as the same string, whatever it holds. snakeyaml-engine's dumper
 * drops comments, and import writes comments, so front matter is written here.
 *
 * <p>A value is written plain only when it is plainly text: it starts with a letter, holds letters, digits, spaces
 * and {@code . _ / ( ) , ' + -} only, does not end in a space, and is no word YAML reads as something else
 * ({@code null}, {@code yes}, {@code off}...). Everything else is double-quoted, with {@code \\}, {@code "}, control
 * characters, line and paragraph separators, the byte-order mark and lone surrogates escaped, so multi-line text,
 * {@code : } and {@code #}, a leading {@code * & ! | > %} or {@code @}, and strings that look like numbers or dates
 * all read back as strings.
 */
final class YamlScalar {
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z][A-Za-z0-9 ._/(),'+-]*");
    /** Words YAML 1.1 or 1.2 resolve to null, booleans or special numbers. */
    private static final Set<String> SPECIAL = Set.of("null", "true", "false", "yes", "no", "on", "off", "y", "n",
            "nan", "inf");

    private YamlScalar() {
    }

    /** Returns a string as a YAML scalar that reads back equal. */
    static String of(String value) {
        if (plain(value)) {
            return value;
        }
        StringBuilder sb = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                case '\r' -> sb.append("\\r");
                default -> {
                    boolean surrogate = Character.isSurrogate(c) && !(Character.isHighSurrogate(c)
                            && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1)));
                    if (Character.isHighSurrogate(c) && !surrogate) {
                        sb.append(c).append(value.charAt(++i));
                    } else if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || c == '\u2028' || c == '\u2029'
                            || c == '\ufeff' || surrogate || c == '\ufffe' || c == '\uffff') {
                        sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    private static boolean plain(String v) {
        return !v.isEmpty() && PLAIN.matcher(v).matches() && !v.endsWith(" ") && !v.contains("  ")
                && !SPECIAL.contains(v.toLowerCase(Locale.ROOT)) && !v.contains(" #") && !v.contains(": ");
    }
}
