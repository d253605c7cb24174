package dev.hindsight.index;

import dev.hindsight.model.Problem;
import dev.hindsight.model.Result;
import dev.hindsight.model.SiteWriter;
import dev.hindsight.model.Validate;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The index stage under way: the index is current and the similar-incident lists are made, and the search export
 * is still to write. Pages need the lists and not the export, so the preview makes the page being edited in between
 * (see {@link SearchIndexer#open}); closing it lets go of the index.
 */
public final class Indexing implements AutoCloseable {
    private final Result<SearchIndex> similar;
    /** The export still to write; none once written, so what it reads (the memos, the index) is let go. */
    private Optional<Function<SiteWriter, Result<SearchIndex>>> export;
    /** The index and the background thread; none once closed. */
    private List<Closeable> held;

    Indexing(Result<SearchIndex> similar, Function<SiteWriter, Result<SearchIndex>> export, List<Closeable> held) {
        this.similar = Validate.notNull(similar, "similar");
        this.export = Optional.of(Validate.notNull(export, "export"));
        this.held = List.copyOf(held);
    }

    /** An index stage that failed before its lists were made: the export writes nothing and adds no problem. */
    static Indexing failed(Result<SearchIndex> failure, List<Closeable> held) {
        return new Indexing(failure, out -> Result.of(failure.value()), held);
    }

    /**
     * Returns the similar lists (with the manifest's path the export writes), and the problems found opening the index.
     */
    public Result<SearchIndex> similar() {
        return similar;
    }

    /**
     * Writes the search export and returns the stage's outcome: the same lists, and the problems found from here on
     * (writing the export, storing and sweeping the cache). It is called once, and lets go of the index: the pages
     * and reports that follow need only the lists.
     */
    public Result<SearchIndex> export(SiteWriter out) {
        Validate.notNull(out, "out");
        Validate.isTrue(export.isPresent(), "the export is written once");
        Function<SiteWriter, Result<SearchIndex>> write = export.get();
        export = Optional.empty();
        try {
            return write.apply(out);
        } finally {
            close();
        }
    }

    /** Returns the stage's whole outcome in one step: the lists, the export written, and every problem. */
    Result<SearchIndex> exportAll(SiteWriter out) {
        Result<SearchIndex> written = export(out);
        return new Result<>(written.value(), similar.problemsWith(written.problems()));
    }

    /** Closes the index and stops the stage's background work, if the export has not done so. */
    @Override
    public void close() {
        IOException first = null;
        List<Closeable> open = held;
        held = List.of();
        for (Closeable c : open) {
            try {
                c.close();
            } catch (IOException e) {
                first = first == null ? e : first;
            }
        }
        if (first != null) {
            throw new UncheckedIOException(first);
        }
    }

    /** A problem for a failure of the index stage, naming the cache folder the index lives in. */
    static Problem problem(java.util.Optional<java.nio.file.Path> cacheDir, Exception e) {
        return Problem.error("", 0, "search-index", "could not build the search index"
                + cacheDir.map(d -> " in " + d).orElse("") + ": " + e.getMessage());
    }
}
