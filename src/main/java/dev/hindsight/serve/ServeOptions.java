package dev.hindsight.serve;

import dev.hindsight.BuildOptions;
import dev.hindsight.model.Validate;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What {@code hindsight serve} builds and where it listens.
 *
 * @param build    the build options (the destination is replaced by a private folder per rebuild)
 * @param bind     the address to listen on: 127.0.0.1 by default, so the preview is not on the network
 * @param port     the port; 0 picks a free one
 * @param debounce how long the files must stay quiet before a rebuild starts, so one save is one rebuild
 */
public record ServeOptions(BuildOptions build, String bind, int port, Duration debounce) {
    /** The default port, as Hugo's. */
    public static final int DEFAULT_PORT = 1313;
    /** The default quiet time before a rebuild. */
    public static final Duration DEFAULT_DEBOUNCE = Duration.ofMillis(50);

    public ServeOptions {
        Validate.notNull(build, "build");
        Validate.notBlank(bind, "bind");
        Validate.isTrue(port >= 0 && port <= 65535, "port must be between 0 and 65535");
        Validate.notNull(debounce, "debounce");
    }

    /** Returns the folders watched for changes: the content folder (with site.yml), themes/ and assets/. */
    public List<Path> watched() {
        return List.of(build.contentDir(), build.projectDir().resolve("themes"), build.projectDir().resolve("assets"));
    }
}
