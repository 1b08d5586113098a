package com.helpdesk.export.csv;

import com.helpdesk.export.domain.model.CsvOptions;
import com.helpdesk.export.domain.model.Delivery;
import com.helpdesk.export.domain.model.ExportFormat;
import com.helpdesk.export.domain.model.ExportHead;
import com.helpdesk.export.domain.model.ExportSection;
import com.helpdesk.export.domain.model.Field;
import com.helpdesk.export.domain.model.PageSummary;
import com.helpdesk.export.domain.model.PreparedDocument;
import com.helpdesk.export.domain.model.ResourceType;
import com.helpdesk.export.domain.model.Row;
import com.helpdesk.export.domain.model.SpoolRange;
import com.helpdesk.export.domain.model.TeamId;
import com.helpdesk.export.domain.port.Serializer;
import com.helpdesk.export.spool.MemorySpool;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
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

    /** One resource of a document to write: its rows and what the reader said of them. */
    record Section(ResourceType type, List<Field> fields, List<? extends Row> rows, PageSummary summary) {}

    /** A CSV document to write: whether it starts with a byte-order mark, and its sections. */
    record Document(boolean bom, List<Section> sections) {}

    /** A document written: its bytes in order, and how it is delivered. */
    record Written(byte[] bytes, Delivery delivery) {
        String text() {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    /** A section of these rows, all of them (no more match). */
    static Section section(ResourceType type, List<Field> fields, List<? extends Row> rows) {
        return new Section(type, fields, rows, new PageSummary(rows.size(), false, Optional.empty()));
    }

    static Document document(boolean bom, Section... sections) {
        return new Document(bom, List.of(sections));
    }

    static Document document(ResourceType type, List<Field> fields, List<? extends Row> rows) {
        return document(false, section(type, fields, rows));
    }

    /** The head of a CSV export of the fixture's team. */
    static ExportHead head(boolean bom) {
        return new ExportHead("req_test", TEAM, GENERATED_AT, ExportFormat.CSV, new CsvOptions(bom), 10_000);
    }

    /** Writes the document as an export does, into a spool (whose bytes also go to {@code tap}), and sends it. */
    static Written written(Document document, OutputStream tap) throws IOException {
        try (MemorySpool spool = new MemorySpool(tap)) {
            Serializer.DocumentWriter writer = new CsvSerializer().start(head(document.bom()), spool);
            List<ExportSection> sections = new ArrayList<>();
            for (Section section : document.sections()) {
                Serializer.RowWriter rows = writer.resource(section.type(), section.fields());
                for (Row row : section.rows()) {
                    rows.accept(row);
                }
                rows.finish();
                sections.add(new ExportSection(section.type(), section.fields(), section.summary()));
            }
            PreparedDocument prepared = writer.finish(sections);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (SpoolRange range : prepared.body()) {
                spool.copyTo(range.from(), range.to(), out);
            }
            return new Written(out.toByteArray(), prepared.delivery());
        }
    }

    static byte[] write(Document document) {
        try {
            return written(document, OutputStream.nullOutputStream()).bytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String writeText(ResourceType type, List<Field> fields, List<? extends Row> rows) {
        return new String(write(document(type, fields, rows)), StandardCharsets.UTF_8);
    }

    /** {@code count} copies of a row. */
    static List<Row> repeat(Row row, int count) {
        return Collections.nCopies(count, row);
    }
}
