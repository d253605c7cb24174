package dev.hindsight.load;

import dev.hindsight.config.SiteConfigLoader;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Decides by name what a file under the content folder is. The rules, in order:
 * <ol>
 *   <li>names starting with '.' are hidden files: skipped; editor backups ({@code ~}, {@code .bak}, {@code .swp}) too;</li>
 *   <li>{@code site.yml} at the top is the site settings: skipped as content; a settings file anywhere else (a
 *       {@code site.yml} in a subfolder, a {@code site.yaml}) is not read either, so it is skipped with a warning,
 *       never published;</li>
 *   <li>repository files ({@code README}, {@code LICENSE}, {@code PROVENANCE}, {@code CONTRIBUTING}, {@code CHANGELOG},
 *       {@code CODE_OF_CONDUCT}, {@code SECURITY}, {@code NOTICE}, {@code AUTHORS}, {@code CODEOWNERS}, any extension):
 *       skipped, "not a postmortem: repository file";</li>
 *   <li>names with the word "template", and files in a {@code templates/} or {@code archetypes/} folder: skipped,
 *       "template: not a postmortem";</li>
 *   <li>Markdown ({@code .md .markdown .mdown .mkd .mkdn}) is loaded;</li>
 *   <li>a file without an extension is read and loaded when it looks like Markdown (see {@link MarkdownSniffer});</li>
 *   <li>other text formats (reStructuredText, AsciiDoc, Org, Textile, ERB, MDX) are skipped, "not Markdown", and
 *       HTML and JavaScript files are skipped because publishing them would let content run script;</li>
 *   <li>everything else (images, PDFs, logs, CSV...) is a resource, copied when a page links to it.</li>
 * </ol>
 */
final class FileRules {
    /** What a file is, by name. */
    enum Kind { MARKDOWN, SNIFF, RESOURCE, SKIP }

    /**
     * A decision.
     *
     * @param kind    what the file is
     * @param reason  why, for skipped files
     * @param warning the rule a skipped file is reported under, as a warning at its line 1, when the skip is a mistake
     *                to fix rather than a choice; empty when the skip is only listed in the build summary
     */
    record Decision(Kind kind, String reason, String warning) {
    }

    /** The rule of the warning for a settings file that is not read. */
    static final String SETTINGS_RULE = "site-settings";

    private static final Set<String> MARKDOWN = Set.of("md", "markdown", "mdown", "mkd", "mkdn");
    private static final Set<String> REPOSITORY = Set.of("readme", "license", "licence", "copying", "provenance",
            "contributing", "changelog", "changes", "code_of_conduct", "code-of-conduct", "security", "notice",
            "authors", "codeowners", "maintainers");
    private static final Set<String> TEXT_FORMATS = Set.of("rst", "adoc", "asciidoc", "asc", "org", "textile", "erb",
            "mdx", "wiki", "mediawiki", "creole", "pod", "rdoc", "tex");
    private static final Set<String> ACTIVE = Set.of("html", "htm", "xhtml", "shtml", "js", "mjs", "php", "jsp");
    private static final Pattern TEMPLATE = Pattern.compile("(?i)(^|[^a-z])templates?([^a-z]|$)");

    private FileRules() {
    }

    /**
     * Decides what a file is from its path relative to the content folder.
     *
     * @param path the content-relative path with '/' separators
     */
    static Decision decide(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        String lower = name.toLowerCase(Locale.ROOT);
        if (name.startsWith(".")) {
            return skip("hidden file");
        }
        if (lower.endsWith("~") || lower.endsWith(".bak") || lower.endsWith(".swp") || lower.endsWith(".tmp")) {
            return skip("editor backup file");
        }
        if (lower.equals(SiteConfigLoader.FILE) || lower.equals("site.yaml")) {
            return settings(path);
        }
        String base = lower.contains(".") ? lower.substring(0, lower.indexOf('.')) : lower;
        if (REPOSITORY.contains(base)) {
            return skip("not a postmortem: repository file");
        }
        String ext = extension(name).orElse("");
        String stem = ext.isEmpty() ? name : name.substring(0, name.length() - ext.length() - 1);
        if (MARKDOWN.contains(ext) || ext.isEmpty()) {
            if (TEMPLATE.matcher(stem).find() || inTemplateFolder(path)) {
                return skip("template: not a postmortem (its name says template)");
            }
            return new Decision(ext.isEmpty() ? Kind.SNIFF : Kind.MARKDOWN, "", "");
        }
        if (TEXT_FORMATS.contains(ext)) {
            return skip("not Markdown: ." + ext + " files are not read; convert it to Markdown to publish it");
        }
        if (ACTIVE.contains(ext)) {
            return skip("not published: ." + ext + " files could run script on the site");
        }
        return new Decision(Kind.RESOURCE, "", "");
    }

    /**
     * Decides a settings file: the one the site reads ({@link SiteConfigLoader#FILE} at the top) is configuration;
     * another (in a subfolder, or named {@code site.yaml}) is not read, and publishing it could expose settings, so it
     * is skipped with a warning that says where the settings go.
     */
    private static Decision settings(String path) {
        if (path.equals(SiteConfigLoader.FILE)) {
            return skip("site settings: read as configuration");
        }
        String fix = path.contains("/") ? "move its settings there, or delete it" : "rename it to " + SiteConfigLoader.FILE;
        return new Decision(Kind.SKIP, "site settings are read only from " + SiteConfigLoader.FILE + " at the top of the "
                + "content folder: this file is not read and not published; " + fix, SETTINGS_RULE);
    }

    /** Returns the lower-case extension after the last '.', if the name has one that looks like an extension. */
    static Optional<String> extension(String name) {
        int dot = name.lastIndexOf('.');
        if (dot <= 0 || dot == name.length() - 1) {
            return Optional.empty();
        }
        String ext = name.substring(dot + 1).toLowerCase(Locale.ROOT);
        // "PM2022-009 - Bad AWS EKS AMI v1.2 fix" has a dot but no extension: extensions are short and have no spaces.
        if (ext.length() > 10 || !ext.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '_' || c == '-')) {
            return Optional.empty();
        }
        return Optional.of(ext);
    }

    /** Returns the file name without a Markdown extension. */
    static String stem(String name) {
        Optional<String> ext = extension(name);
        return ext.isPresent() && MARKDOWN.contains(ext.get()) ? name.substring(0, name.length() - ext.get().length() - 1) : name;
    }

    /** Returns true for a Markdown file name extension. */
    static boolean isMarkdownName(String name) {
        return extension(name).map(MARKDOWN::contains).orElse(false);
    }

    private static boolean inTemplateFolder(String path) {
        String[] parts = path.toLowerCase(Locale.ROOT).split("/");
        for (int i = 0; i < parts.length - 1; i++) {
            if (parts[i].equals("templates") || parts[i].equals("_templates") || parts[i].equals("archetypes")) {
                return true;
            }
        }
        return false;
    }

    private static Decision skip(String reason) {
        return new Decision(Kind.SKIP, reason, "");
    }
}
