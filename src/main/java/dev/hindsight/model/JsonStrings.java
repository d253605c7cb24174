package dev.hindsight.model;

/**
 * Writes JSON string literals, one way for every JSON file Hindsight writes. Quotes, backslashes and control
 * characters are escaped as JSON requires, and so are {@code <}, {@code >}, {@code &}, U+2028, U+2029 and lone
 * surrogates, so the output stays valid UTF-8 and is harmless inside an HTML {@code <script>} element.
 */
public final class JsonStrings {
    private static final String HEX = "0123456789abcdef";

    private JsonStrings() {
    }

    /** Returns the JSON string literal for a text, quotes included. */
    public static String quoted(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2);
        appendQuoted(sb, s);
        return sb.toString();
    }

    /** Appends the JSON string literal for a text, quotes included. */
    public static void appendQuoted(StringBuilder sb, String s) {
        Validate.notNull(s, "s");
        sb.append('"');
        // Runs of characters that need no escape are copied in one append (incidents.json is large at 10k).
        int plain = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\' && c != '<' && c != '>' && c != '&') {
                continue;
            }
            sb.append(s, plain, i);
            plain = i + 1;
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                case '<', '>', '&', '\u2028', '\u2029' -> unicode(sb, c);
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        unicode(sb, c);
                    } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                        sb.append(c).append(s.charAt(++i));
                        plain = i + 1;
                    } else if (Character.isSurrogate(c)) {
                        unicode(sb, c);
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append(s, plain, s.length());
        sb.append('"');
    }

    private static void unicode(StringBuilder sb, char c) {
        sb.append("\\u").append(HEX.charAt(c >> 12 & 0xf)).append(HEX.charAt(c >> 8 & 0xf))
                .append(HEX.charAt(c >> 4 & 0xf)).append(HEX.charAt(c & 0xf));
    }
}
