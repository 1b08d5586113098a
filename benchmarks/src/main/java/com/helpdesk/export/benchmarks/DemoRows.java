package com.helpdesk.export.benchmarks;

import com.helpdesk.export.domain.model.Cursor;
import com.helpdesk.export.domain.model.CsvOptions;
import com.helpdesk.export.domain.model.ExportFormat;
import com.helpdesk.export.domain.model.Field;
import com.helpdesk.export.domain.model.Mode;
import com.helpdesk.export.domain.model.ResourceFilters;
import com.helpdesk.export.domain.model.ResourceType;
import com.helpdesk.export.domain.model.Row;
import com.helpdesk.export.domain.model.Scope;
import com.helpdesk.export.domain.model.TeamId;
import com.helpdesk.export.domain.port.ExportDocument;
import com.helpdesk.export.domain.port.PageSummary;
import com.helpdesk.export.domain.port.ReadSnapshot;
import com.helpdesk.export.domain.port.ResourceQuery;
import com.helpdesk.export.domain.port.ResourceSection;
import com.helpdesk.export.persistence.jdbc.JdbcResourceReader;
import com.helpdesk.export.persistence.jdbc.demo.DemoDataset;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Rows of the demo dataset held in memory, so that a serializer can be measured without the database: the first
 * {@code limit} live rows of the demo team in export order, read once through the real reader.
 */
final class DemoRows {

    static final Scope DEMO_LIVE = new Scope(new TeamId(DemoDataset.DEMO_TEAM_ID), Mode.LIVE);

    private DemoRows() {
    }

    /** The values of every field of each row, in the type's field order. */
    static List<Object[]> load(ResourceType type, int limit) {
        JdbcResourceReader reader = new JdbcResourceReader(BenchDatabase.dataSource(), Duration.ZERO);
        List<Object[]> rows = new ArrayList<>(limit);
        List<Field> fields = type.fields();
        try (ReadSnapshot snapshot = reader.openSnapshot(DEMO_LIVE)) {
            snapshot.stream(query(type, limit), row -> {
                Object[] values = new Object[fields.size()];
                for (Field field : fields) {
                    values[field.index()] = row.value(field);
                }
                rows.add(values);
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    static ResourceQuery query(ResourceType type, int limit) {
        return new ResourceQuery(type, ResourceFilters.none(type), Optional.empty(), limit);
    }

    /** A document of one section (every field) whose rows come from memory, as the service would build it. */
    static ExportDocument document(ExportFormat format, ResourceType type, List<Object[]> rows) {
        Object[] last = rows.get(rows.size() - 1);
        Field createdAt = type.field("createdAt").orElseThrow();
        Cursor cursor = new Cursor(type, (Instant) last[createdAt.index()], (java.util.UUID) last[0]);
        PageSummary summary = new PageSummary(rows.size(), true, Optional.of(cursor));
        ResourceSection section = new ResourceSection(type, type.fields(), summary, consumer -> {
            ArrayRow row = new ArrayRow();
            for (Object[] values : rows) {
                row.values = values;
                consumer.accept(row);
            }
        });
        return new ExportDocument("req_benchmark000000000000", DEMO_LIVE.team(), Instant.parse("2026-11-27T14:30:00Z"),
                format, CsvOptions.DEFAULT, 10_000, List.of(section));
    }

    /** A row over an array of values; moved along the list rather than allocated per row. */
    static final class ArrayRow implements Row {
        Object[] values;

        @Override
        public Object value(int fieldIndex) {
            return values[fieldIndex];
        }
    }
}
