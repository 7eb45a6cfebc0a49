package vn.campaign.commitment.roster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import vn.campaign.commitment.Texts;
import vn.campaign.commitment.roster.MemberCommands.ImportRow;
import vn.campaign.foundation.plans.ExemptionCategory;
import vn.campaign.foundation.plans.MemberCategory;
import vn.campaign.foundation.web.Problem;
import vn.campaign.foundation.web.ProblemException;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Reads a bulk import of the roster: CSV with the header
 * {@code externalRef,fullName,unitId|unitCode,category,leader,positionTitle,exemption,exemptionReason}
 * or JSON lines with the same fields. Every unreadable row is reported with its line number.
 */
public final class MemberImportParser {

    public static final int MAX_ROWS = 100_000;
    public static final List<String> COLUMNS = List.of("externalRef", "fullName", "unitId", "unitCode", "category", "leader",
            "positionTitle", "exemption", "exemptionReason");

    private MemberImportParser() {
    }

    public static List<ImportRow> csv(String body) {
        List<ImportRow> rows = new ArrayList<>();
        List<Problem.FieldError> errors = new ArrayList<>();
        String text = body.startsWith("\uFEFF") ? body.substring(1) : body; // Excel writes a BOM
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true).setTrim(true).get();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            List<String> header = parser.getHeaderNames();
            if (!header.containsAll(List.of("externalRef", "fullName", "category"))
                    || !(header.contains("unitId") || header.contains("unitCode"))) {
                throw ProblemException.invalid("header", "the first line must name the columns "
                        + "externalRef,fullName,unitId or unitCode,category[,leader,positionTitle,exemption,exemptionReason]; got " + header);
            }
            List<String> unknown = header.stream().filter(h -> !COLUMNS.contains(h)).toList();
            if (!unknown.isEmpty()) {
                // the roster keeps only the fields SPEC allows; say so rather than silently drop data
                throw ProblemException.invalid("header", "unknown columns " + unknown + "; the roster keeps only " + COLUMNS);
            }
            for (CSVRecord record : parser) {
                if (rows.size() >= MAX_ROWS) {
                    throw ProblemException.invalid("body", "at most " + MAX_ROWS + " rows per import");
                }
                int line = (int) record.getRecordNumber() + 1;
                rows.add(row(line, field -> value(record, field), errors));
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
                node = null;
            }
            if (node == null || !node.isObject()) {
                errors.add(new Problem.FieldError("line " + (i + 1), "not a JSON object"));
                continue;
            }
            List<String> unknown = new ArrayList<>();
            node.fieldNames().forEachRemaining(name -> {
                if (!COLUMNS.contains(name)) {
                    unknown.add(name);
                }
            });
            if (!unknown.isEmpty()) {
                errors.add(new Problem.FieldError("line " + (i + 1), "unknown fields " + unknown + "; the roster keeps only " + COLUMNS));
                continue;
            }
            JsonNode object = node;
            rows.add(row(i + 1, field -> text(object, field), errors));
        }
        return checked(rows, errors);
    }

    /** Well-formed rows or a 400 naming every bad one: each row's fields, then external references repeated. */
    private static List<ImportRow> checked(List<ImportRow> rows, List<Problem.FieldError> errors) {
        Map<String, ImportRow> byRef = new HashMap<>();
        for (ImportRow row : rows) {
            validate(row, errors);
            if (row.externalRef() != null && byRef.putIfAbsent(row.externalRef().trim(), row) != null) {
                errors.add(new Problem.FieldError("line " + row.line() + ": externalRef",
                        "repeats the external reference of line " + byRef.get(row.externalRef().trim()).line()));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        if (rows.isEmpty()) {
            throw ProblemException.invalid("body", "no rows to import");
        }
        return rows;
    }

    private static ImportRow row(int line, java.util.function.Function<String, String> field, List<Problem.FieldError> errors) {
        String at = "line " + line + ": ";
        UUID unitId = null;
        String unitIdText = field.apply("unitId");
        if (unitIdText != null) {
            try {
                unitId = UUID.fromString(unitIdText.trim());
            } catch (IllegalArgumentException e) {
                errors.add(new Problem.FieldError(at + "unitId", "not a UUID"));
            }
        }
        Boolean leader = null;
        String leaderText = field.apply("leader");
        if (leaderText != null) {
            switch (leaderText.trim().toLowerCase(Locale.ROOT)) {
                case "true", "yes", "1", "x" -> leader = true;
                case "false", "no", "0" -> leader = false;
                default -> errors.add(new Problem.FieldError(at + "leader", "expected true or false"));
            }
        }
        return new ImportRow(line, field.apply("externalRef"), field.apply("fullName"), unitId, field.apply("unitCode"),
                enumValue(MemberCategory.class, field.apply("category"), at + "category", errors), leader,
                field.apply("positionTitle"),
                enumValue(ExemptionCategory.class, field.apply("exemption"), at + "exemption", errors),
                field.apply("exemptionReason"));
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String value, String field, List<Problem.FieldError> errors) {
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(new Problem.FieldError(field, "unknown value '" + value + "'; allowed: "
                    + String.join(", ", Arrays.stream(type.getEnumConstants()).map(Enum::name).toList())));
            return null;
        }
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

    private static void validate(ImportRow row, List<Problem.FieldError> errors) {
        String at = "line " + row.line() + ": ";
        if (row.externalRef() == null || !row.externalRef().trim().matches(MemberCommands.REF_PATTERN)) {
            errors.add(new Problem.FieldError(at + "externalRef", MemberCommands.REF_MESSAGE));
        }
        if (row.fullName() == null || row.fullName().isBlank() || row.fullName().length() > MemberCommands.MAX_NAME) {
            errors.add(new Problem.FieldError(at + "fullName", "must be 1-" + MemberCommands.MAX_NAME + " characters"));
        }
        if ((row.unitId() == null) == (row.unitCode() == null)) {
            errors.add(new Problem.FieldError(at + "unitId", "give exactly one of unitId and unitCode"));
        }
        if (row.category() == null) {
            errors.add(new Problem.FieldError(at + "category", "is required"));
        }
        if (row.positionTitle() != null && row.positionTitle().length() > MemberCommands.MAX_TITLE) {
            errors.add(new Problem.FieldError(at + "positionTitle", "at most " + MemberCommands.MAX_TITLE + " characters"));
        }
        if (row.exemptionReason() != null && row.exemptionReason().length() > MemberCommands.MAX_REASON) {
            errors.add(new Problem.FieldError(at + "exemptionReason", "at most " + MemberCommands.MAX_REASON + " characters"));
        }
        for (String[] text : new String[][]{{"externalRef", row.externalRef()}, {"fullName", row.fullName()},
                {"unitCode", row.unitCode()}, {"positionTitle", row.positionTitle()}}) {
            if (!Texts.isClean(text[1], false)) {
                errors.add(new Problem.FieldError(at + text[0], "must not contain control characters"));
            }
        }
        if (!Texts.isClean(row.exemptionReason(), true)) {
            errors.add(new Problem.FieldError(at + "exemptionReason", "must not contain control characters"));
        }
        boolean hasReason = row.exemptionReason() != null && !row.exemptionReason().isBlank();
        if (row.exemption() != null && !hasReason) {
            errors.add(new Problem.FieldError(at + "exemptionReason", "is required with an exemption"));
        }
        if (row.exemption() == null && hasReason) {
            errors.add(new Problem.FieldError(at + "exemption", "is required with an exemption reason"));
        }
    }

    private static int lineOf(Problem.FieldError error) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("line (\\d+)").matcher(error.field());
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }
}
