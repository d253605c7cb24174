package dev.hindsight.load;

import dev.hindsight.config.SiteConfigLoader;
import dev.hindsight.model.Postmortem;
import dev.hindsight.model.Problem;
import dev.hindsight.model.Result;
import dev.hindsight.model.Site;
import dev.hindsight.model.SiteConfig;
import dev.hindsight.model.SourceFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/**
 * A content folder written by a test, loaded with the real config and content loaders.
 */
final class TempContent {
    static final LocalDate TODAY = LocalDate.of(2025, 6, 1);

    private final Path root;

    TempContent(Path root) {
        this.root = root;
    }

    /** Writes a UTF-8 text file at a content-relative path. */
    TempContent file(String path, String text) {
        return bytes(path, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Writes a file with exact bytes. */
    TempContent bytes(String path, byte[] bytes) {
        try {
            Path p = root.resolve(path);
            Files.createDirectories(p.getParent());
            Files.write(p, bytes);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Returns the folder. */
    Path root() {
        return root;
    }

    /** Loads the folder, with drafts left out. */
    Loaded load() {
        return load(false);
    }

    /** Loads the folder. */
    Loaded load(boolean drafts) {
        Result<SiteConfig> config = new SiteConfigLoader().load(root, TODAY);
        Result<Site> site = new ContentLoader().load(root, config.value(), drafts);
        return new Loaded(site.value(), site.problems());
    }

    /** A loaded site with its problems. */
    record Loaded(Site site, List<Problem> problems) {
        /** Returns the only incident. */
        Postmortem only() {
            if (site.postmortems().size() != 1) {
                throw new AssertionError("expected one incident, got " + site.postmortems().size() + ": " + files()
                        + " " + problems.stream().map(Problem::format).toList());
            }
            return site.postmortems().get(0);
        }

        /** Returns the account of one file. */
        SourceFile file(String path) {
            return site.files().stream().filter(f -> f.path().equals(path)).findFirst()
                    .orElseThrow(() -> new AssertionError("no account of " + path + " in " + files()));
        }

        /** Returns the problems about one file, formatted. */
        List<String> problems(String path) {
            return problems.stream().filter(p -> p.path().equals(path)).map(Problem::format).toList();
        }

        /** Returns the problems at a level about one file. */
        List<Problem> problems(String path, Problem.Level level) {
            return problems.stream().filter(p -> p.path().equals(path) && p.level() == level).toList();
        }

        List<String> files() {
            return site.files().stream().map(f -> f.path() + "=" + f.outcome()).toList();
        }
    }
}
