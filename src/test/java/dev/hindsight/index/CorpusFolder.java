package dev.hindsight.index;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;

/** The rule for folders of ../shared/corpus, which live outside the repository: skip with the reason, but fail in CI. */
final class CorpusFolder {
    private CorpusFolder() {
    }

    /** Returns the folder when it exists; otherwise skips the test with the reason, or fails it when CI is set. */
    static Path require(Path folder) {
        if (!Files.isDirectory(folder)) {
            String reason = "corpus folder " + folder + " is not present (it lives outside the repository)";
            if (System.getenv("CI") != null) {
                Assertions.fail(reason + "; CI must run the corpus tests");
            }
            Assumptions.abort(reason + "; skipping");
        }
        return folder;
    }
}
