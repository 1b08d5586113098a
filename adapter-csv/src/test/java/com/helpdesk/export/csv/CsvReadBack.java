package com.helpdesk.export.csv;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.helpdesk.export.domain.model.Field;
import com.helpdesk.export.domain.model.FieldKind;
import com.helpdesk.export.domain.model.PublicId;
import com.helpdesk.export.domain.model.Row;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads CSV back with Apache Commons CSV (RFC 4180), an reader independent of the writer, and undoes the
 * documented cell transformations.
 */
final class CsvReadBack {

    private CsvReadBack() {}

    static List<List<String>> parse(String csv) {
        try (CSVParser parser = CSVParser.parse(new StringReader(csv), CSVFormat.RFC4180)) {
            List<List<String>> records = new ArrayList<>();
            for (CSVRecord record : parser) {
                records.add(record.toList());
            }
            return records;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the contract says a free-text value becomes in its cell. */
    static String expectedText(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        return "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }

    /**
     * Undoes the formula guard. Ambiguous only for a text that itself starts with {@code '} and a formula
     * character: such a text is written as it is, and reads back without its quote.
     */
    static String unguard(String cell) {
        if (cell.length() >= 2 && cell.charAt(0) == '\'' && "=+-@\t\r".indexOf(cell.charAt(1)) >= 0) {
            return cell.substring(1);
        }
        return cell;
    }

    /** The value a cell stands for, typed as the row gives it; {@code null} for an empty cell. */
    static Object value(Field field, String cell) {
        if (cell.isEmpty()) {
            return switch (field.kind()) {
                case TAGS -> List.of();
                default -> null;
            };
        }
        return switch (field.kind()) {
            case ID ->
                PublicId.parse(field.idPrefix(), cell)
                        .map(UUID.class::cast)
                        .orElseThrow(() -> new AssertionError("not a " + field.idPrefix() + " id: " + cell));
            case TEXT, ENUM -> unguard(cell);
            case TAGS -> Arrays.asList(unguard(cell).split(" ", -1));
            case INTEGER -> Integer.valueOf(cell);
            case BOOLEAN ->
                switch (cell) {
                    case "true" -> Boolean.TRUE;
                    case "false" -> Boolean.FALSE;
                    default -> throw new AssertionError("not a boolean: " + cell);
                };
            case TIMESTAMP -> Instant.parse(cell);
            case REF -> cell;
            case NUMBER -> new BigDecimal(cell);
            case DATE -> LocalDate.parse(cell);
            case OBJECT -> json(cell);
            case CUSTOM -> throw new AssertionError("the group customFields is not a column");
        };
    }

    private static JsonNode json(String text) {
        try {
            return JACKSON.readTree(text);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }

    private static final ObjectMapper JACKSON = new ObjectMapper();

    /** The row's value as the read-back should give it: empty text reads back as null. */
    static Object normalized(Field field, Row row) {
        if (field.kind() == FieldKind.OBJECT) {
            return json(row.object(field));
        }
        Object value = row.value(field);
        if (value instanceof String s && s.isEmpty()) {
            return null;
        }
        return value;
    }
}
