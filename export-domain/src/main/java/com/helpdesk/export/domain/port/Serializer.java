package com.helpdesk.export.domain.port;

import com.helpdesk.export.domain.model.ExportFormat;

import java.io.IOException;
import java.io.OutputStream;

/** Writes an export document in one format, streaming its rows straight to the output. */
public interface Serializer {

    ExportFormat format();

    /**
     * Writes the whole document. Rows are pulled from the document's sections while writing; nothing is held
     * back. The output is flushed but not closed.
     */
    void write(ExportDocument document, OutputStream out) throws IOException;
}
