package dev.hindsight.load;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The preview keeps the last walk's listing after a change only when a walk now would list the same: every change
 * here is made on disk, and a kept listing is compared with a fresh walk.
 */
class ContentWalkerRevisitTest {
    private static final String YAML = "---\ntitle: A\ndate: 2024-01-02\n---\n\nText.\n";
    @TempDir
    Path dir;
    private ContentWalker.Listing before;

    @BeforeEach
    void content() throws IOException {
        new TempContent(dir)
                .file("postmortems/2024-01-02-a.md", YAML)
                .file("postmortems/2024-02-03-b.md", YAML)
                .file("postmortems/notes.md~", "old copy")
                .file("postmortems/.hidden/x.md", YAML)
                .file("postmortems/2024-03-01-db/index.md", "# DB failover\n\n![lag](lag.png)\n")
                .file("postmortems/2024-03-01-db/lag.png", "png")
                .file("postmortems/outage/index.md", "# Outage\n\nThe API was down.\n")
                .file("postmortems/outage/notes.md", "plain notes\n")
                .file("pages/about.md", "---\ntitle: About\n---\n\nUs.\n");
        before = ContentWalker.walk(dir);
    }

    /** Returns the kept listing after the changes, checking that it is what a walk now lists. */
    private Optional<ContentWalker.Listing> revisit(String... changed) {
        Optional<ContentWalker.Listing> kept = ContentWalker.revisit(before, dir, Set.of(changed));
        kept.ifPresent(k -> assertThat(k.entries()).as("the kept listing is a fresh walk's")
                .isEqualTo(ContentWalker.walk(dir).entries()));
        return kept;
    }

    @Test
    void anEditedFileOrAnImageInABundleKeepsTheListing() throws IOException {
        Files.writeString(dir.resolve("postmortems/2024-01-02-a.md"), YAML.replace("Text.", "More text."));
        Files.writeString(dir.resolve("postmortems/2024-03-01-db/index.md"), "# DB failover, again\n");
        Files.writeString(dir.resolve("postmortems/2024-03-01-db/lag.png"), "png2");
        Files.writeString(dir.resolve("pages/about.md"), "---\ntitle: About us\n---\n");
        assertThat(revisit("postmortems/2024-01-02-a.md", "postmortems/2024-03-01-db/index.md",
                "postmortems/2024-03-01-db/lag.png", "pages/about.md")).isPresent();
    }

    @Test
    void aTemporaryFileThatCameAndWentOrAFileInAHiddenFolderKeepsIt() throws IOException {
        Files.writeString(dir.resolve("postmortems/.hidden/y.md"), YAML);
        assertThat(revisit("postmortems/2024-01-02-a.md.tmp1234", "postmortems/.hidden/y.md", "postmortems/.hidden/x.md"))
                .isPresent();
    }

    @Test
    void aFileAddedDeletedOrRenamedIsWalked() throws IOException {
        Files.writeString(dir.resolve("postmortems/2024-05-05-new.md"), YAML);
        assertThat(revisit("postmortems/2024-05-05-new.md")).isEmpty();
        Files.delete(dir.resolve("postmortems/2024-05-05-new.md"));
        Files.delete(dir.resolve("postmortems/notes.md~"));
        assertThat(revisit("postmortems/notes.md~")).as("a backup deleted: the walk listed it").isEmpty();
        Files.move(dir.resolve("postmortems/2024-02-03-b.md"), dir.resolve("postmortems/2024-02-03-c.md"));
        assertThat(revisit("postmortems/2024-02-03-b.md", "postmortems/2024-02-03-c.md")).isEmpty();
    }

    @Test
    void aFolderAFileTheWalkReadOrAFileMadeALinkIsWalked() throws IOException {
        assertThat(revisit("postmortems")).as("a folder").isEmpty();
        assertThat(revisit("")).as("the whole folder: lost events").isEmpty();
        Files.writeString(dir.resolve("postmortems/outage/notes.md"), YAML);
        assertThat(revisit("postmortems/outage/notes.md")).as("Markdown in a bundle, judged by its text").isEmpty();
        Path a = dir.resolve("postmortems/2024-01-02-a.md");
        Files.delete(a);
        Files.createSymbolicLink(a, dir.resolve("postmortems/2024-02-03-b.md"));
        assertThat(revisit("postmortems/2024-01-02-a.md")).as("now a link").isEmpty();
    }

    @Test
    void manyChangesAtOnceAreWalked() {
        Set<String> many = IntStream.range(0, 100).mapToObj(i -> "postmortems/tmp-" + i)
                .collect(Collectors.toSet());
        assertThat(revisit(many.toArray(String[]::new))).isEmpty();
    }
}
