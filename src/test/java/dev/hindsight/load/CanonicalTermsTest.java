package dev.hindsight.load;

import dev.hindsight.model.Term;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** How a written value finds its vocabulary id ({@link FrontMatterReader#canonical}). */
class CanonicalTermsTest {
    private static Term term(String id, String label) {
        return new Term(id, label, "", Optional.empty());
    }

    private static final List<Term> SEVERITIES = List.of(term("SEV1", "Critical"), term("SEV2", "Major"));
    private static final List<Term> SERVICES = List.of(term("checkout-api", "Checkout API"), term("orders-db", "orders-db"),
            term("orders_db2", "Orders DB 2"));

    @Test
    void aValueMatchesAnIdOrLabelInAnyCaseAndThenWithoutSpacesOrMarks() {
        assertThat(FrontMatterReader.canonical(SEVERITIES, "sev1")).isEqualTo("SEV1");
        assertThat(FrontMatterReader.canonical(SEVERITIES, "critical")).isEqualTo("SEV1");
        assertThat(FrontMatterReader.canonical(SEVERITIES, "Sev 1")).isEqualTo("SEV1");
        assertThat(FrontMatterReader.canonical(SEVERITIES, "SEV-2")).isEqualTo("SEV2");
        assertThat(FrontMatterReader.canonical(SERVICES, "Checkout-API")).isEqualTo("checkout-api");
        assertThat(FrontMatterReader.canonical(SERVICES, "orders db")).isEqualTo("orders-db");
    }

    @Test
    void aValueThatMatchesNoneOrSeveralLooselyIsKeptAsWritten() {
        assertThat(FrontMatterReader.canonical(SEVERITIES, "Sev 3")).isEqualTo("Sev 3");
        List<Term> twins = List.of(term("orders-db", "orders-db"), term("ordersdb", "ordersdb"));
        assertThat(FrontMatterReader.canonical(twins, "Orders DB")).isEqualTo("Orders DB");
        assertThat(FrontMatterReader.canonical(SEVERITIES, "—")).isEqualTo("—");
    }
}
