package org.enrollment.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Preparing a rule file: a decision table found as it was (the same name and bytes) is not read again, and a
 * table changed by one cell, or the same bytes under another name, is.
 */
class PreparedRuleFileTest {

    private static final String WORKBOOK = "eligibility-documents.drl.xlsx";
    private static final String CSV = "eligibility-documents.drl.csv";

    @Test
    void theSameWorkbookIsExpandedOnce() {
        byte[] shipped = RuleSource.resource(RuleSource.SHIPPED_FOLDER + WORKBOOK);
        PreparedRuleFile first = PreparedRuleFile.of(new RuleFile(WORKBOOK, shipped));
        PreparedRuleFile again = PreparedRuleFile.of(new RuleFile(WORKBOOK, shipped.clone()));

        assertThat(again.drl()).isSameAs(first.drl()).contains("rule \"Documents for 京籍 children\"");
    }

    @Test
    void aTableChangedByOneCellIsExpandedAgain() {
        String csv = new String(RuleSource.resource(DocumentTableWorkbook.CSV), StandardCharsets.UTF_8);
        String edited = csv.replace("\"Documents for 京籍 children\"", "\"Documents for Beijing children\"");
        PreparedRuleFile before = PreparedRuleFile.of(new RuleFile(CSV, csv.getBytes(StandardCharsets.UTF_8)));
        PreparedRuleFile after = PreparedRuleFile.of(new RuleFile(CSV, edited.getBytes(StandardCharsets.UTF_8)));

        assertThat(edited).isNotEqualTo(csv);
        assertThat(before.drl()).contains("rule \"Documents for 京籍 children\"");
        assertThat(after.drl()).contains("rule \"Documents for Beijing children\"").doesNotContain("\"Documents for 京籍 children\"");
    }

    @Test
    void theSameBytesUnderAnotherNameAreTheirOwnFile() {
        byte[] csv = RuleSource.resource(DocumentTableWorkbook.CSV);
        PreparedRuleFile a = PreparedRuleFile.of(new RuleFile(CSV, csv));
        PreparedRuleFile b = PreparedRuleFile.of(new RuleFile("other-" + CSV, csv));

        assertThat(b.file().name()).isEqualTo("other-" + CSV);
        assertThat(b.compiledName()).isEqualTo("other-" + CSV + ".drl");
        assertThat(b.drl()).isEqualTo(a.drl()).isNotSameAs(a.drl());
    }
}
