package dev.hindsight.cli;

import dev.hindsight.BuildOptions;
import dev.hindsight.serve.Preview;
import dev.hindsight.serve.ServeOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.BindException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/**
 * {@code hindsight serve}: a local preview that rebuilds on every change and reloads the open pages.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Build the site, serve it on http://localhost:1313, watch content/, themes/, assets/ and "
                + "site.yml, rebuild on every change and reload the open pages (no browser extension needed). "
                + "Each rebuild is the build's own pipeline with its cache in memory: only what changed is parsed "
                + "and rendered again, and every page, the search, the reports and incidents.json are current "
                + "after each edit. Drafts are shown, with a banner. A build with errors keeps the last good site "
                + "up and shows the errors on every page.",
                "The preview is served from memory; --destination is not used. The cache folder is read at start "
                + "and kept current."})
public final class ServeCommand implements Callable<Integer> {
    @Mixin
    SiteOptions site;

    /** The highest TCP port number. */
    private static final int MAX_PORT = 65_535;

    @Option(names = {"-p", "--port"}, paramLabel = "PORT", description = "Port (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port = ServeOptions.DEFAULT_PORT;

    @Option(names = "--bind", paramLabel = "ADDRESS", description = "Address to listen on (default: ${DEFAULT-VALUE}, this machine only; 0.0.0.0 for the network).")
    String bind = "127.0.0.1";

    @Option(names = "--no-drafts", description = "Leave drafts out, as the published site does.")
    boolean noDrafts;

    @Option(names = "--debounce", paramLabel = "MS", description = "Quiet time after a change before rebuilding, in ms (default: ${DEFAULT-VALUE}).")
    long debounceMs = ServeOptions.DEFAULT_DEBOUNCE.toMillis();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        BuildOptions build = site.toBuildOptions().withDrafts(!noDrafts);
        if (!Files.isDirectory(build.contentDir())) {
            err.println("hindsight: content folder not found: " + build.contentDir());
            return Main.USAGE;
        }
        if (port < 0 || port > MAX_PORT) {
            err.println("hindsight: --port must be between 0 and " + MAX_PORT + " (0 picks a free one), not " + port);
            return Main.USAGE;
        }
        if (debounceMs < 0 || debounceMs > 10_000) {
            err.println("hindsight: --debounce must be between 0 and 10000 ms");
            return Main.USAGE;
        }
        ServeOptions options = new ServeOptions(build, bind, port, Duration.ofMillis(debounceMs));
        Preview preview;
        try {
            preview = Preview.start(options, line -> {
                out.println(line);
                out.flush();
            });
        } catch (BindException e) {
            err.println("hindsight: cannot listen on " + bind + ":" + port + " (" + e.getMessage()
                    + "); is another server running? Try --port " + (port + 1) + " or --port 0");
            return Main.ERRORS;
        }
        String shown = preview.url().toString().replace("127.0.0.1", "localhost");
        out.println("serving " + build.contentDir() + " at " + shown + " (drafts " + (noDrafts ? "hidden" : "shown")
                + "); press Ctrl+C to stop");
        out.flush();
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            try {
                preview.close();
            } catch (IOException e) {
                err.println("hindsight: could not clean up the preview folder: " + e.getMessage());
                err.flush();
            }
            stopped.countDown();
        }, "hindsight-serve-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        stopped.await();
        return Main.OK;
    }
}
