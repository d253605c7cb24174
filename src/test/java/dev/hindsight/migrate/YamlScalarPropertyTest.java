package dev.hindsight.migrate;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Every string import writes as a YAML scalar reads back equal, however hostile. */
class YamlScalarPropertyTest {
    private static final Load LOAD = new Load(LoadSettings.builder().build());

    private static Object roundTrip(String value) {
        Map<?, ?> m = (Map<?, ?>) LOAD.loadFromString("key: " + YamlScalar.of(value) + "\nnext: 1\n");
        assertThat(m.get("next")).as("the line after %s is still its own key", value).isEqualTo(1);
        return m.get("key");
    }

    @Property(tries = 3000)
    void hostileStringsReadBackEqual(@ForAll("hostile") String value) {
        assertThat(roundTrip(value)).isEqualTo(value);
    }

    @Provide
    Arbitrary<String> hostile() {
        Arbitrary<String> pieces = Arbitraries.of(": ", "#", " #", "*", "&", "!", "|", ">", "%", "@", "`", "-", "? ",
                "null", "Null", "~", "yes", "No", "on", "OFF", "y", "true", "2024-03-11", "12:30", "1e3", "0x1F", ".inf",
                "-.5", "007", "[a]", "{b: c}", "\"", "'", "\\", "\n", "\r\n", "\t", " ", "  ", "\u2028", "\u2029",
                "\ufeff", "\u0000", "\u0085", "\u00e9", "\u65e5\u672c", "\ud83d\udd25", "---", "...", ",", "a", "Z9");
        Arbitrary<String> any = Arbitraries.strings().withCharRange('\u0000', '\ud7ff').ofMaxLength(12);
        return Arbitraries.oneOf(pieces, any).list().ofMaxSize(8).map(l -> String.join("", l));
    }

    @Example
    void plainTextStaysPlainAndLookalikesAreQuoted() {
        assertThat(YamlScalar.of("Checkout API outage")).isEqualTo("Checkout API outage");
        assertThat(YamlScalar.of("payments-oncall")).isEqualTo("payments-oncall");
        for (String lookalike : new String[] {"yes", "null", "2024-03-11", "42", "3.5", "a: b", "a #b", "*x", "&y", "!z",
                "", " lead", "trail ", "multi\nline"}) {
            assertThat(YamlScalar.of(lookalike)).as(lookalike).startsWith("\"");
            assertThat(roundTrip(lookalike)).isEqualTo(lookalike);
        }
    }
}
