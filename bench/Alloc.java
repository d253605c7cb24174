import java.io.PrintWriter;
import java.lang.management.ManagementFactory;

/**
 * Runs one Hindsight command in this JVM and prints the heap bytes it allocated and its wall time:
 * {@code java -cp target/hindsight.jar bench/Alloc.java build -s . --content CORPUS -d OUT --cache-dir CACHE}.
 *
 * <p>The figure is the JVM's own count over every thread, finished ones included
 * ({@code com.sun.management.ThreadMXBean#getTotalThreadAllocatedBytes}), so it does not depend on the heap size
 * or the collector. Run with an empty cache folder for a cold build.
 */
public final class Alloc {

    /** Runs the command given as arguments and prints the allocation and time on standard error. */
    public static void main(String[] args) {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getTotalThreadAllocatedBytes();
        long start = System.nanoTime();
        int code = dev.hindsight.cli.Main.run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
        long millis = (System.nanoTime() - start) / 1_000_000;
        long bytes = threads.getTotalThreadAllocatedBytes() - before;
        System.err.printf("allocated %.2f GB (%d bytes), wall %.1f s, exit %d%n", bytes / 1e9, bytes, millis / 1e3, code);
        System.exit(code);
    }
}
