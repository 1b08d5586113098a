package com.helpdesk.export.json;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.helpdesk.export.domain.model.ExportHead;
import com.helpdesk.export.domain.model.ResourceType;
import com.helpdesk.export.domain.model.SpoolRange;
import com.helpdesk.export.domain.port.Spool;
import java.io.IOException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The envelope around the records of one answer, written into the spool after them: {@code success}, the
 * {@code data} object (its {@code object} name, what the caller writes, the records of each resource, the caller's
 * summaries, {@code limits}) and {@code meta}. The records are not copied: the body is the envelope's ranges with the
 * records' ranges between them, in order.
 */
final class JsonEnvelope {

    private final JsonGenerator json;
    private final Spool spool;
    private final List<SpoolRange> body = new ArrayList<>();
    private long mark;

    private JsonEnvelope(JsonGenerator json, Spool spool) {
        this.json = json;
        this.spool = spool;
        this.mark = spool.size();
    }

    /** Starts the envelope in {@code spool}: {@code success}, then {@code data} with its {@code object} name. */
    static JsonEnvelope open(JsonFactory factory, Spool spool, String object) throws IOException {
        JsonGenerator json = factory.createGenerator(spool.output(), JsonEncoding.UTF8);
        json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        JsonEnvelope envelope = new JsonEnvelope(json, spool);
        json.writeStartObject();
        json.writeBooleanField("success", true);
        json.writeObjectFieldStart("data");
        json.writeStringField("object", object);
        return envelope;
    }

    /** Where the caller writes the fields of {@code data} around the resources. */
    JsonGenerator json() {
        return json;
    }

    /** The {@code resources} object: for each type an array holding its records, already in the spool at {@code records}. */
    void resources(List<ResourceType> types, List<SpoolRange> records) throws IOException {
        if (types.size() != records.size()) {
            throw new IllegalStateException(types.size() + " sections for " + records.size() + " resources");
        }
        json.writeObjectFieldStart("resources");
        for (int i = 0; i < types.size(); i++) {
            json.writeArrayFieldStart(types.get(i).wireName());
            json.flush();
            long end = spool.size();
            body.add(new SpoolRange(mark, end));
            body.add(records.get(i));
            mark = end;
            json.writeEndArray();
        }
        json.writeEndObject();
    }

    /** Ends {@code data} with {@code limits}, writes {@code meta}, and answers the whole body's ranges in order. */
    List<SpoolRange> close(ExportHead head) throws IOException {
        json.writeObjectFieldStart("limits");
        json.writeNumberField("maxRowsPerResource", head.maxRowsPerResource());
        json.writeEndObject();
        json.writeEndObject();
        json.writeObjectFieldStart("meta");
        json.writeStringField("requestId", head.requestId());
        json.writeStringField(
                "timestamp", head.generatedAt().truncatedTo(ChronoUnit.SECONDS).toString());
        json.writeEndObject();
        json.writeEndObject();
        json.flush();
        body.add(new SpoolRange(mark, spool.size()));
        return List.copyOf(body);
    }
}
