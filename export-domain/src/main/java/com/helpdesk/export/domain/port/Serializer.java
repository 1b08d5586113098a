package com.helpdesk.export.domain.port;

import com.helpdesk.export.domain.model.ExportFormat;
import com.helpdesk.export.domain.model.ExportHead;
import com.helpdesk.export.domain.model.ExportSection;
import com.helpdesk.export.domain.model.Field;
import com.helpdesk.export.domain.model.PreparedDocument;
import com.helpdesk.export.domain.model.ResourceType;
import java.io.IOException;
import java.util.List;

/**
 * Writes export documents in one format into a {@link Spool}, as the rows are read: {@link #start} a document,
 * then each resource's rows one at a time ({@link DocumentWriter#resource}), then, once every resource is read and
 * what each holds is known, {@link DocumentWriter#finish} writes whatever goes around the rows and says which ranges of
 * the spool, in which order, are the document, and how it is delivered (media type, file name, headers). Sending is
 * then a copy of those ranges: nothing of the format is needed any more.
 */
public interface Serializer {

    ExportFormat format();

    /** Starts a document of this format in {@code spool}, which nothing else writes into meanwhile. */
    DocumentWriter start(ExportHead head, Spool spool) throws IOException;

    /** One document being written; not thread-safe. */
    interface DocumentWriter {

        /**
         * Starts writing the rows of the next resource, with these fields in this order, one row at a time, holding
         * none back beyond a small buffer. {@link RowWriter#finish()} ends them; a resource's rows are finished
         * before the next resource starts.
         */
        RowWriter resource(ResourceType type, List<Field> fields) throws IOException;

        /**
         * Ends the document: writes what goes around the rows, given what each resource holds (in the order they were
         * written), and answers where the document is in the spool and how it is delivered.
         */
        PreparedDocument finish(List<ExportSection> sections) throws IOException;
    }

    /** Takes the rows of one resource; {@link #finish()} once after the last. */
    interface RowWriter extends RowConsumer {
        /** Writes out whatever is buffered: the resource's rows are all in the spool. */
        void finish() throws IOException;
    }
}
