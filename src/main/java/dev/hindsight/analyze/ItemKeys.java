package dev.hindsight.analyze;

import dev.hindsight.model.ActionItem;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Gives each action item of an incident a key that stays the same when the items are reordered or other items are
 * added: the first {@value #HEX} hex digits of the SHA-256 of its normalized title (lower case, letters and digits
 * only, single spaces). Two items of one incident with the same title are told apart by their owner, due date and
 * type; items equal in all of these get "-2", "-3"... in source order. Calendar UIDs, feed ids and page anchors
 * are built from it.
 */
final class ItemKeys {
    /** Hex digits kept of the hash: 40 bits, so a clash within one incident's few items is not a concern. */
    static final int HEX = 10;
    /** Combining marks, dropped once a title is decomposed. */
    private static final java.util.regex.Pattern MARKS = java.util.regex.Pattern.compile("\\p{M}+");
    /** Runs of anything but letters and digits, each made one space. */
    private static final java.util.regex.Pattern OTHER = java.util.regex.Pattern.compile("[^\\p{L}\\p{N}]+");

    private ItemKeys() {
    }

    /** Returns the key of each item, in the items' order. */
    static List<String> of(List<ActionItem> items) {
        List<String> byTitle = items.stream().map(a -> hash(normalized(a.title()))).toList();
        Map<String, Integer> titleCount = count(byTitle);
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            ActionItem a = items.get(i);
            keys.add(titleCount.get(byTitle.get(i)) == 1 ? byTitle.get(i) : hash(normalized(a.title()) + "\u0000"
                    + a.owner().map(ItemKeys::normalized).orElse("") + "\u0000" + a.due().map(Object::toString).orElse("")
                    + "\u0000" + a.type().id()));
        }
        Map<String, Integer> seen = new HashMap<>();
        List<String> out = new ArrayList<>();
        for (String k : keys) {
            int n = seen.merge(k, 1, Integer::sum);
            out.add(n == 1 ? k : k + "-" + n);
        }
        return out;
    }

    private static Map<String, Integer> count(List<String> keys) {
        Map<String, Integer> m = new HashMap<>();
        keys.forEach(k -> m.merge(k, 1, Integer::sum));
        return m;
    }

    /** Lower case, accents dropped, every run of other characters than letters and digits one space. */
    static String normalized(String s) {
        if (ascii(s)) {
            return normalizedAscii(s);
        }
        String plain = MARKS.matcher(Normalizer.normalize(s, Normalizer.Form.NFKD)).replaceAll("");
        return OTHER.matcher(plain.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    }

    /**
     * Returns {@link #normalized} of ASCII text, which is its own decomposition and has no marks, and whose letters
     * and digits are [A-Za-z0-9]: most titles, read without the normalizer or a regular expression.
     */
    private static String normalizedAscii(String s) {
        StringBuilder out = new StringBuilder(s.length());
        boolean gap = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean letter = c >= 'a' && c <= 'z' || c >= '0' && c <= '9';
            if (c >= 'A' && c <= 'Z') {
                c = (char) (c + ('a' - 'A'));
                letter = true;
            }
            if (!letter) {
                gap = true;
            } else {
                if (gap && out.length() > 0) {
                    out.append(' ');
                }
                gap = false;
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean ascii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    private static String hash(String text) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d).substring(0, HEX);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
