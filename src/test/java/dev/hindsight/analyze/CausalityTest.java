package dev.hindsight.analyze;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class CausalityTest {
    /** Letters and numbers of several kinds (superscript two, a Roman numeral, a Devanagari digit), and separators. */
    private static final char[] ALPHABET = {'a', 'b', '-', ' ', '.', '9', '\u00e9', '\u00b2', '\u2167', '\u0967', '\u00a0',
        '\uD835', '\uDC00'};

    @Test
    void aNameCountsOnlyWhenNoLetterOrNumberTouchesIt() {
        assertThat(Causality.standsAlone("the ledger-db pool ran dry", "ledger-db")).isTrue();
        assertThat(Causality.standsAlone("ledger-dbx and ledger-db", "ledger-db")).isTrue();
        assertThat(Causality.standsAlone("subledger-db failed", "ledger-db")).isFalse();
        assertThat(Causality.standsAlone("ledger-db\u00b2 failed", "ledger-db")).isFalse();
        assertThat(Causality.standsAlone("\u2167ledger-db", "ledger-db")).isFalse();
        assertThat(Causality.standsAlone("(ledger-db)", "ledger-db")).isTrue();
        assertThat(Causality.standsAlone("ledger", "ledger-db")).isFalse();
    }

    @Property(tries = 2000)
    void findsANameExactlyWhereTheBoundedPatternDoes(@ForAll("texts") String text, @ForAll("names") String name) {
        boolean regex = Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(name) + "(?![\\p{L}\\p{N}])")
                .matcher(text).find();
        assertThat(Causality.standsAlone(text, name)).isEqualTo(regex);
    }

    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.of(ALPHABET).list().ofMaxSize(14).map(CausalityTest::join);
    }

    @Provide
    Arbitrary<String> names() {
        return Arbitraries.of('a', 'b', '-', '9').list().ofMinSize(1).ofMaxSize(3).map(CausalityTest::join);
    }

    private static String join(java.util.List<Character> chars) {
        StringBuilder sb = new StringBuilder();
        chars.forEach(sb::append);
        return sb.toString();
    }
}
