package dev.hindsight.render;

import dev.hindsight.model.Problem;
import dev.hindsight.model.Result;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ThemeTest {
    @TempDir
    Path project;

    private Theme theme(String name, String text) throws IOException {
        Path dir = project.resolve("themes/default");
        Files.createDirectories(dir.resolve(name).getParent());
        Files.writeString(dir.resolve(name), text);
        return new Theme(project);
    }

    private static String text(Result<byte[]> r) {
        return new String(r.value(), StandardCharsets.UTF_8);
    }

    @Test
    void escapesHtmlByDefaultAndPassesBodiesMarkedSafe() throws IOException {
        Result<byte[]> r = theme("t.ftlh", "<p>${x}</p>${y?no_esc}").render("t.ftlh",
                Map.of("x", "<script>alert(1)</script>", "y", "<b>ok</b>"), "t.html");
        assertThat(r.problems()).isEmpty();
        assertThat(text(r)).isEqualTo("<p>&lt;script&gt;alert(1)&lt;/script&gt;</p><b>ok</b>");
    }

    @Test
    void aMissingValueIsAProblemWithTheTemplateFileAndLine() throws IOException {
        Result<byte[]> r = theme("bad.ftlh", "<p>\nfine\n${missing.value}</p>").render("bad.ftlh", Map.of(), "x/index.html");
        assertThat(r.problems()).hasSize(1);
        Problem p = r.problems().get(0);
        assertThat(p.isError()).isTrue();
        assertThat(p.path()).isEqualTo("themes/default/bad.ftlh");
        assertThat(p.line()).isEqualTo(3);
        assertThat(p.message()).contains("missing").contains("x/index.html").doesNotContain("\n");
    }

    @Test
    void aSyntaxErrorInAnImportedPartialNamesThePartial() throws IOException {
        theme("partials/broken.ftlh", "<#macro m>\n<#if>\n</#macro>");
        Result<byte[]> r = theme("page.ftlh", "<#import \"/partials/broken.ftlh\" as b>x").render("page.ftlh", Map.of(), "p.html");
        assertThat(r.problems()).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("themes/default/partials/broken.ftlh");
            assertThat(p.line()).isEqualTo(2);
            assertThat(p.rule()).isEqualTo("template-syntax");
        });
    }

    @Test
    void anUnknownTemplateIsAProblem() throws IOException {
        Result<byte[]> r = theme("a.ftlh", "a").render("nope.ftlh", Map.of(), "n.html");
        assertThat(r.problems()).singleElement().satisfies(p -> assertThat(p.message()).contains("not found"));
    }

    @Test
    void templatesCannotInstantiateClasses() throws IOException {
        Result<byte[]> r = theme("evil.ftlh", "<#assign ex = \"freemarker.template.utility.Execute\"?new()>${ex(\"id\")}")
                .render("evil.ftlh", Map.of(), "e.html");
        assertThat(r.problems()).singleElement().satisfies(p -> assertThat(p.isError()).isTrue());
        assertThat(r.value()).isEmpty();
    }

    @Test
    void projectTemplatesOverrideTheBuiltInThemeAndTheRestFallBack() throws IOException {
        Theme t = theme("404.ftlh", "custom 404");
        assertThat(text(t.render("404.ftlh", Map.of(), "404.html"))).isEqualTo("custom 404");
        assertThat(t.has("incident.ftlh")).isTrue();
    }
}
