package com.helpdesk.export.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.helpdesk.export.domain.model.CsvOptions;
import com.helpdesk.export.domain.model.ExportFormat;
import com.helpdesk.export.domain.model.ExportHead;
import com.helpdesk.export.domain.model.ExportSection;
import com.helpdesk.export.domain.model.PageSummary;
import com.helpdesk.export.domain.model.PreparedDocument;
import com.helpdesk.export.domain.model.Row;
import com.helpdesk.export.domain.model.SpoolRange;
import com.helpdesk.export.domain.model.TeamId;
import com.helpdesk.export.domain.port.Serializer;
import com.helpdesk.export.spool.MemorySpool;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The JSON export of generated rows, as the oracle of the other formats: the whole document a {@link
 * JacksonJsonSerializer} writes for one {@link GeneratedRows.Sample}, and the exact bytes of each record in it.
 */
public final class JsonRecords {

    public static final TeamId TEAM = new TeamId(new UUID(0x5f3a2c1e8b7d4e6fL, 0x9a0b1c2d3e4f5a6bL));
    public static final Instant GENERATED_AT = Instant.parse("2026-12-01T10:00:00.123Z");

    private JsonRecords() {}

    /** The head of an export in {@code format} made at {@link #GENERATED_AT} for {@link #TEAM}. */
    public static ExportHead head(ExportFormat format) {
        return new ExportHead("req_test", TEAM, GENERATED_AT, format, CsvOptions.DEFAULT, 10_000);
    }

    /** Writes the sample's rows as an export in one format does, into a spool, and answers the document's bytes. */
    public static byte[] document(Serializer serializer, GeneratedRows.Sample... samples) throws IOException {
        try (MemorySpool spool = new MemorySpool()) {
            Serializer.DocumentWriter document = serializer.start(head(serializer.format()), spool);
            List<ExportSection> sections = new ArrayList<>();
            for (GeneratedRows.Sample sample : samples) {
                Serializer.RowWriter writer = document.resource(sample.type(), sample.fields());
                for (Row row : sample.rows()) {
                    writer.accept(row);
                }
                writer.finish();
                sections.add(new ExportSection(
                        sample.type(),
                        sample.fields(),
                        new PageSummary(sample.rows().size(), false, Optional.empty())));
            }
            PreparedDocument prepared = document.finish(sections);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (SpoolRange range : prepared.body()) {
                spool.copyTo(range.from(), range.to(), out);
            }
            return out.toByteArray();
        }
    }

    /** The bytes of each record of the first resource of a JSON export document, exactly as written, in order. */
    public static List<byte[]> recordBytes(byte[] envelope) throws IOException {
        List<byte[]> records = new ArrayList<>();
        try (JsonParser parser = new JsonFactory().createParser(envelope)) {
            while (parser.nextToken() != null) {
                if (parser.currentToken() == JsonToken.FIELD_NAME
                        && parser.currentName().equals("resources")) {
                    parser.nextToken(); // the object of the resources
                    parser.nextToken(); // the first resource's name
                    parser.nextToken(); // its array
                    while (parser.nextToken() == JsonToken.START_OBJECT) {
                        int from = (int) parser.currentTokenLocation().getByteOffset();
                        parser.skipChildren();
                        int to = (int) parser.currentLocation().getByteOffset();
                        records.add(Arrays.copyOfRange(envelope, from, to));
                    }
                    return records;
                }
            }
        }
        throw new IllegalArgumentException("no resources in the document");
    }
}
