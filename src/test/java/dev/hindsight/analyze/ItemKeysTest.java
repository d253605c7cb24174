package dev.hindsight.analyze;

import org.junit.jupiter.api.Test;

import java.util.Locale;
import java.util.Random;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class ItemKeysTest {
    /** The rule as the javadoc states it, for ASCII text: lower case, every run of other characters one space. */
    private static String reference(String s) {
        return Pattern.compile("[^\\p{L}\\p{N}]+").matcher(s.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    }

    @Test
    void asciiTitlesNormalizeAsTheRuleSays() {
        assertThat(ItemKeys.normalized("  Add a canary step -- to the DEPLOY (v2)!  ")).isEqualTo("add a canary step to the deploy v2");
        assertThat(ItemKeys.normalized("...")).isEmpty();
        Random random = new Random(20261205);
        String alphabet = "aZ09 _-.,!\t\n\u001f\u007f`[]{}~";
        for (int n = 0; n < 5_000; n++) {
            StringBuilder sb = new StringBuilder();
            int length = random.nextInt(24);
            for (int i = 0; i < length; i++) {
                sb.append(random.nextBoolean() ? alphabet.charAt(random.nextInt(alphabet.length())) : (char) random.nextInt(0x80));
            }
            String s = sb.toString();
            assertThat(ItemKeys.normalized(s)).as("'%s'", s).isEqualTo(reference(s));
        }
    }
}
