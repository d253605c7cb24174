package dev.hindsight.load;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.CRC32;

/**
 * Turns file names and titles into URL slugs that are readable, lower-case and safe.
 *
 * <p>Rules: accented Latin letters are folded to ASCII ({@code Café} gives {@code cafe}, {@code Straße} gives
 * {@code strasse}); letters of other scripts are kept, lower-cased ({@code 事故} stays {@code 事故}); everything
 * else (spaces, punctuation, emoji, '/', '.') becomes a single '-'. A slug is at most {@value #MAX_LENGTH}
 * characters, cut at a word boundary. So a slug never contains '/', '..' or a leading '.', and cannot leave the
 * output folder. A name with no letters or digits at all gets {@code incident-} plus a checksum of the name, and a
 * name that is only a date and symbols ({@code 2024-03-02-🔥}) gets the date plus a checksum, so that two such
 * names do not collide.
 */
public final class Slugs {
    /** The longest slug, in characters. */
    public static final int MAX_LENGTH = 80;

    /** Top-level names the site uses itself; a page may not take them. */
    public static final Set<String> RESERVED = Set.of("incidents", "tags", "causes", "services", "teams",
            "severities", "years", "history", "search", "reports", "assets", "files", "feeds", "feed", "index",
            "404", "sitemap", "pages", "static");

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    /** Only digits and hyphens, as a date is: a name that is a date plus emoji needs more to stay unique. */
    private static final Pattern DATE_LIKE = Pattern.compile("[0-9-]+");
    /** A character that is not a letter, digit, space or ASCII punctuation, such as an emoji. */
    private static final Pattern SYMBOL = Pattern.compile("[^\\p{L}\\p{N}\\p{Space}\\p{Punct}]");

    private Slugs() {
    }

    /** Returns the slug for a name; never empty. */
    public static String of(String name) {
        String folded = fold(name);
        String slug = NOT_WORD.matcher(folded).replaceAll("-");
        slug = trimHyphens(slug);
        if (slug.length() > MAX_LENGTH) {
            int cut = slug.lastIndexOf('-', MAX_LENGTH);
            int end = cut > MAX_LENGTH / 2 ? cut : MAX_LENGTH;
            if (Character.isHighSurrogate(slug.charAt(end - 1))) {
                end--;
            }
            slug = trimHyphens(slug.substring(0, end));
        }
        if (slug.isEmpty()) {
            slug = "incident-" + checksum(name);
        } else if (DATE_LIKE.matcher(slug).matches() && SYMBOL.matcher(folded).find()) {
            slug = slug + "-" + checksum(name);
        }
        return slug;
    }

    private static String checksum(String name) {
        CRC32 crc = new CRC32();
        crc.update(name.getBytes(StandardCharsets.UTF_8));
        return String.format(Locale.ROOT, "%08x", crc.getValue());
    }

    /** Returns true when a text is already a slug (what {@link #of} would return for it). */
    public static boolean isSlug(String text) {
        return !text.isEmpty() && of(text).equals(text);
    }

    /** Returns true when a page may not use the slug because the site uses that name. */
    public static boolean isReserved(String slug) {
        return RESERVED.contains(slug);
    }

    /** Lower-cases and folds accented Latin letters to ASCII, keeping letters of other scripts. */
    static String fold(String name) {
        StringBuilder sb = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); ) {
            int cp = name.codePointAt(i);
            i += Character.charCount(cp);
            String special = special(cp);
            if (special != null) {
                sb.append(special);
                continue;
            }
            String decomposed = Normalizer.normalize(new String(Character.toChars(cp)), Normalizer.Form.NFKD);
            String stripped = MARKS.matcher(decomposed).replaceAll("");
            boolean latin = !stripped.isEmpty() && stripped.codePoints().allMatch(c -> c < 0x250);
            sb.append(latin ? stripped : new String(Character.toChars(cp)));
        }
        return sb.toString().toLowerCase(Locale.ROOT);
    }

    private static String special(int cp) {
        return switch (cp) {
            case 'ß' -> "ss";
            case 'æ', 'Æ' -> "ae";
            case 'ø', 'Ø' -> "o";
            case 'œ', 'Œ' -> "oe";
            case 'ł', 'Ł' -> "l";
            case 'đ', 'Đ', 'ð', 'Ð' -> "d";
            case 'þ', 'Þ' -> "th";
            case 'ı' -> "i";
            default -> null;
        };
    }

    private static String trimHyphens(String s) {
        int a = 0;
        int b = s.length();
        while (a < b && s.charAt(a) == '-') {
            a++;
        }
        while (b > a && s.charAt(b - 1) == '-') {
            b--;
        }
        return s.substring(a, b);
    }
}
