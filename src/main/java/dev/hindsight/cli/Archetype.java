package dev.hindsight.cli;

import dev.hindsight.model.Problem;
import dev.hindsight.model.Result;
import dev.hindsight.model.Validate;
import freemarker.core.PlainTextOutputFormat;
import freemarker.core.TemplateClassResolver;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TimeZone;

/**
 * The template {@code hindsight new} fills in. Looked up like Hugo's archetypes: the project's
 * {@code archetypes/postmortem.md}, then {@code themes/default/archetypes/postmortem.md}, then the one in the jar.
 * It is a Freemarker template with plain-text output (no HTML escaping); values that go into YAML are quoted by
 * the {@code yaml} function, so a title with a colon or quote stays valid front matter.
 */
final class Archetype {
    /** The archetype name. */
    static final String NAME = "postmortem.md";
    private static final String CLASSPATH = "hindsight/themes/default/archetypes/" + NAME;

    private final String name;
    private final String text;

    private Archetype(String name, String text) {
        this.name = name;
        this.text = text;
    }

    /** Finds the archetype for a project folder: its own override first, else the built-in one. */
    static Result<Archetype> find(Path projectDir) {
        for (Path p : List.of(projectDir.resolve("archetypes").resolve(NAME),
                projectDir.resolve("themes/default/archetypes").resolve(NAME))) {
            if (Files.isRegularFile(p)) {
                try {
                    return Result.of(new Archetype(projectDir.relativize(p).toString().replace('\\', '/'),
                            Files.readString(p, StandardCharsets.UTF_8)));
                } catch (IOException e) {
                    return failed(p.toString(), "could not read the archetype: " + e.getMessage());
                }
            }
        }
        try (InputStream in = Archetype.class.getClassLoader().getResourceAsStream(CLASSPATH)) {
            if (in == null) {
                return failed(CLASSPATH, "the built-in archetype is missing from the jar");
            }
            return Result.of(new Archetype("built-in " + NAME, new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        } catch (IOException e) {
            return failed(CLASSPATH, "could not read the built-in archetype: " + e.getMessage());
        }
    }

    private static Result<Archetype> failed(String path, String message) {
        return new Result<>(new Archetype(path, ""), List.of(Problem.error(path, 0, "archetype", message)));
    }

    /** Returns where the archetype came from, for messages. */
    String name() {
        return name;
    }

    /** Fills the archetype in with a data model; template errors come back as a problem with the archetype's line. */
    Result<String> render(Map<String, Object> model) {
        Validate.notNull(model, "model");
        Configuration cfg = new Configuration(Configuration.VERSION_2_3_34);
        cfg.setOutputFormat(PlainTextOutputFormat.INSTANCE);
        cfg.setRecognizeStandardFileExtensions(false);
        cfg.setInterpolationSyntax(Configuration.DOLLAR_INTERPOLATION_SYNTAX);
        cfg.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        cfg.setLogTemplateExceptions(false);
        cfg.setAttemptExceptionReporter((e, env) -> { });
        cfg.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
        cfg.setAPIBuiltinEnabled(false);
        cfg.setLocale(Locale.ROOT);
        cfg.setTimeZone(TimeZone.getTimeZone("UTC"));
        cfg.setNumberFormat("computer");
        cfg.setBooleanFormat("c");
        try {
            Template t = new Template(name, new StringReader(text), cfg);
            StringWriter w = new StringWriter();
            t.process(model, w);
            return Result.of(w.toString());
        } catch (freemarker.core.ParseException e) {
            return new Result<>("", List.of(Problem.error(name, Math.max(0, e.getLineNumber()), "archetype",
                    "template syntax: " + e.getEditorMessage())));
        } catch (TemplateException e) {
            return new Result<>("", List.of(Problem.error(name, Optional.ofNullable(e.getLineNumber()).orElse(0),
                    "archetype", "template error: " + e.getMessageWithoutStackTop())));
        } catch (IOException e) {
            return new Result<>("", List.of(Problem.error(name, 0, "archetype", "could not fill in: " + e.getMessage())));
        }
    }

    /** Returns a YAML double-quoted scalar for any text. */
    static String yaml(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f || c == 0x85 || c == 0x2028 || c == 0x2029 || c == 0xFEFF) {
                        sb.append(String.format(Locale.ROOT, "\\u%04X", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
