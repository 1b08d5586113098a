package com.helpdesk.export.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.helpdesk.export.domain.model.CustomFieldDefinition;
import com.helpdesk.export.domain.model.CustomFieldKind;
import com.helpdesk.export.domain.model.Field;
import com.helpdesk.export.domain.model.FieldSelection;
import com.helpdesk.export.domain.model.ResourceType;
import com.helpdesk.export.domain.model.Row;
import com.helpdesk.export.testsupport.Gen;
import com.helpdesk.export.testsupport.Gens;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rows of every type as a reader hands them over, generated: every field kind, custom fields of every kind, metadata,
 * tags and nulls, with texts that JSON, NDJSON and spreadsheets treat specially (quotes, backslashes, line breaks,
 * U+2028 and U+2029, controls but NUL, which PostgreSQL never stores, characters beyond the BMP, formula starts,
 * what looks like an OOXML escape). For the tests of every format that writes records (shared as adapter-json's test
 * jar), so that they compare their output with the JSON format's on the same rows.
 */
public final class GeneratedRows {

    private static final ObjectMapper JACKSON = new ObjectMapper();

    private GeneratedRows() {}

    /** A row over a map by field name (custom fields by {@code customFields.<key>}). */
    public record MapRow(Map<String, Object> values) implements Row {
        @Override
        public Object value(Field field) {
            return values.get(field.name());
        }
    }

    /** One resource to write: its type, the fields resolved (custom fields expanded) and its rows. */
    public record Sample(
            ResourceType type, List<CustomFieldDefinition> definitions, List<Field> fields, List<Row> rows) {
        @Override
        public String toString() {
            return type.wireName() + " " + fields.stream().map(Field::name).toList() + " " + rows;
        }
    }

    /**
     * A type, the team's custom fields for it (one of each kind at least, when the type has them), a field list
     * (every field, or some in any order, the group or single custom fields among them) and up to {@code maxRows}
     * rows.
     */
    public static Gen<Sample> samples(int maxRows) {
        Gen<ResourceType> types = Gens.of(ResourceType.values());
        return random -> {
            ResourceType type = types.next(random);
            List<CustomFieldDefinition> definitions =
                    type.hasCustomFields() ? definitions().next(random) : List.of();
            List<String> names = null;
            if (random.nextInt(3) == 0) {
                List<String> all = new ArrayList<>(type.fieldNames());
                for (CustomFieldDefinition d : definitions) {
                    all.add(Field.CUSTOM_PREFIX + d.key());
                }
                Collections.shuffle(all, new java.util.Random(random.nextLong()));
                names = new ArrayList<>(all.subList(0, 1 + random.nextInt(all.size())));
                if (names.contains("customFields")) {
                    names.removeIf(n -> n.startsWith(Field.CUSTOM_PREFIX));
                }
            }
            List<Field> fields = FieldSelection.parse(type, names, "fields").resolve(definitions);
            Gen<Row> rows = rows(fields);
            int count = Gens.ints(0, maxRows).next(random);
            List<Row> list = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                list.add(rows.next(random));
            }
            return new Sample(type, definitions, fields, list);
        };
    }

    /** One definition of each kind, in a shuffled position order, and up to three more. */
    public static Gen<List<CustomFieldDefinition>> definitions() {
        Gen<String> keys = Gens.strings(Gens.charsOf("abcdefghijklmnopqrstuvwxyz0123456789_"), 0, 12)
                .map(rest -> "f" + rest);
        Gen<CustomFieldKind> kinds = Gens.of(CustomFieldKind.values());
        return random -> {
            List<CustomFieldKind> chosen = new ArrayList<>(List.of(CustomFieldKind.values()));
            for (int extra = random.nextInt(4); extra > 0; extra--) {
                chosen.add(kinds.next(random));
            }
            Collections.shuffle(chosen, new java.util.Random(random.nextLong()));
            List<CustomFieldDefinition> list = new ArrayList<>();
            java.util.Set<String> used = new java.util.HashSet<>();
            for (int i = 0; i < chosen.size(); i++) {
                String key;
                do {
                    key = keys.next(random);
                } while (!used.add(key));
                list.add(new CustomFieldDefinition(key, "Label " + key, chosen.get(i), i));
            }
            return list;
        };
    }

    /** Rows of these fields, each value drawn by its kind, {@code null} now and then (tags: empty). */
    public static Gen<Row> rows(List<Field> fields) {
        Map<String, Gen<Object>> values = new HashMap<>();
        for (Field field : fields) {
            values.put(field.name(), value(field));
        }
        return random -> {
            Map<String, Object> row = new LinkedHashMap<>();
            for (Field field : fields) {
                if (field.kind() != com.helpdesk.export.domain.model.FieldKind.CUSTOM) {
                    row.put(field.name(), values.get(field.name()).next(random));
                }
            }
            return new MapRow(row);
        };
    }

    private static Gen<Object> value(Field field) {
        Gen<?> gen = switch (field.kind()) {
            case ID -> Gens.uuids();
            case REF ->
                Gens.uuids()
                        .flatMap(id -> Gens.of("mem_", "cus_")
                                .map(prefix -> prefix + id.toString().replace("-", "")));
            case TEXT, ENUM -> texts();
            case INTEGER -> Gens.anyInt();
            case NUMBER -> numbers();
            case BOOLEAN -> Gens.booleans();
            case TIMESTAMP -> instants();
            case DATE -> dates();
            case TAGS -> tags();
            case OBJECT -> objects();
            case CUSTOM -> Gens.constant(null);
        };
        double nulls = field.kind() == com.helpdesk.export.domain.model.FieldKind.TAGS ? 0 : 0.15;
        return random -> random.nextDouble() < nulls ? null : gen.next(random);
    }

    /**
     * Texts of up to 12 parts: what JSON escapes or passes through (quotes, backslashes, controls, U+2028, U+2029,
     * U+007F, U+0085), line breaks, formula starts, text that looks like an OOXML escape ({@code _x0041_}), characters
     * XML 1.0 cannot hold (controls, U+FFFE, U+FFFF), short ASCII runs without NUL, BMP text and characters beyond it.
     */
    public static Gen<String> texts() {
        Gen<String> special = Gens.of(
                "\"", "\\", "/", "\n", "\r", "\r\n", "\t", "\u2028", "\u2029", "\u0001", "\u001f", "\u007f", "\u0085",
                "\u000b", "\f", "\b", "=", "+", "-", "@", "'", "_x0041_", "_x", "_X000D_", "&", "<", ">", "]]>",
                "\uFFFE", "\uFFFF", "\uFEFF", " ", ",");
        Gen<String> ascii = Gens.strings(Gens.chars('\u0001', '\u007f'), 0, 6);
        Gen<String> bmp = Gens.strings(Gens.chars('\u0080', '\ud7ff'), 0, 4);
        Gen<String> astral = Gens.ints(0x10000, 0x10FFFF).map(cp -> new String(Character.toChars(cp)));
        return Gens.frequency(
                        Gens.weight(4, special), Gens.weight(3, ascii), Gens.weight(2, bmp), Gens.weight(1, astral))
                .list(0, 12)
                .map(parts -> String.join("", parts));
    }

    /** Decimals as a database stores them: any scale up to 8, trailing zeros kept ({@code 1.50}), big and small. */
    public static Gen<BigDecimal> numbers() {
        Gen<BigInteger> unscaled = Gens.oneOf(
                Gens.longs(-1_000_000, 1_000_000).map(BigInteger::valueOf),
                Gens.bigIntegers(new BigInteger("-99999999999999999999"), new BigInteger("99999999999999999999")));
        Gen<Integer> scales = Gens.ints(0, 8);
        return random -> new BigDecimal(unscaled.next(random), scales.next(random));
    }

    /** Instants of PostgreSQL's precision (microseconds), from year 1 to 9999, most of them in 1900 to 2100. */
    public static Gen<Instant> instants() {
        Gen<Long> anyYear = Gens.longs(
                Instant.parse("0001-01-01T00:00:00Z").getEpochSecond(),
                Instant.parse("9999-12-31T23:59:59Z").getEpochSecond());
        Gen<Long> usual = Gens.longs(
                Instant.parse("1900-01-01T00:00:00Z").getEpochSecond(),
                Instant.parse("2100-01-01T00:00:00Z").getEpochSecond());
        Gen<Long> seconds = Gens.frequency(Gens.weight(1, anyYear), Gens.weight(4, usual));
        Gen<Integer> micros = Gens.ints(0, 999_999);
        return random -> Instant.ofEpochSecond(seconds.next(random), micros.next(random) * 1000L);
    }

    /** Dates from year 1 to 9999, most of them in 1900 to 2100 (1900-02-28 and 1900-03-01 among the edges). */
    public static Gen<LocalDate> dates() {
        Gen<Long> anyDay = Gens.longs(
                LocalDate.of(1, 1, 1).toEpochDay(), LocalDate.of(9999, 12, 31).toEpochDay());
        Gen<Long> usual = Gens.longs(
                LocalDate.of(1900, 1, 1).toEpochDay(), LocalDate.of(2100, 1, 1).toEpochDay());
        Gen<LocalDate> edges = Gens.of(
                LocalDate.of(1900, 1, 1),
                LocalDate.of(1900, 2, 28),
                LocalDate.of(1900, 3, 1),
                LocalDate.of(1899, 12, 31),
                LocalDate.of(9999, 12, 31));
        return Gens.frequency(
                Gens.weight(1, anyDay.map(LocalDate::ofEpochDay)),
                Gens.weight(4, usual.map(LocalDate::ofEpochDay)),
                Gens.weight(1, edges));
    }

    /** Up to five tags of one to eight code points without white space (formula starts and emoji among them). */
    public static Gen<List<String>> tags() {
        List<Integer> codePoints =
                new ArrayList<>("abc-=+@',\"#_ü😀".codePoints().boxed().toList());
        for (int c = 'a'; c <= 'z'; c++) {
            codePoints.add(c);
        }
        return Gens.codePointStrings(Gens.of(codePoints), 1, 8).list(0, 5);
    }

    /** JSON objects as the database gives them (with spaces after {@code :} and {@code ,}), nested now and then. */
    public static Gen<String> objects() {
        Gen<String> keys = texts();
        Gen<Object> scalars = Gens.oneOf(
                texts().map(t -> (Object) t),
                Gens.anyInt().map(i -> (Object) i),
                numbers().map(n -> (Object) n),
                Gens.booleans().map(b -> (Object) b),
                Gens.constant(null));
        Gen<Object> values = Gens.oneOf(
                scalars,
                scalars,
                scalars,
                Gens.maps(keys, scalars, 0, 3).map(m -> (Object) m),
                scalars.list(0, 3).map(l -> (Object) l));
        return Gens.maps(keys, values, 0, 5).map(map -> {
            try {
                return JACKSON.writerWithDefaultPrettyPrinter().writeValueAsString(map);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
