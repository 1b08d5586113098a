package com.helpdesk.export.domain.port;

import com.helpdesk.export.domain.model.ChangeSection;
import com.helpdesk.export.domain.model.ExportFormat;
import com.helpdesk.export.domain.model.ExportHead;
import com.helpdesk.export.domain.model.Field;
import com.helpdesk.export.domain.model.PreparedDocument;
import com.helpdesk.export.domain.model.ResourceType;
import java.io.IOException;
import java.util.List;

/**
 * Writes changes documents in one format into a {@link Spool}, as {@link Serializer} writes exports: {@link #start}
 * a document, each resource's changes one at a time, then {@link ChangeDocumentWriter#finish} with what each holds.
 */
public interface ChangeSerializer {

    ExportFormat format();

    ChangeDocumentWriter start(ExportHead head, Spool spool) throws IOException;

    /** One document being written; not thread-safe. */
    interface ChangeDocumentWriter {

        /** Starts the changes of the next resource, whose records hold these fields in this order (the id first). */
        ChangeWriter resource(ResourceType type, List<Field> fields) throws IOException;

        /** Ends the document and answers where it is in the spool and how it is delivered. */
        PreparedDocument finish(List<ChangeSection> sections) throws IOException;
    }

    /** Takes the changes of one resource; {@link #finish()} once after the last. */
    interface ChangeWriter extends ChangeConsumer {
        void finish() throws IOException;
    }
}
