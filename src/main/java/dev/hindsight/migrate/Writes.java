package dev.hindsight.migrate;

import dev.hindsight.model.Problem;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;

/**
 * Writes import's files under a target folder: each through a temporary file moved into place, so a reader never
 * sees half a file; an existing file with the same bytes is left alone (unchanged); a different one is refused
 * unless forced; on a dry run nothing is written and the outcome is what would have happened.
 */
final class Writes {
    private final Path root;
    private final boolean dryRun;
    private final boolean force;

    /**
     * The outcome of one write.
     *
     * @param action write, unchanged or refuse
     * @param reason why it was refused
     */
    record Outcome(Importer.Action action, String reason) {
    }

    Writes(Path root, boolean dryRun, boolean force) {
        this.root = root;
        this.dryRun = dryRun;
        this.force = force;
    }

    /** Writes bytes to a path relative to the target folder. */
    Outcome file(String relative, byte[] bytes, List<Problem> problems) {
        Path target = root.resolve(relative).normalize();
        if (!target.startsWith(root)) {
            problems.add(Problem.error(relative, 0, "import", "the path leaves the target folder; not written"));
            return new Outcome(Importer.Action.REFUSE, "the path leaves the target folder");
        }
        try {
            if (Files.isRegularFile(target) && Arrays.equals(Files.readAllBytes(target), bytes)) {
                return new Outcome(Importer.Action.UNCHANGED, "");
            }
            if (Files.exists(target) && !force) {
                problems.add(Problem.error(relative, 0, "import", "exists and differs: not overwritten (use --force)"));
                return new Outcome(Importer.Action.REFUSE, "exists and differs: use --force to overwrite");
            }
            if (!dryRun) {
                atomically(target, bytes);
            }
            return new Outcome(Importer.Action.WRITE, "");
        } catch (IOException e) {
            problems.add(Problem.error(relative, 0, "io", "could not write " + target + ": " + e.getMessage()));
            return new Outcome(Importer.Action.REFUSE, "could not be written: " + e.getMessage());
        }
    }

    /** Copies a file to a path relative to the target folder, with the same rules. */
    void copy(Path from, String relative, List<Problem> problems) {
        try {
            file(relative, Files.readAllBytes(from), problems);
        } catch (IOException e) {
            problems.add(Problem.error(relative, 0, "io", "could not read " + from + ": " + e.getMessage()));
        }
    }

    private static void atomically(Path target, byte[] bytes) throws IOException {
        Files.createDirectories(target.getParent());
        Path temp = Files.createTempFile(target.getParent(), ".import-", ".tmp");
        try {
            Files.write(temp, bytes);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
