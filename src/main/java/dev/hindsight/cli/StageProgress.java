package dev.hindsight.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Shows the build's progress, one step per pipeline stage: on a terminal a bar redrawn in place
 * ({@code [#######..] 7/9 render 812 ms}); in CI, or when the output is not a terminal, one plain line per stage.
 */
final class StageProgress implements Consumer<String> {
    /**
     * The stages of {@link dev.hindsight.Pipeline}, in the order they end; publish runs only when nothing failed. The
     * export is written beside the checks, pages and reports, and is heard of when the pipeline joins it after them.
     */
    static final List<String> STAGES = List.of("config", "load", "analyze", "index", "check", "render", "report", "export", "publish");
    private static final int WIDTH = STAGES.size();

    private final PrintWriter out;
    private final boolean terminal;
    private long last = System.nanoTime();
    private int done;

    /** Creates progress output; {@code terminal} chooses the redrawn bar over plain lines. */
    StageProgress(PrintWriter out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    /** Returns true when the output is a terminal and not CI: the JVM has a console, CI is unset, TERM is not dumb. */
    static boolean isTerminal(Map<String, String> env, boolean hasConsole) {
        String ci = env.getOrDefault("CI", "");
        return hasConsole && (ci.isEmpty() || ci.equalsIgnoreCase("false")) && !"dumb".equals(env.get("TERM"));
    }

    /** Records that a stage finished. */
    @Override
    public void accept(String stage) {
        long now = System.nanoTime();
        long ms = (now - last) / 1_000_000;
        last = now;
        int index = STAGES.indexOf(stage);
        done = index >= 0 ? index + 1 : done + 1;
        int shown = Math.min(done, WIDTH);
        if (terminal) {
            String bar = "#".repeat(shown) + ".".repeat(WIDTH - shown);
            out.print(String.format(Locale.ROOT, "\r\u001b[2K[%s] %d/%d %s %d ms", bar, shown, WIDTH, stage, ms));
        } else {
            out.println(String.format(Locale.ROOT, "[%d/%d] %s %d ms", shown, WIDTH, stage, ms));
        }
        out.flush();
    }

    /** Ends the bar's line, so what follows starts on a fresh line. */
    void finish() {
        if (terminal && done > 0) {
            out.println();
            out.flush();
        }
    }
}
