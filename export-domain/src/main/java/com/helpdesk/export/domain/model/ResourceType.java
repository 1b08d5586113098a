package com.helpdesk.export.domain.model;

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

import com.helpdesk.export.domain.error.ExportException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The five exportable resource types, with the fields of their records (in CSV column order) and their filters. Members belong
 * to the team, not to a mode; every other type is live or test.
 */
public enum ResourceType {
    TICKETS(
            "tickets",
            "tkt_",
            true,
            fieldList()
                    .id("id", "tkt_")
                    .text("title")
                    .enumerated("status")
                    .enumerated("priority")
                    .id("customerId", "cus_")
                    .id("assignedTo", "mem_")
                    .tags("tags")
                    .text("notes")
                    .integer("messageCount")
                    .time("responseDeadline")
                    .time("resolutionDeadline")
                    .time("createdAt")
                    .time("updatedAt")
                    .time("resolvedAt")
                    .object("metadata")
                    .custom()
                    .build(),
            filterMap()
                    .add(FilterDefinition.anyOf("status", "status", "new", "open", "pending", "resolved", "closed"))
                    .add(FilterDefinition.anyOf("priority", "priority", "low", "normal", "high", "urgent"))
                    .add(FilterDefinition.id("customerId", "customerId", "cus_"))
                    .add(FilterDefinition.id("assignedTo", "assignedTo", "mem_"))
                    .add(FilterDefinition.of("tag", HAS_TAG, "tags"))
                    .add(FilterDefinition.of("search", SEARCH, "title"))
                    .times()
                    .build()),
    CUSTOMERS(
            "customers",
            "cus_",
            true,
            fieldList()
                    .id("id", "cus_")
                    .text("name")
                    .text("email")
                    .text("phone")
                    .enumerated("status")
                    .enumerated("sentiment")
                    .tags("tags")
                    .text("notes")
                    .integer("ticketCount")
                    .time("createdAt")
                    .time("updatedAt")
                    .object("metadata")
                    .custom()
                    .build(),
            filterMap()
                    .add(FilterDefinition.anyOf("status", "status", "active", "inactive"))
                    .add(FilterDefinition.anyOf("sentiment", "sentiment", "positive", "neutral", "negative"))
                    .add(FilterDefinition.of("tag", HAS_TAG, "tags"))
                    .add(FilterDefinition.of("search", SEARCH, "name", "email"))
                    .times()
                    .build()),
    ARTICLES(
            "articles",
            "art_",
            true,
            fieldList()
                    .id("id", "art_")
                    .text("title")
                    .text("slug")
                    .text("content")
                    .text("category")
                    .enumerated("status")
                    .bool("isPublic")
                    .tags("tags")
                    .text("seoTitle")
                    .text("seoDescription")
                    .integer("viewCount")
                    .integer("useCount")
                    .time("createdAt")
                    .time("updatedAt")
                    .time("publishedAt")
                    .build(),
            filterMap()
                    .add(FilterDefinition.anyOf("status", "status", "draft", "published", "archived"))
                    .add(FilterDefinition.of("category", TEXT_EQUALS, "category"))
                    .add(FilterDefinition.of("isPublic", BOOLEAN_EQUALS, "isPublic"))
                    .add(FilterDefinition.of("tag", HAS_TAG, "tags"))
                    .add(FilterDefinition.of("search", SEARCH, "title"))
                    .times()
                    .build()),
    MESSAGES(
            "messages",
            "msg_",
            true,
            fieldList()
                    .id("id", "msg_")
                    .id("ticketId", "tkt_")
                    .enumerated("sender")
                    .ref("authorId")
                    .text("senderName")
                    .bool("isInternal")
                    .text("content")
                    .time("createdAt")
                    .build(),
            filterMap()
                    .add(FilterDefinition.id("ticketId", "ticketId", "tkt_"))
                    .add(FilterDefinition.anyOf("sender", "sender", "agent", "customer", "system"))
                    .add(FilterDefinition.of("isInternal", BOOLEAN_EQUALS, "isInternal"))
                    .createdTimes()
                    .build()),
    MEMBERS(
            "members",
            "mem_",
            false,
            fieldList()
                    .id("id", "mem_")
                    .text("name")
                    .text("email")
                    .enumerated("role")
                    .time("createdAt")
                    .build(),
            filterMap()
                    .add(FilterDefinition.anyOf(
                            "role", "role", "owner", "admin", "manager", "librarian", "agent", "spectator"))
                    .add(FilterDefinition.of("search", SEARCH, "name", "email"))
                    .createdTimes()
                    .build());

    /** The most resources one request may name: one of each type. */
    public static final int MAX_RESOURCES_PER_REQUEST = values().length;

    private final String wireName;
    private final String idPrefix;
    private final boolean scopedByMode;
    private final List<Field> fields;
    private final Map<String, Field> fieldsByName;
    private final Map<String, FilterDefinition> filters;

    ResourceType(
            String wireName,
            String idPrefix,
            boolean scopedByMode,
            List<Field> fields,
            Map<String, FilterDefinition> filters) {
        this.wireName = wireName;
        this.idPrefix = idPrefix;
        this.scopedByMode = scopedByMode;
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

    /** Whether a key sees only the rows of its own mode (live or test); members are the team's, in both. */
    public boolean scopedByMode() {
        return scopedByMode;
    }

    /** All fields, in the contract's CSV column order; {@code customFields} stands for the team's custom fields. */
    public List<Field> fields() {
        return fields;
    }

    /** The names of {@link #fields()}, in order. */
    public List<String> fieldNames() {
        return List.copyOf(fieldsByName.keySet());
    }

    /** Whether a team may define custom fields for this type (tickets and customers). */
    public boolean hasCustomFields() {
        return fieldsByName.containsKey("customFields");
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
        return fromWireName(name)
                .orElseThrow(() -> ExportException.invalid(
                        param, "Invalid resource type '" + name + "'. Allowed values: " + wireNames() + "."));
    }

    public static String wireNames() {
        List<String> names = new ArrayList<>();
        for (ResourceType t : values()) {
            names.add(t.wireName);
        }
        return String.join(", ", names);
    }

    /**
     * The type's own fields named in a list (all of them, custom fields left out, when {@code names} is null): for
     * callers that know no custom field definitions. A request's list is a {@link FieldSelection}.
     *
     * @param param the request path of the list, for errors
     */
    public List<Field> selectFields(List<String> names, String param) {
        return FieldSelection.parse(this, names, param).resolve(List.of());
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

        FieldListBuilder ref(String name) {
            return add(name, FieldKind.REF, null);
        }

        FieldListBuilder object(String name) {
            return add(name, FieldKind.OBJECT, null);
        }

        /** The group of the team's custom fields, always last. */
        FieldListBuilder custom() {
            return add("customFields", FieldKind.CUSTOM, null);
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

        /** Creation times only, for types whose rows are never updated. */
        FilterMapBuilder createdTimes() {
            return add(FilterDefinition.of("createdAfter", AT_OR_AFTER, "createdAt"))
                    .add(FilterDefinition.of("createdBefore", BEFORE, "createdAt"));
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
