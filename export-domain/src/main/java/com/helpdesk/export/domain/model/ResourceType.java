package com.helpdesk.export.domain.model;

import com.helpdesk.export.domain.error.ExportException;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static com.helpdesk.export.domain.model.FieldKind.BOOLEAN;
import static com.helpdesk.export.domain.model.FieldKind.ENUM;
import static com.helpdesk.export.domain.model.FieldKind.ID;
import static com.helpdesk.export.domain.model.FieldKind.INTEGER;
import static com.helpdesk.export.domain.model.FieldKind.TAGS;
import static com.helpdesk.export.domain.model.FieldKind.TEXT;
import static com.helpdesk.export.domain.model.FieldKind.TIMESTAMP;
import static com.helpdesk.export.domain.model.FilterKind.AT_OR_AFTER;
import static com.helpdesk.export.domain.model.FilterKind.BEFORE;
import static com.helpdesk.export.domain.model.FilterKind.BOOLEAN_EQUALS;
import static com.helpdesk.export.domain.model.FilterKind.HAS_TAG;
import static com.helpdesk.export.domain.model.FilterKind.SEARCH;
import static com.helpdesk.export.domain.model.FilterKind.TEXT_EQUALS;

/** The three exportable resource types, with their fields (contract section 4) and filters (section 3). */
public enum ResourceType {
    TICKETS("tickets", "tkt_",
            fieldList()
                    .id("id", "tkt_").text("title").enumerated("status").enumerated("priority")
                    .id("customerId", "cus_").id("assignedTo", "mem_").tags("tags").text("notes")
                    .integer("messageCount").time("createdAt").time("updatedAt").time("resolvedAt").build(),
            filterMap()
                    .add(FilterDefinition.anyOf("status", "status", "new", "open", "pending", "resolved", "closed"))
                    .add(FilterDefinition.anyOf("priority", "priority", "low", "normal", "high", "urgent"))
                    .add(FilterDefinition.id("customerId", "customerId", "cus_"))
                    .add(FilterDefinition.id("assignedTo", "assignedTo", "mem_"))
                    .add(FilterDefinition.of("tag", HAS_TAG, "tags"))
                    .add(FilterDefinition.of("search", SEARCH, "title"))
                    .times().build()),
    CUSTOMERS("customers", "cus_",
            fieldList()
                    .id("id", "cus_").text("name").text("email").enumerated("status").enumerated("sentiment")
                    .tags("tags").text("notes").integer("ticketCount").time("createdAt").time("updatedAt").build(),
            filterMap()
                    .add(FilterDefinition.anyOf("status", "status", "active", "inactive"))
                    .add(FilterDefinition.anyOf("sentiment", "sentiment", "positive", "neutral", "negative"))
                    .add(FilterDefinition.of("tag", HAS_TAG, "tags"))
                    .add(FilterDefinition.of("search", SEARCH, "name", "email"))
                    .times().build()),
    ARTICLES("articles", "art_",
            fieldList()
                    .id("id", "art_").text("title").text("content").text("category").enumerated("status")
                    .bool("isPublic").tags("tags").integer("viewCount").integer("useCount")
                    .time("createdAt").time("updatedAt").time("publishedAt").build(),
            filterMap()
                    .add(FilterDefinition.anyOf("status", "status", "draft", "published", "archived"))
                    .add(FilterDefinition.of("category", TEXT_EQUALS, "category"))
                    .add(FilterDefinition.of("isPublic", BOOLEAN_EQUALS, "isPublic"))
                    .add(FilterDefinition.of("tag", HAS_TAG, "tags"))
                    .add(FilterDefinition.of("search", SEARCH, "title"))
                    .times().build());

    /** The most resources one request may name: one of each type. */
    public static final int MAX_RESOURCES_PER_REQUEST = values().length;

    private final String wireName;
    private final String idPrefix;
    private final List<Field> fields;
    private final Map<String, Field> fieldsByName;
    private final Map<String, FilterDefinition> filters;

    ResourceType(String wireName, String idPrefix, List<Field> fields, Map<String, FilterDefinition> filters) {
        this.wireName = wireName;
        this.idPrefix = idPrefix;
        this.fields = fields;
        Map<String, Field> byName = new LinkedHashMap<>();
        fields.forEach(f -> byName.put(f.name(), f));
        this.fieldsByName = Collections.unmodifiableMap(byName);
        this.filters = filters;
    }

    public String wireName() {
        return wireName;
    }

    public String idPrefix() {
        return idPrefix;
    }

    /** All fields, in the contract's CSV column order. */
    public List<Field> fields() {
        return fields;
    }

    public Optional<Field> field(String name) {
        return Optional.ofNullable(fieldsByName.get(name));
    }

    /** The filters this type accepts, by request key, in documentation order. */
    public Map<String, FilterDefinition> filters() {
        return filters;
    }

    public static Optional<ResourceType> fromWireName(String name) {
        for (ResourceType t : values()) {
            if (t.wireName.equals(name)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    public static ResourceType parse(String name, String param) {
        if (name == null) {
            throw ExportException.missing(param);
        }
        return fromWireName(name).orElseThrow(() -> ExportException.invalid(param,
                "Invalid resource type '" + name + "'. Allowed values: " + wireNames() + "."));
    }

    public static String wireNames() {
        List<String> names = new ArrayList<>();
        for (ResourceType t : values()) {
            names.add(t.wireName);
        }
        return String.join(", ", names);
    }

    /**
     * The fields named in a request's {@code fields} list, in that order; all fields when {@code names} is null.
     *
     * @param param the request path of the list, for errors
     */
    public List<Field> selectFields(List<String> names, String param) {
        if (names == null) {
            return fields;
        }
        if (names.isEmpty()) {
            throw ExportException.invalid(param, "fields must not be empty; leave it out to export every field.");
        }
        List<Field> selected = new ArrayList<>(names.size());
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            String at = param + "[" + i + "]";
            if (name == null) {
                throw ExportException.invalid(at, "A field name must be a string.");
            }
            Field field = fieldsByName.get(name);
            if (field == null) {
                throw ExportException.invalid(at, "Unknown field '" + name + "' for " + wireName
                        + ". Allowed values: " + String.join(", ", fieldsByName.keySet()) + ".");
            }
            if (!seen.add(name)) {
                throw ExportException.invalid(at, "Field '" + name + "' is listed more than once.");
            }
            selected.add(field);
        }
        return List.copyOf(selected);
    }

    private static FieldListBuilder fieldList() {
        return new FieldListBuilder();
    }

    private static FilterMapBuilder filterMap() {
        return new FilterMapBuilder();
    }

    private static final class FieldListBuilder {
        private final List<Field> list = new ArrayList<>();

        private FieldListBuilder add(String name, FieldKind kind, String prefix) {
            list.add(new Field(name, kind, prefix, list.size()));
            return this;
        }

        FieldListBuilder id(String name, String prefix) {
            return add(name, ID, prefix);
        }

        FieldListBuilder text(String name) {
            return add(name, TEXT, null);
        }

        FieldListBuilder enumerated(String name) {
            return add(name, ENUM, null);
        }

        FieldListBuilder integer(String name) {
            return add(name, INTEGER, null);
        }

        FieldListBuilder bool(String name) {
            return add(name, BOOLEAN, null);
        }

        FieldListBuilder time(String name) {
            return add(name, TIMESTAMP, null);
        }

        FieldListBuilder tags(String name) {
            return add(name, TAGS, null);
        }

        List<Field> build() {
            return List.copyOf(list);
        }
    }

    private static final class FilterMapBuilder {
        private final Map<String, FilterDefinition> map = new LinkedHashMap<>();

        FilterMapBuilder add(FilterDefinition definition) {
            map.put(definition.name(), definition);
            return this;
        }

        FilterMapBuilder times() {
            return add(FilterDefinition.of("createdAfter", AT_OR_AFTER, "createdAt"))
                    .add(FilterDefinition.of("createdBefore", BEFORE, "createdAt"))
                    .add(FilterDefinition.of("updatedAfter", AT_OR_AFTER, "updatedAt"))
                    .add(FilterDefinition.of("updatedBefore", BEFORE, "updatedAt"));
        }

        Map<String, FilterDefinition> build() {
            return Collections.unmodifiableMap(new LinkedHashMap<>(map));
        }
    }
}
