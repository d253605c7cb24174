package dev.hindsight.check;

import dev.hindsight.model.Problem;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemFormatTest {
    /**
     * GitHub's workflow command syntax: {@code ::command key=value,key=value::message}, where property values have
     * '%', CR, LF, ':' and ',' percent-encoded and the message has '%', CR and LF percent-encoded.
     */
    private static final Pattern ANNOTATION = Pattern.compile(
            "::(error|warning|notice)(?: (?:file=[^,:\\r\\n]*,(?:line=[1-9]\\d*,(?:col=[1-9]\\d*,)?)?)?title=[^,:\\r\\n]*)?::[^\\r\\n]*");
    private static final List<Problem> PROBLEMS = List.of(
            new Problem("postmortems/a,b.md", 3, 11, Problem.Level.ERROR, "unknown cause `capacty`; did you mean `capacity`?", "unknown-cause"),
            new Problem("postmortems/x.md", 7, 0, Problem.Level.WARNING, "100% \"human error\":\nline two\r", "blameless-language"),
            new Problem("postmortems/y.md", 0, 0, Problem.Level.WARNING, "missing sections: Impact, Timeline", "missing-section"),
            new Problem("", 0, 0, Problem.Level.INFO, "no site.yml: using defaults", "config-default"));

    @Test
    void githubOutputMatchesTheWorkflowCommandSyntax() {
        String out = ProblemFormat.GITHUB.format(PROBLEMS, p -> "content/" + p);
        List<String> lines = out.lines().toList();
        assertThat(lines).hasSize(PROBLEMS.size()).allSatisfy(l -> assertThat(l).matches(ANNOTATION));
        assertThat(lines.get(0)).isEqualTo("::error file=content/postmortems/a%2Cb.md,line=3,col=11,title=hindsight unknown-cause"
                + "::unknown cause `capacty`; did you mean `capacity`?");
        assertThat(lines.get(1)).startsWith("::warning file=content/postmortems/x.md,line=7,title=hindsight blameless-language::")
                .endsWith("::100%25 \"human error\":%0Aline two%0D");
        assertThat(lines.get(2)).startsWith("::warning file=content/postmortems/y.md,title=");
        assertThat(lines.get(3)).isEqualTo("::notice title=hindsight config-default::no site.yml: using defaults");
    }

    @Test
    void propertyEscapingCoversColonAndComma() {
        assertThat(ProblemFormat.property("C:\\a,b%\n")).isEqualTo("C%3A\\a%2Cb%25%0A");
        assertThat(ProblemFormat.data("a:b,c%")).isEqualTo("a:b,c%25");
    }

    @Test
    void textOutputIsFileLineColumnLevelMessageRule() {
        String out = ProblemFormat.TEXT.format(PROBLEMS.subList(0, 1), p -> "content/" + p);
        assertThat(out).isEqualTo("content/postmortems/a,b.md:3:11: error: unknown cause `capacty`; did you mean `capacity`? [unknown-cause]\n");
    }

    @Test
    void jsonOutputIsAnArrayOfEscapedObjects() {
        String out = ProblemFormat.JSON.format(PROBLEMS.subList(0, 2), p -> p);
        assertThat(out).startsWith("[\n  {\"file\": \"postmortems/a,b.md\", \"line\": 3, \"column\": 11, \"level\": \"error\", "
                + "\"rule\": \"unknown-cause\", \"message\": \"unknown cause `capacty`; did you mean `capacity`?\"},\n");
        assertThat(out).contains("\"message\": \"100% \\\"human error\\\":\\nline two\\r\"}").endsWith("\n]\n");
        assertThat(ProblemFormat.JSON.format(List.of(), p -> p)).isEqualTo("[]\n");
        Problem html = new Problem("x.md", 1, 0, Problem.Level.WARNING, "</script> & <b>", "r");
        assertThat(ProblemFormat.JSON.format(List.of(html), p -> p))
                .contains("\"message\": \"\\u003c/script\\u003e \\u0026 \\u003cb\\u003e\"");
    }
}
