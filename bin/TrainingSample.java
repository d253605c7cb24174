import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Copies a bounded sample of a content folder, for the training build that `mvn package` runs to make the class-data
 * archive (JDK 17 to 24) or the AOT cache (JDK 25 and newer). Run by the JDK's source launcher, so it needs nothing
 * but the JDK that runs Maven, on any system:
 *
 * <pre>java bin/TrainingSample.java CONTENT_DIR OUT_DIR [MAX]</pre>
 *
 * <p>The training only has to load the classes a build loads and run its code paths on the team's own house style,
 * which a few hundred of its files do as well as all of them: a collection of 10,000 made packaging take a whole cold
 * build. So OUT_DIR gets every file at the top of CONTENT_DIR (site.yml and the like) and, of the files below it, all
 * of them when there are at most MAX (default 200), or else every k-th in path order, k the least that keeps at most
 * MAX. Path order spreads the sample over the folders and, where names start with a date, over the years. A bundle may
 * lose its images to the sample, and a postmortem may name one left out: the training build then warns or reports
 * errors, which is all it does. OUT_DIR is emptied first. A missing CONTENT_DIR leaves OUT_DIR empty: the training
 * build then reports it, and packaging goes on.
 */
public final class TrainingSample {
    private TrainingSample() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2 || args.length > 3) {
            System.err.println("usage: java bin/TrainingSample.java CONTENT_DIR OUT_DIR [MAX]");
            System.exit(64);
        }
        Path content = Path.of(args[0]).toAbsolutePath().normalize();
        Path out = Path.of(args[1]).toAbsolutePath().normalize();
        int max = args.length == 3 ? Integer.parseInt(args[2]) : 200;
        delete(out);
        Files.createDirectories(out);
        if (!Files.isDirectory(content)) {
            return;
        }
        List<Path> top;
        try (Stream<Path> s = Files.list(content)) {
            top = s.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path f : top) {
            Files.copy(f, out.resolve(f.getFileName().toString()), StandardCopyOption.COPY_ATTRIBUTES);
        }
        List<String> below;
        try (Stream<Path> s = Files.walk(content)) {
            below = s.filter(Files::isRegularFile).filter(f -> f.getParent() != null && !f.getParent().equals(content))
                    .map(f -> content.relativize(f).toString().replace('\\', '/')).sorted().toList();
        }
        int step = Math.max(1, (below.size() + max - 1) / max);
        for (int i = 0; i < below.size(); i += step) {
            Path to = out.resolve(below.get(i));
            Files.createDirectories(to.getParent());
            Files.copy(content.resolve(below.get(i)), to, StandardCopyOption.COPY_ATTRIBUTES);
        }
    }

    private static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
