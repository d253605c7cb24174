package dev.hindsight.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * The {@code hindsight} command line; the only place that turns problems into exit codes.
 */
@Command(name = "hindsight", mixinStandardHelpOptions = true, version = "hindsight 0.1.0",
        description = "Static site generator for an incident postmortem knowledge base.",
        subcommands = {ActionsCommand.class, BuildCommand.class, CheckCommand.class, ImportCommand.class, NewCommand.class, ReportCommand.class, SearchCommand.class,
                ServeCommand.class, CommandLine.HelpCommand.class})
public final class Main {

    /** Exit code: success. */
    public static final int OK = 0;
    /** Exit code: warnings, with --strict. */
    public static final int WARNINGS = 1;
    /** Exit code: errors in the input, or a failed build. */
    public static final int ERRORS = 2;
    /** Exit code: bad command-line usage. */
    public static final int USAGE = 64;

    private final java.io.InputStream in;

    private Main(java.io.InputStream in) {
        this.in = in;
    }

    /** Creates the command tree reading the process's standard input (for tools that list the commands). */
    Main() {
        this(System.in);
    }

    /** Returns what commands read as standard input ({@code hindsight search -}). */
    java.io.InputStream in() {
        return in;
    }

    /** Runs the command line and returns the exit code; tests call this directly. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        return run(System.in, out, err, args);
    }

    /** Runs the command line with a given standard input and returns the exit code. */
    public static int run(java.io.InputStream in, PrintWriter out, PrintWriter err, String... args) {
        CommandLine cmd = new CommandLine(new Main(in));
        cmd.setOut(out);
        cmd.setErr(err);
        cmd.setExitCodeExceptionMapper(e -> USAGE);
        cmd.registerConverter(java.time.LocalDate.class, Main::date);
        cmd.setExecutionExceptionHandler((e, command, parsed) -> {
            err.println("hindsight: internal error: " + e);
            err.println("Please report this with the input that caused it.");
            return ERRORS;
        });
        int code = cmd.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /** Reads a date option as YYYY-MM-DD, with a message that names the form rather than a Java exception. */
    private static java.time.LocalDate date(String value) {
        try {
            return java.time.LocalDate.parse(value);
        } catch (java.time.format.DateTimeParseException e) {
            throw new CommandLine.TypeConversionException("'" + value + "' is not a date: write YYYY-MM-DD, such as 2026-01-15");
        }
    }

    /** Entry point for the jar. */
    public static void main(String[] args) {
        // Lucene logs through java.util.logging on newer JVMs ("Using MemorySegmentIndexInput", "update Apache Lucene
        // to use the Vector API"): notes for its own developers, printed on every build. Only its errors get through.
        // The local keeps the logger (held weakly by the log manager) and its level for the whole run.
        java.util.logging.Logger lucene = java.util.logging.Logger.getLogger("org.apache.lucene");
        lucene.setLevel(java.util.logging.Level.SEVERE);
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        int code = run(out, err, args);
        java.lang.ref.Reference.reachabilityFence(lucene);
        System.exit(code);
    }
}
