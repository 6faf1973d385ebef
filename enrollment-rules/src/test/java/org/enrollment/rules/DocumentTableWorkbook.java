package org.enrollment.rules;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Makes the shipped document table {@code eligibility-documents.drl.xlsx} (审核材料表) from its CSV twin in the
 * test resources, with Apache POI: Chinese headings, the X cells of the household rows the only cells left
 * unlocked, every other row locked (the sheet is protected without a password), the note row saying what to
 * change. Run {@link #main} after editing the CSV twin; {@code DocumentTableTest} checks the two agree.
 */
final class DocumentTableWorkbook {

    /** The CSV twin, in the test resources. */
    static final String CSV = "org/enrollment/rules/eligibility-documents.drl.csv";
    /** The first column of the document cells (E). */
    static final int FIRST_DOCUMENT = 4;

    private DocumentTableWorkbook() {
    }

    /** Writes the workbook to {@code args[0]}, e.g. {@code src/main/resources/org/enrollment/rules/policies/eligibility-documents.drl.xlsx}. */
    public static void main(String[] args) throws IOException {
        Files.write(Path.of(args[0]), workbook());
    }

    /** The workbook made from the CSV twin. */
    static byte[] workbook() throws IOException {
        List<List<String>> rows = rows(new String(RuleSource.resource(CSV), StandardCharsets.UTF_8));
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XSSFSheet sheet = book.createSheet("审核材料 Documents");
            CellStyle locked = book.createCellStyle();
            locked.setWrapText(true);
            CellStyle heading = book.createCellStyle();
            Font bold = book.createFont();
            bold.setBold(true);
            heading.setFont(bold);
            heading.setWrapText(true);
            heading.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            heading.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            CellStyle open = book.createCellStyle();
            open.setLocked(false);
            open.setAlignment(HorizontalAlignment.CENTER);
            open.setFillForegroundColor(IndexedColors.LIGHT_YELLOW.getIndex());
            open.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            int headings = headingsRow(rows);
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r);
                List<String> cells = rows.get(r);
                int width = r > headings ? rows.get(headings).size() : cells.size();
                for (int c = 0; c < width; c++) {
                    String value = c < cells.size() ? cells.get(c) : "";
                    var cell = row.createCell(c);
                    if (!value.isEmpty()) {
                        cell.setCellValue(value);
                    }
                    cell.setCellStyle(r > headings && c >= FIRST_DOCUMENT ? open : r == headings ? heading : locked);
                }
            }
            for (int c = 0; c < rows.get(headings).size(); c++) {
                sheet.setColumnWidth(c, (c < FIRST_DOCUMENT ? 30 : 16) * 256);
            }
            sheet.createFreezePane(FIRST_DOCUMENT, headings + 1);
            sheet.protectSheet("");
            book.write(out);
            return out.toByteArray();
        }
    }

    /** The cells of a workbook's first sheet, row by row, as text (a blank cell as {@code ""}). */
    static List<List<String>> cells(byte[] workbook) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(workbook))) {
            DataFormatter text = new DataFormatter();
            for (Row row : book.getSheetAt(0)) {
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < row.getLastCellNum(); c++) {
                    cells.add(row.getCell(c) == null ? "" : text.formatCellValue(row.getCell(c)));
                }
                rows.add(cells);
            }
        }
        return rows;
    }

    /** Puts the CSV twin in the folder in place of the workbook, for tests that edit the table as text. */
    static void useTheCsvTable(Path folder) throws IOException {
        Files.delete(folder.resolve("eligibility-documents.drl.xlsx"));
        Files.write(folder.resolve("eligibility-documents.drl.csv"), RuleSource.resource(CSV));
    }

    /** The row of the Chinese headings: the one above the first household row. */
    static int headingsRow(List<List<String>> rows) {
        for (int r = 0; r < rows.size(); r++) {
            if (!rows.get(r).isEmpty() && rows.get(r).get(0).startsWith("Rule ")) {
                return r;
            }
        }
        throw new IllegalStateException("The document table has no headings row (one starting 'Rule 规则').");
    }

    /** The cells of a CSV text whose every field is quoted, as the twin is written. */
    static List<List<String>> rows(String csv) {
        List<List<String>> rows = new ArrayList<>();
        for (String line : csv.split("\r?\n")) {
            if (line.isBlank()) {
                continue;
            }
            List<String> cells = new ArrayList<>();
            StringBuilder cell = new StringBuilder();
            boolean quoted = false;
            for (int i = 0; i < line.length(); i++) {
                char ch = line.charAt(i);
                if (ch == '"' && quoted && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = !quoted;
                } else if (ch == ',' && !quoted) {
                    cells.add(cell.toString());
                    cell.setLength(0);
                } else {
                    cell.append(ch);
                }
            }
            cells.add(cell.toString());
            rows.add(cells);
        }
        return rows;
    }
}
