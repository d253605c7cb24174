package dev.hindsight.cli;

import picocli.CommandLine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps the usage blocks of docs/cli.md equal to picocli's help: each block sits between
 * {@code <!-- usage:NAME -->} and {@code <!-- /usage:NAME -->} (NAME is a command, or "hindsight").
 * Run {@code main} with the file's path to rewrite the blocks after changing an option; {@link CliDocsTest} fails
 * while they differ.
 */
final class CliDocs {
    /** The help width the blocks are written at, whatever the terminal. */
    static final int WIDTH = 100;
    private static final Pattern BLOCK = Pattern.compile(
            "<!-- usage:([a-z]+) -->\\n```text\\n(.*?)```\\n<!-- /usage:\\1 -->", Pattern.DOTALL);

    private CliDocs() {
    }

    /** Returns the command line the docs describe. */
    static CommandLine commandLine() {
        CommandLine cmd = new CommandLine(new Main());
        cmd.setUsageHelpWidth(WIDTH);
        cmd.getSubcommands().values().forEach(c -> c.setUsageHelpWidth(WIDTH));
        return cmd;
    }

    /** Returns the help text of a command ("hindsight" for the top level). */
    static String usage(CommandLine root, String name) {
        CommandLine c = name.equals("hindsight") ? root : root.getSubcommands().get(name);
        if (c == null) {
            throw new IllegalArgumentException("docs/cli.md has a usage block for an unknown command: " + name);
        }
        return c.getUsageMessage(CommandLine.Help.Ansi.OFF).stripTrailing() + "\n";
    }

    /** Returns the text with every usage block replaced by the current help. */
    static String refresh(String text) {
        CommandLine root = commandLine();
        Matcher m = BLOCK.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            m.appendReplacement(sb, Matcher.quoteReplacement("<!-- usage:" + name + " -->\n```text\n"
                    + usage(root, name) + "```\n<!-- /usage:" + name + " -->"));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /** Returns each usage block of the text by command name, as written. */
    static Map<String, String> blocks(String text) {
        Map<String, String> out = new java.util.TreeMap<>();
        Matcher m = BLOCK.matcher(text);
        while (m.find()) {
            out.put(m.group(1), m.group(2));
        }
        return out;
    }

    /** Rewrites the usage blocks of the docs file named by the first argument (default docs/cli.md). */
    public static void main(String[] args) throws IOException {
        Path file = Path.of(args.length > 0 ? args[0] : "docs/cli.md");
        String text = Files.readString(file, StandardCharsets.UTF_8);
        Files.writeString(file, refresh(text), StandardCharsets.UTF_8);
    }
}
