package dev.hindsight.report;

import dev.hindsight.model.Gzip;
import dev.hindsight.model.RecordCodec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The files beside a report page: every table as CSV and gzip-compressed JSON (with every row,
 * {@link DownloadTable}), the whole report as {@code report.md}, and its print header.
 *
 * <p>They are made from the report alone, so a build keeps them in its cache as one entry under the digest of the
 * report ({@link ReportBuilder#withCache}); a later build whose report for that year is the same writes them from
 * there, rather than making some sixty files again.
 */
final class Downloads {
    private Downloads() {
    }

    /** Returns a report's downloads by file name, in a fixed order. */
    static Map<String, byte[]> of(Report report) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (Table shown : report.tables()) {
            Table t = DownloadTable.of(report, shown);
            files.put(t.csvFile(), utf8(CsvTable.of(t)));
            files.put(t.jsonFile(), json(report, t));
        }
        files.put("report.md", utf8(MarkdownReport.of(report)));
        files.put(PrintHeader.FILE, utf8(PrintHeader.css(report)));
        return Collections.unmodifiableMap(files);
    }

    /** Returns a table's JSON download, {@link Table#jsonFile()}: its JSON, gzip-compressed. */
    static byte[] json(Report report, Table t) {
        return Gzip.compress(utf8(ReportJson.table(report, t)), Gzip.DEFAULT);
    }

    /** Returns the files as one cache entry. */
    static byte[] encode(Map<String, byte[]> files) {
        return RecordCodec.encode(new Entry(files.entrySet().stream().map(f -> new File(f.getKey(), f.getValue())).toList()));
    }

    /** Returns the files of a cache entry, or empty when it does not read back as one. */
    static Optional<Map<String, byte[]>> decode(byte[] entry) {
        try {
            Map<String, byte[]> files = new LinkedHashMap<>();
            RecordCodec.decode(entry, Entry.class).files().forEach(f -> files.put(f.name(), f.bytes()));
            return Optional.of(Collections.unmodifiableMap(files));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** A cache entry: the files in the order written. */
    private record Entry(List<File> files) {
    }

    private record File(String name, byte[] bytes) {
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
