package dev.hindsight.bench.jbake;

import org.jbake.app.Oven;
import org.jbake.app.configuration.JBakeConfiguration;
import org.jbake.app.configuration.JBakeConfigurationFactory;

import java.io.File;
import java.util.List;

/**
 * Bakes one JBake site: {@code java -jar jbake-peer.jar SOURCE DESTINATION}.
 * SOURCE holds jbake.properties, templates/ and content/ (bench/run.sh assembles it from the generated corpus).
 */
public final class Bake {
    private Bake() {
    }

    /** Runs JBake's oven once and returns a non-zero status when it reported errors. */
    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: java -jar jbake-peer.jar SOURCE DESTINATION");
            System.exit(2);
        }
        JBakeConfiguration config = new JBakeConfigurationFactory()
                .createDefaultJbakeConfiguration(new File(args[0]), new File(args[1]), true);
        Oven oven = new Oven(config);
        oven.bake();
        List<Throwable> errors = oven.getErrors();
        for (Throwable t : errors) {
            System.err.println("jbake: " + t);
        }
        System.exit(errors.isEmpty() ? 0 : 1);
    }
}
