package dev.hindsight.render;

import dev.hindsight.model.Problem;
import dev.hindsight.model.Result;
import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.StringTemplateLoader;
import freemarker.cache.StrongCacheStorage;
import freemarker.cache.TemplateLoader;
import freemarker.core.ParseException;
import freemarker.core.TemplateClassResolver;
import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapperBuilder;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import freemarker.template.TemplateNotFoundException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import java.util.stream.Stream;

/**
 * The Freemarker engine for one build: {@code .ftlh} templates with HTML auto-escaping, loaded from the project's
 * {@code themes/default/} first and from the theme inside the jar for anything the project does not override.
 * The project's template files are read when the theme is made, so a theme is exactly what its build stamp digested,
 * whatever happens to the folder later (see {@link Themes}). Templates are parsed once and cached; rendering is
 * thread-safe.
 */
final class Theme {
    /** Where templates live in a project, for problem paths. */
    static final String THEME_DIR = "themes/default/";
    private static final String CLASSPATH_THEME = "hindsight/themes/default";
    /** A page buffer's first size: most pages fit (an incident page is about 24 KB), a bigger one doubles it. */
    private static final int PAGE_BYTES = 32 * 1024;
    /** The largest page buffer kept for the thread's next page. */
    private static final int KEPT_BYTES = 1024 * 1024;

    private final Configuration cfg;
    private final List<Problem> setupProblems = new ArrayList<>();
    /** One page buffer per rendering thread, emptied for each page: pages are rendered by a few threads at a time. */
    private final ThreadLocal<Utf8Buffer> buffers = ThreadLocal.withInitial(() -> new Utf8Buffer(PAGE_BYTES));

    /** Creates the engine for a project folder. */
    Theme(Path projectDir) {
        cfg = new Configuration(Configuration.VERSION_2_3_34);
        cfg.setTemplateLoader(loader(projectDir, setupProblems));
        cfg.setDefaultEncoding("UTF-8");
        cfg.setOutputEncoding("UTF-8");
        cfg.setURLEscapingCharset("UTF-8");
        cfg.setRecognizeStandardFileExtensions(true);
        cfg.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        cfg.setAttemptExceptionReporter((e, env) -> { });
        cfg.setLogTemplateExceptions(false);
        cfg.setWrapUncheckedExceptions(true);
        cfg.setFallbackOnNullLoopVariable(false);
        cfg.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
        cfg.setAPIBuiltinEnabled(false);
        cfg.setLocale(Locale.ROOT);
        cfg.setTimeZone(TimeZone.getTimeZone("UTC"));
        cfg.setSQLDateAndTimeTimeZone(TimeZone.getTimeZone("UTC"));
        cfg.setNumberFormat("computer");
        cfg.setBooleanFormat("c");
        cfg.setLocalizedLookup(false);
        cfg.setCacheStorage(new StrongCacheStorage());
        // One build never sees a template change, so never re-check the files.
        cfg.setTemplateUpdateDelayMilliseconds(Long.MAX_VALUE);
        DefaultObjectWrapperBuilder wrapper = new DefaultObjectWrapperBuilder(Configuration.VERSION_2_3_34);
        wrapper.setForceLegacyNonListCollections(false);
        wrapper.setIterableSupport(true);
        cfg.setObjectWrapper(wrapper.build());
    }

    /**
     * Renders a template with a data model to UTF-8 bytes; template errors come back as problems with the
     * template's file and line.
     */
    Result<byte[]> render(String template, Map<String, Object> model, String outPath) {
        Template t;
        try {
            t = cfg.getTemplate(template);
        } catch (TemplateNotFoundException e) {
            return failed(Problem.error(THEME_DIR + template, 0, "template",
                    "template not found (wanted for " + outPath + ")"));
        } catch (ParseException e) {
            return failed(syntax(e, template));
        } catch (IOException e) {
            return failed(Problem.error(THEME_DIR + template, 0, "template", "could not read the template: " + e.getMessage()));
        }
        Utf8Buffer sw = buffers.get();
        sw.clear();
        try {
            t.process(model, sw);
        } catch (TemplateException e) {
            if (e.getCause() instanceof ParseException pe) {
                return failed(syntax(pe, template));
            }
            String source = e.getTemplateSourceName() != null ? e.getTemplateSourceName() : template;
            int line = e.getLineNumber() != null ? Math.max(0, e.getLineNumber()) : 0;
            return failed(Problem.error(THEME_DIR + source, line, "template",
                    firstLines(e.getMessageWithoutStackTop()) + " (while rendering " + outPath + ")"));
        } catch (IOException e) {
            return failed(Problem.error(THEME_DIR + template, 0, "template", "could not render: " + e.getMessage()));
        }
        byte[] page = sw.toByteArray();
        if (sw.capacity() > KEPT_BYTES) {
            // A long list page grew it: let it go rather than hold megabytes per thread for as long as serve runs.
            buffers.remove();
        }
        return Result.of(page);
    }

    /** Returns true when the theme has a template of that name. */
    boolean has(String template) {
        try {
            return cfg.getTemplateLoader().findTemplateSource(template) != null;
        } catch (IOException e) {
            return false;
        }
    }

    private static Problem syntax(ParseException e, String template) {
        String name = e.getTemplateName() != null ? e.getTemplateName() : template;
        return Problem.error(THEME_DIR + name, Math.max(0, e.getLineNumber()), "template-syntax",
                firstLines(e.getEditorMessage()));
    }

    private static Result<byte[]> failed(Problem p) {
        return new Result<>(new byte[0], List.of(p));
    }

    /** Keeps the message's first two non-blank lines: the error itself, without Freemarker's tips. */
    private static String firstLines(String message) {
        List<String> lines = new ArrayList<>();
        for (String l : (message == null ? "template error" : message).split("\n")) {
            String s = l.strip();
            if (!s.isEmpty() && !s.startsWith("----") && !s.startsWith("Tip:") && lines.size() < 2) {
                lines.add(s);
            }
        }
        return lines.isEmpty() ? "template error" : String.join(" ", lines);
    }

    /** Returns problems met while setting up, such as an unreadable theme folder. */
    List<Problem> setupProblems() {
        return List.copyOf(setupProblems);
    }

    private static TemplateLoader loader(Path projectDir, List<Problem> problems) {
        ClassTemplateLoader builtIn = new ClassTemplateLoader(Theme.class.getClassLoader(), CLASSPATH_THEME);
        Path dir = projectDir.resolve(THEME_DIR);
        if (!Files.isDirectory(dir)) {
            return builtIn;
        }
        StringTemplateLoader project = new StringTemplateLoader();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(f -> Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)).sorted().toList()) {
                String name = dir.relativize(f).toString().replace(java.io.File.separatorChar, '/');
                // Decoded as Freemarker decodes a template file: UTF-8, a malformed byte as U+FFFD.
                project.putTemplate(name, new String(Files.readAllBytes(f), StandardCharsets.UTF_8), 0);
            }
        } catch (IOException | UncheckedIOException e) {
            problems.add(Problem.error(THEME_DIR, 0, "template", "could not read the theme folder: " + e.getMessage()));
            return builtIn;
        }
        return new MultiTemplateLoader(new TemplateLoader[] {project, builtIn});
    }
}
