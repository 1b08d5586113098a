package com.helpdesk.export.application.port.in;

import com.helpdesk.export.domain.model.ExportDocument;
import com.helpdesk.export.domain.model.KeyVerification;
import com.helpdesk.export.domain.port.Serializer;
import com.helpdesk.export.domain.port.Spool;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Objects;

/**
 * An export read to the end and held in its spool, ready to be sent; it holds no database connection. Send it once,
 * then close it (sending closes it too, also when it fails): closing deletes the spool and gives back the caller's
 * export slot.
 */
public final class PreparedExport implements AutoCloseable {

    private final ExportDocument document;
    private final Serializer serializer;
    private final Spool spool;
    private final ExportPass authorized;
    private boolean sending;
    private boolean closed;

    public PreparedExport(ExportDocument document, Serializer serializer, Spool spool, ExportPass authorized) {
        this.document = Objects.requireNonNull(document, "document");
        this.serializer = Objects.requireNonNull(serializer, "serializer");
        this.spool = Objects.requireNonNull(spool, "spool");
        this.authorized = Objects.requireNonNull(authorized, "authorized");
    }

    /** What the export holds: row counts, whether more rows match, cursors. */
    public ExportDocument document() {
        return document;
    }

    /** Who asked (the key's display prefix, team, member): for logs and headers, never the key itself. */
    public KeyVerification.Verified caller() {
        return authorized.caller();
    }

    /** Writes the whole export to {@code out}, then closes it. */
    public void writeTo(OutputStream out) throws IOException {
        synchronized (this) {
            if (closed || sending) {
                throw new IllegalStateException("this export was already sent or closed");
            }
            sending = true;
        }
        try {
            serializer.write(document, out);
        } finally {
            close();
        }
    }

    /** Deletes the spool and gives the export slot back. Idempotent, safe from any thread. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        try {
            spool.close();
        } finally {
            authorized.close();
        }
    }
}
