package vn.campaign.reporting.export;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A table (a header row, then one row per unit) as CSV or XLSX, the way officials open it in
 * Excel: CSV in UTF-8 with a byte-order mark so Vietnamese shows right, XLSX with numbers as numbers.
 */
public final class TableExport {

    public static final String CSV = "text/csv; charset=UTF-8";
    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private TableExport() {
    }

    /** The format a request asks for: csv (the default) or xlsx; 400 otherwise. */
    public static String format(String requested) {
        String kind = requested == null || requested.isBlank() ? "csv" : requested.trim().toLowerCase(java.util.Locale.ROOT);
        if (!kind.equals("csv") && !kind.equals("xlsx")) {
            throw vn.campaign.foundation.web.ProblemException.invalid("format", "csv or xlsx");
        }
        return kind;
    }

    /** The table as a download named {@code baseName.csv} or {@code baseName.xlsx}. */
    public static jakarta.ws.rs.core.Response response(String format, String baseName, String sheetName, List<String> header,
                                                       List<List<Object>> rows) {
        boolean csv = format.equals("csv");
        byte[] body = csv ? csv(header, rows) : xlsx(sheetName, header, rows);
        return jakarta.ws.rs.core.Response.ok(body, csv ? CSV : XLSX)
                .header("Content-Disposition", "attachment; filename=\"" + baseName + "." + format + "\"").build();
    }

    public static byte[] csv(List<String> header, List<List<Object>> rows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStreamWriter writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
             CSVPrinter printer = new CSVPrinter(writer, CSVFormat.DEFAULT)) {
            writer.write('\uFEFF');
            printer.printRecord(header);
            for (List<Object> row : rows) {
                printer.printRecord(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public static byte[] xlsx(String sheetName, List<String> header, List<List<Object>> rows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Workbook workbook = new Workbook(out, "campaign-reporting", "1.0")) {
            Worksheet sheet = workbook.newWorksheet(sheetName);
            for (int c = 0; c < header.size(); c++) {
                sheet.value(0, c, header.get(c));
                sheet.style(0, c).bold().set();
            }
            for (int r = 0; r < rows.size(); r++) {
                List<Object> row = rows.get(r);
                for (int c = 0; c < row.size(); c++) {
                    Object value = row.get(c);
                    if (value instanceof Number number) {
                        sheet.value(r + 1, c, number);
                    } else if (value != null) {
                        sheet.value(r + 1, c, value.toString());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
