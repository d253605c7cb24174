package dev.hindsight.report;

import org.junit.jupiter.api.Test;
import java.nio.file.*;

class TmpPreviewTest {
    @Test
    void dump() throws Exception {
        MemoryWriter w = new MemoryWriter();
        ReportPagesTest.build(w);
        Path dir = Path.of("/tmp/report-preview");
        for (var e : w.files.entrySet()) {
            Path p = dir.resolve(e.getKey());
            Files.createDirectories(p.getParent());
            Files.write(p, e.getValue());
        }
    }
}
