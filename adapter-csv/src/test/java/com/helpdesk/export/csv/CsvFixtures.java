package com.helpdesk.export.csv;

import com.helpdesk.export.domain.model.CsvOptions;
import com.helpdesk.export.domain.model.ExportDocument;
import com.helpdesk.export.domain.model.ExportFormat;
import com.helpdesk.export.domain.model.Field;
import com.helpdesk.export.domain.model.PageSummary;
import com.helpdesk.export.domain.model.ResourceSection;
import com.helpdesk.export.domain.model.ResourceType;
import com.helpdesk.export.domain.model.Row;
import com.helpdesk.export.domain.model.TeamId;
import com.helpdesk.export.domain.port.Serializer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Builds small CSV documents and writes them. */
final class CsvFixtures {

    static final TeamId TEAM = new TeamId(UUID.fromString("1f0c7d2e-6f2a-4c1b-9a51-3d8e2b7c9a10"));
    static final Instant GENERATED_AT = Instant.parse("2026-11-27T14:30:00Z");

    private CsvFixtures() {}

    static List<Field> fields(ResourceType type, String... names) {
        return type.selectFields(List.of(names), "fields");
    }

    /** A section whose rows the serializer wrote, as an export writes them into its spool. */
    static ResourceSection section(ResourceType type, List<Field> fields, List<? extends Row> rows) {
        return new ResourceSection(
                type,
                fields,
                new PageSummary(rows.size(), false, Optional.empty()),
                rowBytes(type, fields, rows)::writeTo);
    }

    /** What {@link CsvSerializer#rows} writes for these rows. */
    static ByteArrayOutputStream rowBytes(ResourceType type, List<Field> fields, List<? extends Row> rows) {
        ByteArrayOutputStream spool = new ByteArrayOutputStream();
        try {
            Serializer.RowWriter writer = new CsvSerializer().rows(type, fields, spool);
            for (Row row : rows) {
                writer.accept(row);
            }
            writer.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return spool;
    }

    static ExportDocument document(boolean bom, ResourceSection... sections) {
        return new ExportDocument(
                "req_test", TEAM, GENERATED_AT, ExportFormat.CSV, new CsvOptions(bom), 10_000, List.of(sections));
    }

    static ExportDocument document(ResourceType type, List<Field> fields, List<? extends Row> rows) {
        return document(false, section(type, fields, rows));
    }

    static byte[] write(ExportDocument document) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            new CsvSerializer().write(document, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static String writeText(ResourceType type, List<Field> fields, List<? extends Row> rows) {
        return new String(write(document(type, fields, rows)), StandardCharsets.UTF_8);
    }

    /** {@code count} copies of a row. */
    static List<Row> repeat(Row row, int count) {
        return Collections.nCopies(count, row);
    }
}
