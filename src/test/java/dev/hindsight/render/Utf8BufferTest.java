package dev.hindsight.render;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class Utf8BufferTest {

    @Test
    void encodesEachWidthOfCharacter() {
        Utf8Buffer b = new Utf8Buffer(1);
        b.write("a\u00e9\u20ac\uD83D\uDE80z");
        assertThat(b.toByteArray()).containsExactly(0x61, 0xC3, 0xA9, 0xE2, 0x82, 0xAC, 0xF0, 0x9F, 0x9A, 0x80, 0x7A);
    }

    @Test
    void aPairSplitBetweenTwoWritesIsStillOneCharacter() {
        Utf8Buffer b = new Utf8Buffer(4);
        b.write(new char[] {'x', '\uD83C'}, 0, 2);
        b.write('\uDF35');
        assertThat(new String(b.toByteArray(), StandardCharsets.UTF_8)).isEqualTo("x\uD83C\uDF35");
    }

    @Test
    void unpairedSurrogatesBecomeQuestionMarksAsStringGetBytesDoes() {
        for (String s : List.of("\uD800", "a\uDC00b", "\uD800\uD800\uDC00", "\uD800x", "\uDBFF\u00e9")) {
            Utf8Buffer b = new Utf8Buffer(2);
            b.write(s);
            assertThat(b.toByteArray()).as(s).isEqualTo(s.getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void aClearedBufferForgetsTheLastPageAndAHalfPairAtItsEnd() {
        Utf8Buffer b = new Utf8Buffer(4);
        b.write("a long first page \u00e9\u20ac\uD83D");
        b.clear();
        b.write("\uDE80x");
        assertThat(b.toByteArray()).isEqualTo("?x".getBytes(StandardCharsets.UTF_8));
        assertThat(b.capacity()).as("the grown array is kept").isGreaterThan(16);
    }

    @Property(tries = 300)
    void bytesMatchStringGetBytesWhereverTheWritesAreCut(@ForAll("texts") String text, @ForAll("cuts") List<Integer> cuts) {
        Utf8Buffer b = new Utf8Buffer(8);
        int from = 0;
        int kind = 0;
        for (int cut : cuts) {
            int to = Math.min(text.length(), from + cut);
            switch (kind++ % 3) {
                case 0 -> b.write(text, from, to - from);
                case 1 -> b.write(text.substring(from, to).toCharArray(), 0, to - from);
                default -> text.substring(from, to).chars().forEach(b::write);
            }
            from = to;
        }
        b.write(text.substring(from));
        assertThat(b.toByteArray()).isEqualTo(text.getBytes(StandardCharsets.UTF_8));
    }

    @Provide
    Arbitrary<String> texts() {
        Arbitrary<Character> chars = Arbitraries.oneOf(Arbitraries.chars().range('\u0000', '\u007f'),
                Arbitraries.chars().range('\u0080', '\u07ff'), Arbitraries.chars().range('\u0800', '\uffff'),
                Arbitraries.chars().range('\uD800', '\uDFFF'));
        return chars.list().ofMaxSize(3000).map(cs -> {
            StringBuilder sb = new StringBuilder();
            cs.forEach(sb::append);
            return sb.toString();
        });
    }

    @Provide
    Arbitrary<List<Integer>> cuts() {
        return Arbitraries.integers().between(0, 1200).list().ofMaxSize(12);
    }
}
