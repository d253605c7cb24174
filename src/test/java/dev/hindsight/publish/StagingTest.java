package dev.hindsight.publish;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StagingTest {

    @Test
    void commitSwapsTheNewSiteIn(@TempDir Path dir) throws IOException {
        Path dest = dir.resolve("public");
        Files.createDirectories(dest);
        Files.writeString(dest.resolve("old.html"), "old");
        try (Staging s = new Staging(dest)) {
            s.write("index.html", "new");
            s.write("incidents/a/index.html", "a");
            assertThat(Files.readString(dest.resolve("old.html"))).as("old site untouched until commit").isEqualTo("old");
            s.commit();
        }
        assertThat(Files.readString(dest.resolve("index.html"))).isEqualTo("new");
        assertThat(dest.resolve("old.html")).doesNotExist();
        try (Stream<Path> leftovers = Files.list(dir)) {
            assertThat(leftovers.map(p -> p.getFileName().toString())).containsExactly("public");
        }
    }

    @Test
    void aFailureHalfwayLeavesThePreviousSiteUntouched(@TempDir Path dir) throws IOException {
        Path dest = dir.resolve("public");
        Files.createDirectories(dest.resolve("incidents"));
        Files.writeString(dest.resolve("index.html"), "previous");
        try (Staging s = new Staging(dest)) {
            for (int i = 0; i < 50; i++) {
                s.write("incidents/" + i + "/index.html", "page " + i);
            }
            // the build fails here, before commit
        }
        assertThat(Files.readString(dest.resolve("index.html"))).isEqualTo("previous");
        try (Stream<Path> leftovers = Files.list(dir)) {
            assertThat(leftovers.map(p -> p.getFileName().toString())).containsExactly("public");
        }
    }

    @Test
    void pathsThatEscapeTheSiteAreRefused(@TempDir Path dir) throws IOException {
        try (Staging s = new Staging(dir.resolve("public"))) {
            assertThatThrownBy(() -> s.write("../../etc/passwd", "x")).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> s.write("/etc/passwd", "x")).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> s.write("a/../../x", "x")).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(dir.resolve("etc")).doesNotExist();
    }

    @Test
    void twoOutputsForOnePathAreAnError(@TempDir Path dir) throws IOException {
        try (Staging s = new Staging(dir.resolve("public"))) {
            s.write("a/index.html", "1");
            assertThatThrownBy(() -> s.write("a/./index.html", "2")).isInstanceOf(IOException.class)
                    .hasMessageContaining("same path");
        }
    }

    @Test
    void aWriteAfterAbortIsRefusedAndLeavesNoFolderBehind(@TempDir Path dir) throws IOException {
        Staging s = new Staging(dir.resolve("public"));
        s.write("a/index.html", "1");
        s.abort();
        assertThatThrownBy(() -> s.write("b/index.html", "2")).isInstanceOf(IOException.class)
                .hasMessageContaining("closed");
        try (Stream<Path> list = Files.list(dir)) {
            assertThat(list).isEmpty();
        }
    }

    @Test
    void aWriteAfterCommitIsRefused(@TempDir Path dir) throws IOException {
        try (Staging s = new Staging(dir.resolve("public"))) {
            s.write("a/index.html", "1");
            s.commit();
            assertThatThrownBy(() -> s.write("b/index.html", "2")).isInstanceOf(IOException.class);
            assertThat(dir.resolve("public/b")).doesNotExist();
        }
        try (Stream<Path> list = Files.list(dir)) {
            assertThat(list).extracting(p -> p.getFileName().toString()).containsExactly("public");
        }
    }
}
