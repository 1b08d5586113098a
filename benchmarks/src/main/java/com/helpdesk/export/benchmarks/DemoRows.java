package com.helpdesk.export.benchmarks;

import com.helpdesk.export.demo.DemoDataset;
import com.helpdesk.export.domain.model.Cancellation;
import com.helpdesk.export.domain.model.CsvOptions;
import com.helpdesk.export.domain.model.ExportFormat;
import com.helpdesk.export.domain.model.ExportHead;
import com.helpdesk.export.domain.model.Field;
import com.helpdesk.export.domain.model.Mode;
import com.helpdesk.export.domain.model.ResourceFilters;
import com.helpdesk.export.domain.model.ResourceQuery;
import com.helpdesk.export.domain.model.ResourceType;
import com.helpdesk.export.domain.model.Row;
import com.helpdesk.export.domain.model.Scope;
import com.helpdesk.export.domain.model.TeamId;
import com.helpdesk.export.domain.port.ReadSnapshot;
import com.helpdesk.export.domain.port.Serializer;
import com.helpdesk.export.domain.port.Spool;
import com.helpdesk.export.persistence.jdbc.read.JdbcResourceReader;
import com.helpdesk.export.persistence.jdbc.read.ReaderSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
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

    private DemoRows() {}

    /** The values of every field of each row, in the type's field order. */
    static List<Object[]> load(ResourceType type, int limit) {
        JdbcResourceReader reader = new JdbcResourceReader(BenchDatabase.dataSource(), ReaderSettings.defaults());
        List<Object[]> rows = new ArrayList<>(limit);
        List<Field> fields = type.fields();
        try (reader;
                ReadSnapshot snapshot = reader.openSnapshot(DEMO_LIVE, Cancellation.never())) {
            snapshot.read(query(type, limit), row -> {
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
        return new ResourceQuery(type, ResourceFilters.none(type), type.fields(), Optional.empty(), limit);
    }

    /**
     * Writes the rows (every field) with the serializer's row writer, as an export writes them into its spool:
     * the part of serializing that grows with the rows. The document around them is a copy of those bytes.
     */
    static void writeRows(Serializer serializer, ResourceType type, List<Object[]> rows, Spool spool)
            throws IOException {
        Serializer.RowWriter writer =
                serializer.start(head(serializer.format()), spool).resource(type, type.fields());
        ArrayRow row = new ArrayRow();
        for (Object[] values : rows) {
            row.values = values;
            writer.accept(row);
        }
        writer.finish();
    }

    /** The head of a document of the demo team in {@code format}, as an export makes it. */
    static ExportHead head(ExportFormat format) {
        return new ExportHead("req_benchmark", DEMO_LIVE.team(), Instant.now(), format, CsvOptions.DEFAULT, 10_000);
    }

    /** A row over an array of values; moved along the list rather than allocated per row. */
    static final class ArrayRow implements Row {
        Object[] values;

        @Override
        public Object value(Field field) {
            return values[field.index()];
        }
    }
}
