package dev.hindsight.model;

/**
 * How one file under the content folder was handled, so that every file is accounted for.
 *
 * @param path    the file, relative to the content folder
 * @param outcome what happened to it
 * @param reason  why, for skipped and failed files and for Markdown kept as a bundle's file (else empty)
 */
public record SourceFile(String path, Outcome outcome, String reason) {
    /** Why a draft is left out of a build without drafts. */
    public static final String DRAFT = "draft: build with --drafts";

    /** What happened to a file. */
    public enum Outcome {
        /** Became a page with no warnings. */
        RENDERED,
        /** Became a page, with warnings. */
        RENDERED_WITH_WARNINGS,
        /** Copied as a resource of a bundle or as a static file. */
        RESOURCE,
        /** Left out by a rule (draft, template, ignored pattern, site.yml). */
        SKIPPED,
        /** Could not become a page; the reason says why. */
        FAILED
    }

    public SourceFile {
        Validate.notNull(path, "path");
        Validate.notNull(outcome, "outcome");
        Validate.notNull(reason, "reason");
    }
}
