package dev.hindsight.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** docs/cli.md cannot drift from the command line: every command, option and usage block is checked. */
class CliDocsTest {
    private static final String FIX = "; regenerate the usage blocks with: java -cp target/hindsight.jar:target/test-classes "
            + "dev.hindsight.cli.CliDocs docs/cli.md";

    private static String docs() throws IOException {
        return Files.readString(Path.of("docs/cli.md"), StandardCharsets.UTF_8);
    }

    @Test
    void everyOptionOfEveryCommandIsDocumented() throws IOException {
        String text = docs();
        CommandLine root = CliDocs.commandLine();
        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, CommandLine> e : root.getSubcommands().entrySet()) {
            if (e.getKey().equals("help")) {
                continue;
            }
            if (!text.contains("## `hindsight " + e.getKey())) {
                missing.add("a section \"## `hindsight " + e.getKey() + "`\"");
            }
            String section = section(text, e.getKey());
            for (OptionSpec o : e.getValue().getCommandSpec().options()) {
                for (String name : o.names()) {
                    if (!section.contains(name)) {
                        missing.add(e.getKey() + " " + name);
                    }
                }
            }
            for (PositionalParamSpec p : e.getValue().getCommandSpec().positionalParameters()) {
                if (!section.contains(p.paramLabel())) {
                    missing.add(e.getKey() + " " + p.paramLabel());
                }
            }
        }
        assertThat(missing).as("missing from docs/cli.md").isEmpty();
    }

    @Test
    void usageBlocksMatchTheHelpOutput() throws IOException {
        String text = docs();
        Map<String, String> blocks = CliDocs.blocks(text);
        List<String> commands = new ArrayList<>(CliDocs.commandLine().getSubcommands().keySet());
        commands.remove("help");
        commands.add("hindsight");
        assertThat(blocks.keySet()).as("usage blocks in docs/cli.md").containsExactlyInAnyOrderElementsOf(commands);
        assertThat(CliDocs.refresh(text)).as("docs/cli.md usage blocks are out of date" + FIX).isEqualTo(text);
    }

    @Test
    void exitCodesAreDocumented() throws IOException {
        String text = docs();
        for (int code : new int[] {Main.OK, Main.WARNINGS, Main.ERRORS, Main.USAGE}) {
            assertThat(text).as("exit code %d", code).containsPattern("\\| `" + code + "` \\|");
        }
    }

    /** Returns the text of a command's section: from its heading to the next "## " heading. */
    private static String section(String text, String command) {
        int start = text.indexOf("## `hindsight " + command);
        if (start < 0) {
            return "";
        }
        int end = text.indexOf("\n## ", start + 3);
        return text.substring(start, end < 0 ? text.length() : end);
    }
}
