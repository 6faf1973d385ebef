package org.enrollment.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.enrollment.rules.Fixtures.DAY_SCHOOL;
import static org.enrollment.rules.Fixtures.HAIDIAN;
import static org.enrollment.rules.Fixtures.OLDER;
import static org.enrollment.rules.Fixtures.registration;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.enrollment.core.policy.PolicyQuestion;
import org.enrollment.core.registration.Document;
import org.enrollment.core.registration.Route;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The document table (审核材料表) as policy staff open it: shipped as a workbook made from its CSV twin, the
 * fixed rows locked; an edit saved by a spreadsheet takes effect; a CSV saved as GBK, a lock file, the same
 * table twice are each handled as the staff would need.
 */
class DocumentTableTest {

    private static final String WORKBOOK = "eligibility-documents.drl.xlsx";
    private static final String CSV = "eligibility-documents.drl.csv";

    @TempDir
    Path folder;

    /** A 京籍 child's pass with 户口簿 and 出生医学证明 but no proof of the home (房产或租赁证明). */
    private static PolicyQuestion passWithoutHome() {
        return Ask.verify(registration(OLDER, HAIDIAN, DAY_SCHOOL, Route.ONLINE), true, Document.HUKOU, Document.BIRTH).question();
    }

    @Test
    void theShippedWorkbookHoldsWhatItsCsvTwinHolds() throws IOException {
        List<List<String>> workbook = DocumentTableWorkbook.cells(RuleSource.resource(RuleSource.SHIPPED_FOLDER + WORKBOOK));
        List<List<String>> csv = DocumentTableWorkbook.rows(new String(RuleSource.resource(DocumentTableWorkbook.CSV), StandardCharsets.UTF_8));

        assertThat(workbook).hasSameSizeAs(csv);
        for (int r = 0; r < csv.size(); r++) {
            assertThat(trimmed(workbook.get(r))).as("row %d", r + 1).isEqualTo(trimmed(csv.get(r)));
        }
        assertThat(csv.get(DocumentTableWorkbook.headingsRow(csv))).anyMatch(h -> h.contains("户籍"));
    }

    @Test
    void onlyTheDocumentCellsOfTheHouseholdRowsAreOpenToEdit() throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(RuleSource.resource(RuleSource.SHIPPED_FOLDER + WORKBOOK)))) {
            XSSFSheet sheet = book.getSheetAt(0);
            int headings = DocumentTableWorkbook.headingsRow(DocumentTableWorkbook.cells(RuleSource.resource(RuleSource.SHIPPED_FOLDER + WORKBOOK)));

            assertThat(sheet.getProtect()).isTrue();
            for (Row row : sheet) {
                for (int c = 0; c < row.getLastCellNum(); c++) {
                    boolean open = row.getRowNum() > headings && c >= DocumentTableWorkbook.FIRST_DOCUMENT;
                    assertThat(row.getCell(c).getCellStyle().getLocked()).as("row %d column %d locked", row.getRowNum() + 1, c + 1).isEqualTo(!open);
                }
            }
        }
    }

    @Test
    void theWorkbookAndItsCsvTwinGiveTheSameRules() throws IOException {
        DroolsPolicyEngine.exportShippedRules(folder);
        DroolsPolicyEngine fromWorkbook = DroolsPolicyEngine.fromFolder(folder);
        DocumentTableWorkbook.useTheCsvTable(folder);
        DroolsPolicyEngine fromCsv = DroolsPolicyEngine.fromFolder(folder);

        assertThat(fromWorkbook.ruleNames()).isEqualTo(fromCsv.ruleNames()).isEqualTo(FiredRules.shipped().ruleNames());
        assertThat(fromWorkbook.judge(passWithoutHome()).refuses()).isTrue();
        assertThat(fromCsv.judge(passWithoutHome()).refuses()).isTrue();
    }

    @Test
    void anEditSavedByASpreadsheetTakesEffect() throws IOException {
        DroolsPolicyEngine.exportShippedRules(folder);
        Path table = folder.resolve(WORKBOOK);
        try (XSSFWorkbook book = new XSSFWorkbook(Files.newInputStream(table))) {
            Row beijing = rowNamed(book.getSheetAt(0), "Documents for 京籍 children");
            assertThat(beijing.getCell(6).getStringCellValue()).as("HOME is asked of 京籍 children").isEqualTo("X");
            beijing.getCell(6).setBlank();
            try (OutputStream out = Files.newOutputStream(folder.resolve("edited.tmp"))) {
                book.write(out);
            }
        }
        Files.move(folder.resolve("edited.tmp"), table, java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        DroolsPolicyEngine edited = DroolsPolicyEngine.fromFolder(folder);

        assertThat(edited.judge(passWithoutHome()).refuses()).isFalse();
    }

    @Test
    void aCsvSavedAsGbkIsRefusedSayingSoAndHowToFixIt() throws IOException {
        DroolsPolicyEngine.exportShippedRules(folder);
        DocumentTableWorkbook.useTheCsvTable(folder);
        Path csv = folder.resolve(CSV);
        Files.writeString(csv, Files.readString(csv, StandardCharsets.UTF_8), Charset.forName("GB18030"));

        assertThatThrownBy(() -> DroolsPolicyEngine.fromFolder(folder)).isInstanceOfSatisfying(RuleLoadException.class, e ->
                assertThat(e.problems()).singleElement().satisfies(p -> {
                    assertThat(p.file()).isEqualTo(CSV);
                    assertThat(p.message()).contains("not UTF-8", "GBK", "CSV UTF-8");
                }));
    }

    @Test
    void aSpreadsheetsLockFileIsIgnored() throws IOException {
        DroolsPolicyEngine.exportShippedRules(folder);
        Files.write(folder.resolve("~$" + WORKBOOK), new byte[] {7, 'W', 'P', 'S', 0, 0});

        assertThat(DroolsPolicyEngine.fromFolder(folder).ruleNames()).isEqualTo(FiredRules.shipped().ruleNames());
    }

    @Test
    void theSameTableAsCsvAndAsWorkbookIsRefusedNamingBoth() throws IOException {
        DroolsPolicyEngine.exportShippedRules(folder);
        Files.write(folder.resolve(CSV), RuleSource.resource(DocumentTableWorkbook.CSV));

        assertThatThrownBy(() -> DroolsPolicyEngine.fromFolder(folder)).isInstanceOfSatisfying(RuleLoadException.class, e ->
                assertThat(e.problems()).singleElement().satisfies(p ->
                        assertThat(p.message()).contains(CSV, WORKBOOK).doesNotContain("Duplicate rule name")));
    }

    private static Row rowNamed(XSSFSheet sheet, String name) {
        for (Row row : sheet) {
            if (row.getCell(0) != null && name.equals(row.getCell(0).getStringCellValue())) {
                return row;
            }
        }
        throw new AssertionError("No row " + name);
    }

    private static List<String> trimmed(List<String> cells) {
        int n = cells.size();
        while (n > 0 && cells.get(n - 1).isEmpty()) {
            n--;
        }
        return cells.subList(0, n);
    }
}
