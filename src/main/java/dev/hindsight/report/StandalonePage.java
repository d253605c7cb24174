package dev.hindsight.report;

import dev.hindsight.model.Problem;
import dev.hindsight.model.Result;
import dev.hindsight.model.Validate;
import dev.hindsight.render.RelativeLinks;
import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.FileTemplateLoader;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.core.TemplateClassResolver;
import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapperBuilder;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;

/**
 * Renders a report as one self-contained HTML file (for {@code hindsight report --format html}): the theme's
 * {@code report-standalone.ftlh} with the stylesheets inlined, so it can be mailed or attached to a meeting invite.
 * It uses the same report partial as the site page, through its own small Freemarker engine, because the site's
 * renderer needs a whole rendered site. Links point at the published site when the base URL is absolute.
 */
public final class StandalonePage {
    static final String TEMPLATE = "report-standalone.ftlh";
    private static final String THEME_DIR = "themes/default/";
    private static final String CLASSPATH = "hindsight/";
    private static final List<String> CSS = List.of("css/site.css", "css/report.css");

    private final Path projectDir;

    /** Creates a renderer that takes the theme and stylesheets from a project folder, else from the built-in theme. */
    public StandalonePage(Path projectDir) {
        this.projectDir = Validate.notNull(projectDir, "projectDir");
    }

    /** Returns the report as a standalone HTML page. */
    public Result<String> html(Report report, String language) {
        Validate.notNull(report, "report");
        Map<String, Object> model = new HashMap<>();
        model.put("report", report);
        model.put("downloads", false);
        model.put("printHeader", PrintHeader.css(report));
        model.put("language", language);
        model.put("root", RelativeLinks.isAbsolute(report.baseUrl()) ? RelativeLinks.absolute(report.baseUrl(), "") : "");
        StringBuilder css = new StringBuilder();
        try {
            for (String name : CSS) {
                css.append(asset(name)).append('\n');
            }
            model.put("css", css.toString());
            StringWriter out = new StringWriter();
            engine().getTemplate(TEMPLATE).process(model, out);
            return Result.of(out.toString());
        } catch (IOException e) {
            return new Result<>("", List.of(Problem.error(THEME_DIR + TEMPLATE, 0, "template", "could not read the theme: " + e.getMessage())));
        } catch (TemplateException e) {
            Integer line = e.getLineNumber();
            return new Result<>("", List.of(Problem.error(THEME_DIR + (e.getTemplateSourceName() == null ? TEMPLATE : e.getTemplateSourceName()),
                    line == null ? 0 : Math.max(0, line), "template", e.getMessageWithoutStackTop().lines().findFirst().orElse("template error"))));
        }
    }

    private String asset(String name) throws IOException {
        Path local = projectDir.resolve("assets").resolve(name);
        if (Files.isRegularFile(local)) {
            return Files.readString(local, StandardCharsets.UTF_8);
        }
        try (InputStream in = StandalonePage.class.getClassLoader().getResourceAsStream(CLASSPATH + "assets/" + name)) {
            if (in == null) {
                throw new IOException("stylesheet not found: " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private Configuration engine() throws IOException {
        Configuration cfg = new Configuration(Configuration.VERSION_2_3_34);
        TemplateLoader builtIn = new ClassTemplateLoader(StandalonePage.class.getClassLoader(), CLASSPATH + "themes/default");
        Path dir = projectDir.resolve(THEME_DIR);
        cfg.setTemplateLoader(Files.isDirectory(dir)
                ? new MultiTemplateLoader(new TemplateLoader[] {new FileTemplateLoader(dir.toFile()), builtIn}) : builtIn);
        cfg.setDefaultEncoding("UTF-8");
        cfg.setOutputEncoding("UTF-8");
        cfg.setRecognizeStandardFileExtensions(true);
        cfg.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        cfg.setAttemptExceptionReporter((e, env) -> { });
        cfg.setLogTemplateExceptions(false);
        cfg.setWrapUncheckedExceptions(true);
        cfg.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
        cfg.setAPIBuiltinEnabled(false);
        cfg.setLocale(Locale.ROOT);
        cfg.setTimeZone(TimeZone.getTimeZone("UTC"));
        cfg.setNumberFormat("computer");
        cfg.setBooleanFormat("c");
        cfg.setLocalizedLookup(false);
        DefaultObjectWrapperBuilder wrapper = new DefaultObjectWrapperBuilder(Configuration.VERSION_2_3_34);
        wrapper.setForceLegacyNonListCollections(false);
        wrapper.setIterableSupport(true);
        cfg.setObjectWrapper(wrapper.build());
        return cfg;
    }
}
