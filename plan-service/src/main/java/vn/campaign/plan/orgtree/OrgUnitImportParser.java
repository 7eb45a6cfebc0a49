package vn.campaign.plan.orgtree;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import vn.campaign.foundation.orgtree.OrgUnitKind;
import vn.campaign.foundation.web.Problem;
import vn.campaign.foundation.web.ProblemException;
import vn.campaign.plan.orgtree.OrgUnitCommands.ImportRow;

import java.io.IOException;
import java.io.StringReader;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Reads a bulk import of the tree: CSV with the header {@code code,name,kind,parentCode,validFrom}
 * or JSON lines with the same fields. Every unreadable row is reported with its line number.
 */
public final class OrgUnitImportParser {

    public static final int MAX_ROWS = 100_000;

    private OrgUnitImportParser() {
    }

    public static List<ImportRow> csv(String body) {
        List<ImportRow> rows = new ArrayList<>();
        List<Problem.FieldError> errors = new ArrayList<>();
        String text = body.startsWith("\uFEFF") ? body.substring(1) : body; // Excel writes a BOM
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true).setTrim(true).get();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            List<String> header = parser.getHeaderNames();
            if (!header.containsAll(List.of("code", "name", "kind"))) {
                throw ProblemException.invalid("header", "the first line must name the columns code,name,kind[,parentCode,validFrom]; got " + header);
            }
            for (CSVRecord record : parser) {
                if (rows.size() >= MAX_ROWS) {
                    throw ProblemException.invalid("body", "at most " + MAX_ROWS + " rows per import");
                }
                int line = (int) record.getRecordNumber() + 1;
                rows.add(row(line, value(record, "code"), value(record, "name"), value(record, "kind"),
                        value(record, "parentCode"), value(record, "validFrom"), errors));
            }
        } catch (IOException | java.io.UncheckedIOException | IllegalStateException | IllegalArgumentException e) {
            throw ProblemException.invalid("body", "not readable as CSV: " + e.getMessage());
        }
        return checked(rows, errors);
    }

    public static List<ImportRow> jsonLines(String body, ObjectMapper json) {
        List<ImportRow> rows = new ArrayList<>();
        List<Problem.FieldError> errors = new ArrayList<>();
        String[] lines = body.split("\r?\n", -1);
        if (lines.length > MAX_ROWS + 1) {
            throw ProblemException.invalid("body", "at most " + MAX_ROWS + " rows per import");
        }
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].trim();
            if (line.isEmpty()) {
                continue;
            }
            JsonNode node;
            try {
                node = json.readTree(line);
            } catch (IOException e) {
                errors.add(new Problem.FieldError("line " + (i + 1), "not a JSON object"));
                continue;
            }
            if (node == null || !node.isObject()) {
                errors.add(new Problem.FieldError("line " + (i + 1), "not a JSON object"));
                continue;
            }
            rows.add(row(i + 1, text(node, "code"), text(node, "name"), text(node, "kind"),
                    text(node, "parentCode"), text(node, "validFrom"), errors));
        }
        return checked(rows, errors);
    }

    private static List<ImportRow> checked(List<ImportRow> rows, List<Problem.FieldError> errors) {
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        if (rows.isEmpty()) {
            throw ProblemException.invalid("body", "no rows to import");
        }
        return rows;
    }

    private static ImportRow row(int line, String code, String name, String kind, String parentCode, String validFrom,
                                 List<Problem.FieldError> errors) {
        OrgUnitKind parsedKind = null;
        if (kind != null) {
            try {
                parsedKind = OrgUnitKind.valueOf(kind.trim().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add(new Problem.FieldError("line " + line + ": kind", "unknown value '" + kind + "'; allowed: "
                        + String.join(", ", Arrays.stream(OrgUnitKind.values()).map(Enum::name).toList())));
            }
        }
        LocalDate parsedFrom = null;
        if (validFrom != null) {
            try {
                parsedFrom = LocalDate.parse(validFrom.trim());
            } catch (DateTimeParseException e) {
                errors.add(new Problem.FieldError("line " + line + ": validFrom", "not an ISO date (yyyy-MM-dd)"));
            }
        }
        return new ImportRow(line, code, name, parsedKind, parentCode, parsedFrom);
    }

    private static String value(CSVRecord record, String column) {
        if (!record.isMapped(column) || !record.isSet(column)) {
            return null;
        }
        String value = record.get(column);
        return value == null || value.isBlank() ? null : value;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() || value.asText().isBlank() ? null : value.asText();
    }

}
