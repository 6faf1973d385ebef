package org.enrollment.examples;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The document table of a rule folder ({@code eligibility-documents.drl.xlsx}) edited with Apache POI, as a
 * policy officer's spreadsheet saves it: an X put in or taken out of a household's row.
 */
final class DocumentTable {

    /** The file name of the table. */
    static final String FILE = "eligibility-documents.drl.xlsx";
    /** The row of 京籍 children. */
    static final String BEIJING = "Documents for 京籍 children";
    /** The row of 非京籍 children. */
    static final String NON_BEIJING = "Documents for 非京籍 children";

    private DocumentTable() {
    }

    /** Marks (or clears) the document's cell in the household's row; the column as headed, e.g. {@code BIRTH}. */
    static void ask(Path folder, String household, String document, boolean asked) throws IOException {
        Path table = folder.resolve(FILE);
        Path edited = folder.resolve(FILE + ".saving");
        try (InputStream in = Files.newInputStream(table); XSSFWorkbook book = new XSSFWorkbook(in)) {
            Row headings = null;
            Row row = null;
            for (Row r : book.getSheetAt(0)) {
                String first = r.getCell(0) == null ? "" : r.getCell(0).toString();
                headings = first.startsWith("Rule ") ? r : headings;
                row = first.equals(household) ? r : row;
            }
            if (headings == null || row == null) {
                throw new IllegalStateException("The table has no headings or no row '" + household + "'.");
            }
            for (Cell h : headings) {
                if (h.toString().startsWith(document + " ")) {
                    Cell cell = row.getCell(h.getColumnIndex(), Row.MissingCellPolicy.CREATE_NULL_AS_BLANK);
                    if (asked) {
                        cell.setCellValue("X");
                    } else {
                        cell.setBlank();
                    }
                }
            }
            try (OutputStream out = Files.newOutputStream(edited)) {
                book.write(out);
            }
        }
        Files.move(edited, table, StandardCopyOption.REPLACE_EXISTING);
    }
}
