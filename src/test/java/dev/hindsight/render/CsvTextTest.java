package dev.hindsight.render;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** CSV per RFC 4180 (CRLF, quoting, doubled quotes) with the formula guard on text fields. */
class CsvTextTest {

    @Test
    void recordsEndWithCrlfAndPlainFieldsAreNotQuoted() {
        assertThat(new CsvText().row(List.of("Team", "Due")).row(List.of("payments", "2025-02-01")).text())
                .isEqualTo("Team,Due\r\npayments,2025-02-01\r\n");
    }

    @Test
    void fieldsWithCommasQuotesAndLineBreaksAreQuotedWithQuotesDoubled() {
        String csv = new CsvText().row(List.of("a, b", "say \"hi\"", "one\ntwo", "cr\rlf", "plain")).text();
        assertThat(csv).isEqualTo("\"a, b\",\"say \"\"hi\"\"\",\"one\ntwo\",\"cr\rlf\",plain\r\n");
    }

    @Test
    void textThatASpreadsheetWouldRunAsAFormulaGetsAnApostrophe() {
        String csv = new CsvText().row(List.of("=SUM(A1:A9)", "+1", "-rf", "@me", "\tx", "\ry", "a=b", "'q")).text();
        assertThat(csv).isEqualTo("'=SUM(A1:A9),'+1,'-rf,'@me,'\tx,\"'\ry\",a=b,'q\r\n");
        assertThat(CsvText.guard("")).isEmpty();
        assertThat(CsvText.guard("=\"x\"")).isEqualTo("'=\"x\"");
    }

    @Test
    void rawFieldsSuchAsNegativeNumbersAreNotGuarded() {
        String csv = new CsvText().raw(List.of("-2", "0.3333", CsvText.guard("-rf"))).text();
        assertThat(csv).isEqualTo("-2,0.3333,'-rf\r\n");
    }

    @Test
    void commonsCsvAlsoQuotesLeadingAndTrailingSpacesAndAnEmptyFirstField() {
        assertThat(new CsvText().row(List.of(" a", "b ", "#c", "", "d")).row(List.of("", "x")).text())
                .isEqualTo("\" a\",\"b \",\"#c\",,d\r\n\"\",x\r\n");
    }

    @Test
    void anEmptyTextIsEmpty() {
        assertThat(new CsvText().text()).isEmpty();
    }

    @Property(tries = 300)
    void everyRowReadsBackAsItsGuardedFields(@ForAll @Size(min = 1, max = 6) List<@StringLength(max = 12) String> fields)
            throws IOException {
        String csv = new CsvText().row(fields).row(List.of("end")).text();
        assertThat(csv).endsWith("\r\nend\r\n");
        List<CSVRecord> records = CSVFormat.RFC4180.parse(new StringReader(csv)).getRecords();
        assertThat(records).hasSize(2);
        assertThat(records.get(0).toList()).isEqualTo(fields.stream().map(CsvText::guard).toList());
    }
}
