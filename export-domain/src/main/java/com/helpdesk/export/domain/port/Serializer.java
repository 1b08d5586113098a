package com.helpdesk.export.domain.port;

import com.helpdesk.export.domain.model.ExportDocument;
import com.helpdesk.export.domain.model.ExportFormat;
import com.helpdesk.export.domain.model.Field;
import com.helpdesk.export.domain.model.ResourceType;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * Writes exports in one format, in two steps: each resource's rows as they are read ({@link #rows}), into a
 * {@link Spool}; then, once every resource is read and what each holds is known, the whole document around them
 * ({@link #write}), copying each section's rows from where the first step put them.
 */
public interface Serializer {

    ExportFormat format();

    /**
     * Starts writing the rows of one resource, with these fields in this order, to {@code out}, one row at a time,
     * holding none back beyond a small buffer. {@link RowWriter#finish()} flushes; nothing closes {@code out}.
     */
    RowWriter rows(ResourceType type, List<Field> fields, OutputStream out) throws IOException;

    /** Writes the whole document to {@code out}; flushed, not closed. */
    void write(ExportDocument document, OutputStream out) throws IOException;

    /** Takes the rows of one resource; {@link #finish()} once after the last. */
    interface RowWriter extends RowConsumer {
        /** Writes out whatever is buffered. */
        void finish() throws IOException;
    }
}
