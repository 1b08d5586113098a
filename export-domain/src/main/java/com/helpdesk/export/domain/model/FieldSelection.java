package com.helpdesk.export.domain.model;

import com.helpdesk.export.domain.error.ExportException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The fields a request asks of one resource, as far as the request can tell: the type's own fields by name, and its
 * team's custom fields as {@code customFields} (all of them, in position order) or {@code customFields.<key>} (one).
 * Which custom fields exist is known only in the export's snapshot: {@link #resolve} then gives the fields to write,
 * in order, or the error naming the entry at fault.
 */
public final class FieldSelection {

    /** One entry of the request's list, with its request path for errors. */
    private sealed interface Entry {
        String param();
    }

    private record Own(Field field, String param) implements Entry {}

    private record AllCustom(String param) implements Entry {}

    private record OneCustom(String key, String param) implements Entry {}

    private final ResourceType type;
    private final List<Entry> entries;
    /** The request path of the list, or null for every field. */
    private final String param;

    private FieldSelection(ResourceType type, List<Entry> entries, String param) {
        this.type = type;
        this.entries = List.copyOf(entries);
        this.param = param;
    }

    /** Every field of the type, custom fields included where the type has them. */
    public static FieldSelection all(ResourceType type) {
        List<Entry> entries = new ArrayList<>();
        for (Field field : type.fields()) {
            entries.add(field.kind() == FieldKind.CUSTOM ? new AllCustom(null) : new Own(field, null));
        }
        return new FieldSelection(type, entries, null);
    }

    /**
     * A request's {@code fields} list; every field when {@code names} is null.
     *
     * @param param the request path of the list, for errors
     */
    public static FieldSelection parse(ResourceType type, List<String> names, String param) {
        Objects.requireNonNull(type, "type");
        if (names == null) {
            return all(type);
        }
        if (names.isEmpty()) {
            throw ExportException.invalid(param, "fields must not be empty; leave it out to export every field.");
        }
        List<Entry> entries = new ArrayList<>(names.size());
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            String at = param + "[" + i + "]";
            if (name == null) {
                throw ExportException.invalid(at, "A field name must be a string.");
            }
            if (!seen.add(name)) {
                throw ExportException.invalid(at, "Field '" + name + "' is listed more than once.");
            }
            Field field = type.field(name).orElse(null);
            if (field != null && field.kind() == FieldKind.CUSTOM) {
                entries.add(new AllCustom(at));
            } else if (field != null) {
                entries.add(new Own(field, at));
            } else if (type.hasCustomFields() && name.startsWith(Field.CUSTOM_PREFIX)) {
                String key = name.substring(Field.CUSTOM_PREFIX.length());
                if (!CustomFieldDefinition.KEY.matcher(key).matches()) {
                    throw ExportException.invalid(
                            at,
                            "Invalid custom field '" + name + "': a key is a lower-case "
                                    + "letter, then up to 39 lower-case letters, digits or '_'.");
                }
                entries.add(new OneCustom(key, at));
            } else {
                throw ExportException.invalid(
                        at,
                        "Unknown field '" + name + "' for " + type.wireName()
                                + ". Allowed values: " + String.join(", ", type.fieldNames())
                                + (type.hasCustomFields() ? ", or customFields.<key> for one custom field" : "") + ".");
            }
        }
        return new FieldSelection(type, entries, param);
    }

    public ResourceType type() {
        return type;
    }

    /** Whether the selection names custom fields at all (so that a reader need not look for definitions). */
    public boolean wantsCustomFields() {
        return entries.stream().anyMatch(e -> !(e instanceof Own));
    }

    /**
     * The fields to write, in order: the type's own as named, {@code customFields} as itself (the group, which holds
     * no value) followed by every definition in position order, {@code customFields.<key>} as its definition.
     *
     * @param definitions the team's custom fields of this type at the snapshot, in position order
     * @throws ExportException naming the entry of a key that is not defined, or of a custom field named twice
     */
    public List<Field> resolve(List<CustomFieldDefinition> definitions) {
        Objects.requireNonNull(definitions, "definitions");
        int group = type.field("customFields").map(Field::index).orElse(-1);
        List<Field> fields = new ArrayList<>();
        Set<String> customs = new HashSet<>();
        for (Entry entry : entries) {
            if (entry instanceof Own own) {
                fields.add(own.field());
            } else if (entry instanceof AllCustom all) {
                fields.add(type.fields().get(group));
                for (CustomFieldDefinition definition : definitions) {
                    if (!customs.add(definition.key())) {
                        throw twice(all.param(), definition.key());
                    }
                    fields.add(Field.custom(definition, group));
                }
            } else {
                OneCustom one = (OneCustom) entry;
                CustomFieldDefinition definition = definitions.stream()
                        .filter(d -> d.key().equals(one.key()))
                        .findFirst()
                        .orElseThrow(() -> ExportException.invalid(
                                one.param(),
                                "Unknown custom field '"
                                        + Field.CUSTOM_PREFIX + one.key() + "' for " + type.wireName()
                                        + ": this team defines "
                                        + (definitions.isEmpty()
                                                ? "none"
                                                : definitions.stream()
                                                        .map(CustomFieldDefinition::key)
                                                        .collect(Collectors.joining(", ")))
                                        + "."));
                if (!customs.add(definition.key())) {
                    throw twice(one.param(), definition.key());
                }
                fields.add(Field.custom(definition, group));
            }
        }
        return List.copyOf(fields);
    }

    /**
     * {@link #resolve(List)} for an export in {@code format}: a table (a CSV file, an XLSX sheet) needs a column, so a
     * list of only {@code customFields} for a team that defines none is refused, naming the list.
     */
    public List<Field> resolve(List<CustomFieldDefinition> definitions, ExportFormat format) {
        List<Field> fields = resolve(definitions);
        if (format.isTable() && fields.stream().allMatch(f -> f.kind() == FieldKind.CUSTOM)) {
            throw ExportException.invalid(
                    param == null ? "resources[0].fields" : param,
                    "This team defines no "
                            + "custom fields for " + type.wireName()
                            + ", so " + (format == ExportFormat.CSV ? "a CSV file" : "an XLSX sheet")
                            + " of only customFields would have no "
                            + "column. Name at least one other field.");
        }
        return fields;
    }

    /**
     * {@link #resolve(List)} for a change feed, whose every record starts with its id: {@code id} first, whether
     * named or not, then the other fields in the order named.
     */
    public List<Field> resolveIdFirst(List<CustomFieldDefinition> definitions) {
        Field id = type.field("id").orElseThrow(() -> new IllegalStateException(type + " has no id"));
        List<Field> fields = new ArrayList<>();
        fields.add(id);
        for (Field field : resolve(definitions)) {
            if (!field.equals(id)) {
                fields.add(field);
            }
        }
        return List.copyOf(fields);
    }

    private static ExportException twice(String param, String key) {
        return ExportException.invalid(
                param,
                "Custom field '" + Field.CUSTOM_PREFIX + key
                        + "' is listed more than once (customFields names them all).");
    }

    @Override
    public String toString() {
        return "FieldSelection" + entries;
    }
}
