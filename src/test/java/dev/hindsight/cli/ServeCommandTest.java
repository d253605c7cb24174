package dev.hindsight.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ServeCommandTest {
    @TempDir
    Path project;

    private static int run(StringWriter err, String... args) {
        return Main.run(new PrintWriter(new StringWriter()), new PrintWriter(err), args);
    }

    @Test
    void aPortInUseIsAClearErrorNotAStackTrace() throws Exception {
        Files.createDirectories(project.resolve("content"));
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            StringWriter err = new StringWriter();
            int code = run(err, "serve", "--source", project.toString(), "--port", String.valueOf(taken.getLocalPort()));
            assertThat(code).isEqualTo(Main.ERRORS);
            assertThat(err.toString()).contains("cannot listen on 127.0.0.1:" + taken.getLocalPort()).contains("--port")
                    .doesNotContain("\tat ");
        }
    }

    @Test
    void aMissingContentFolderIsAUsageError() {
        StringWriter err = new StringWriter();
        assertThat(run(err, "serve", "--source", project.toString(), "--port", "0")).isEqualTo(Main.USAGE);
        assertThat(err.toString()).contains("content folder not found");
    }

    @Test
    void aPortOutOfRangeIsAUsageErrorNamingTheRange() throws Exception {
        Files.createDirectories(project.resolve("content"));
        for (String port : new String[] {"99999", "-1", "65536"}) {
            StringWriter err = new StringWriter();
            assertThat(run(err, "serve", "--source", project.toString(), "--port", port)).as(port).isEqualTo(Main.USAGE);
            assertThat(err.toString()).contains("between 0 and 65535").contains(port).doesNotContain("internal error");
        }
    }

    @Test
    void helpListsTheAuthoringCommands() {
        StringWriter out = new StringWriter();
        assertThat(Main.run(new PrintWriter(out), new PrintWriter(new StringWriter()), "--help")).isZero();
        assertThat(out.toString()).contains("check").contains("new").contains("serve");
    }
}
