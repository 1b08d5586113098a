package com.helpdesk.export.application.port.in;

import com.helpdesk.export.domain.port.ExportDocument;
import com.helpdesk.export.domain.port.KeyVerification;
import com.helpdesk.export.domain.port.ReadSnapshot;
import com.helpdesk.export.domain.port.Serializer;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Objects;

/**
 * An export that passed every check and whose contents are known, holding its snapshot open until it is written
 * or closed. Write it once, then close it (closing also happens when writing fails).
 */
public final class PreparedExport implements AutoCloseable {

    private final ExportDocument document;
    private final Serializer serializer;
    private final ReadSnapshot snapshot;
    private final KeyVerification.Verified caller;
    private boolean closed;

    public PreparedExport(ExportDocument document, Serializer serializer, ReadSnapshot snapshot,
                          KeyVerification.Verified caller) {
        this.document = Objects.requireNonNull(document, "document");
        this.serializer = Objects.requireNonNull(serializer, "serializer");
        this.snapshot = Objects.requireNonNull(snapshot, "snapshot");
        this.caller = Objects.requireNonNull(caller, "caller");
    }

    /** What the export holds: row counts, whether more rows match, cursors. */
    public ExportDocument document() {
        return document;
    }

    /** Who asked (the key's display prefix, team, member): for logs and headers, never the key itself. */
    public KeyVerification.Verified caller() {
        return caller;
    }

    /** Streams the whole export to {@code out}, then releases the snapshot. */
    public void writeTo(OutputStream out) throws IOException {
        if (closed) {
            throw new IllegalStateException("this export was already written or closed");
        }
        try {
            serializer.write(document, out);
        } finally {
            close();
        }
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            snapshot.close();
        }
    }
}
