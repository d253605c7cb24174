package dev.hindsight.report;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The files beside a report page: every table as CSV and JSON (with every row, {@link DownloadTable}), the whole
 * report as {@code report.md}, and its print header.
 *
 * <p>They are made from the report alone, so a build keeps them in its cache as one entry under the digest of the
 * report ({@link ReportBuilder#withCache}); a later build whose report for that year is the same writes them from
 * there, rather than making some sixty files again.
 */
final class Downloads {
    /** More files than a report could have: a longer count is a damaged entry. */
    private static final int MAX_FILES = 10_000;

    private Downloads() {
    }

    /** Returns a report's downloads by file name, in a fixed order. */
    static Map<String, byte[]> of(Report report) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (Table shown : report.tables()) {
            Table t = DownloadTable.of(report, shown);
            files.put(t.id() + ".csv", utf8(CsvTable.of(t)));
            files.put(t.id() + ".json", utf8(ReportJson.table(report, t)));
        }
        files.put("report.md", utf8(MarkdownReport.of(report)));
        files.put(PrintHeader.FILE, utf8(PrintHeader.css(report)));
        return Collections.unmodifiableMap(files);
    }

    /** Returns the files as one cache entry: their count, then each name and content, length first. */
    static byte[] encode(Map<String, byte[]> files) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(files.size());
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                byte[] name = utf8(f.getKey());
                out.writeInt(name.length);
                out.write(name);
                out.writeInt(f.getValue().length);
                out.write(f.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory failed", e);
        }
        return bytes.toByteArray();
    }

    /**
     * Returns the files of a cache entry, or empty when its lengths do not add up. The cache checks an entry's
     * SHA-256 before handing it over, so that would take an entry written by another layout under the same key.
     */
    static Optional<Map<String, byte[]>> decode(byte[] entry) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(entry))) {
            int count = in.readInt();
            if (count < 0 || count > MAX_FILES) {
                return Optional.empty();
            }
            for (int i = 0; i < count; i++) {
                String name = new String(read(in), StandardCharsets.UTF_8);
                files.put(name, read(in));
            }
            return in.available() == 0 ? Optional.of(Collections.unmodifiableMap(files)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static byte[] read(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > in.available()) {
            throw new IOException("a length of " + n + " runs past the entry");
        }
        return in.readNBytes(n);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
