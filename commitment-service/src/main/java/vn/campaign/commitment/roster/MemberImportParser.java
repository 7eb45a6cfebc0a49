package vn.campaign.commitment.roster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import vn.campaign.foundation.text.Texts;
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
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Reads a bulk import of the roster: CSV with the header
 * {@code externalRef,fullName,unitId|unitCode,category,leader,positionTitle,exemption,exemptionReason}
 * or JSON lines with the same fields. Every unreadable row is reported with its line number.
 * <p>
 * The optional columns ({@code leader}, {@code positionTitle}, {@code exemption} with
 * {@code exemptionReason}) are told apart by presence: a column (or JSON field) that is there but
 * blank (or null) clears the field; one that is not there at all, or a CSV line that ends before
 * it, keeps the member's current value (the default for a new member), so a file with only the
 * required columns never wipes leader flags or exemptions. {@code exemption} and
 * {@code exemptionReason} come together or not at all.
 */
public final class MemberImportParser {

    /**
     * Rows per import: one import is one transaction (with its own timeout, see
     * {@link MemberService#importRows}); a province's roster goes in parts.
     */
    public static final int MAX_ROWS = 20_000;
    static final String TOO_MANY_ROWS = "the import has more than " + MAX_ROWS + " rows; split the file into parts of at most "
            + MAX_ROWS + " rows and import them one after another (each part is applied on its own, all or nothing)";
    public static final List<String> COLUMNS = List.of("externalRef", "fullName", "unitId", "unitCode", "category", "leader",
            "positionTitle", "exemption", "exemptionReason");

    private static final String EXEMPTION_PAIR = "give exemption and exemptionReason together (both blank to lift an exemption), "
            + "or leave both out to keep the member's current exemption";

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
            if (header.contains(ImportRow.EXEMPTION) != header.contains(ImportRow.EXEMPTION_REASON)) {
                throw ProblemException.invalid("header", EXEMPTION_PAIR);
            }
            for (CSVRecord record : parser) {
                if (rows.size() >= MAX_ROWS) {
                    throw ProblemException.invalid("body", TOO_MANY_ROWS);
                }
                int line = (int) record.getRecordNumber() + 1;
                rows.add(row(line, field -> value(record, field), field -> record.isMapped(field) && record.isSet(field), errors));
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
        if (Arrays.stream(lines).filter(l -> !l.isBlank()).count() > MAX_ROWS) {
            throw ProblemException.invalid("body", TOO_MANY_ROWS);
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
            rows.add(row(i + 1, field -> text(object, field), object::has, errors));
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

    /** {@code field}: the value, blank as null; {@code present}: whether the row carries the column at all. */
    private static ImportRow row(int line, java.util.function.Function<String, String> field, Predicate<String> present,
                                 List<Problem.FieldError> errors) {
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
                field.apply("exemptionReason"),
                ImportRow.OPTIONAL.stream().filter(present).collect(Collectors.toSet()));
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
        if (row.has(ImportRow.EXEMPTION) != row.has(ImportRow.EXEMPTION_REASON)) {
            errors.add(new Problem.FieldError(at + (row.has(ImportRow.EXEMPTION) ? "exemptionReason" : "exemption"), EXEMPTION_PAIR));
        } else if (row.exemption() != null && !hasReason) {
            errors.add(new Problem.FieldError(at + "exemptionReason", "is required with an exemption"));
        } else if (row.exemption() == null && hasReason) {
            errors.add(new Problem.FieldError(at + "exemption", "is required with an exemption reason"));
        }
    }

    private static int lineOf(Problem.FieldError error) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("line (\\d+)").matcher(error.field());
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }
}
