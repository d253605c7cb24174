package dev.hindsight.model;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;

/**
 * The escapes of {@link JsonOut} beyond JSON's own: {@code <}, {@code >}, {@code &} and DEL as {@code \u003c}-style
 * escapes, so {@code </script>} or {@code <!--} in a string cannot end or change an HTML script element, and the
 * line and paragraph separators U+2028 and U+2029, which JavaScript before ES2019 does not accept in a string.
 */
final class HtmlSafeEscapes extends CharacterEscapes {
    private static final long serialVersionUID = 1L;
    private static final SerializedString LINE_SEPARATOR = new SerializedString("\\u2028");
    private static final SerializedString PARAGRAPH_SEPARATOR = new SerializedString("\\u2029");

    private final int[] ascii;

    HtmlSafeEscapes() {
        int[] codes = standardAsciiEscapesForJSON();
        for (char c : new char[] {'<', '>', '&', 0x7f}) {
            codes[c] = ESCAPE_STANDARD;
        }
        this.ascii = codes;
    }

    @Override
    public int[] getEscapeCodesForAscii() {
        return ascii.clone();
    }

    @Override
    public SerializableString getEscapeSequence(int ch) {
        return switch (ch) {
            case 0x2028 -> LINE_SEPARATOR;
            case 0x2029 -> PARAGRAPH_SEPARATOR;
            default -> null;
        };
    }
}
