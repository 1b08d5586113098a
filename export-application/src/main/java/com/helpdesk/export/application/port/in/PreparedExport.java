package com.helpdesk.export.application.port.in;

import com.helpdesk.export.domain.model.Delivery;
import com.helpdesk.export.domain.model.ExportHead;
import com.helpdesk.export.domain.model.ExportSection;
import com.helpdesk.export.domain.model.SpoolRange;
import com.helpdesk.export.domain.port.Spool;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * An export read to the end and held in its spool, ready to be sent; it holds no database connection. What it is:
 * its head and what each resource holds (for headers, logs and metrics), how it is delivered, the ranges of the spool
 * that are its bytes in order, and what it holds until it is closed: the spool and the caller's export pass (its
 * slot). Sending is {@link #writeTo}, a copy of those ranges; closing (once sent, or when it never will be) deletes
 * the spool and gives the slot back.
 */
public final class PreparedExport implements AutoCloseable {

    private final ExportHead head;
    private final List<ExportSection> sections;
    private final Delivery delivery;
    private final List<SpoolRange> body;
    private final Spool spool;
    private final ExportPass pass;
    private final AtomicBoolean closed = new AtomicBoolean();

    public PreparedExport(
            ExportHead head,
            List<ExportSection> sections,
            Delivery delivery,
            List<SpoolRange> body,
            Spool spool,
            ExportPass pass) {
        this.head = Objects.requireNonNull(head, "head");
        this.sections = List.copyOf(sections);
        this.delivery = Objects.requireNonNull(delivery, "delivery");
        this.body = List.copyOf(body);
        this.spool = Objects.requireNonNull(spool, "spool");
        this.pass = Objects.requireNonNull(pass, "pass");
    }

    /** The document's head: request, team, time, format, row limit. */
    public ExportHead head() {
        return head;
    }

    /** What each resource holds, in the order of the request. */
    public List<ExportSection> sections() {
        return sections;
    }

    /** How the format delivers the document: media type, file name, headers. */
    public Delivery delivery() {
        return delivery;
    }

    /** The ranges of the spool that, in this order, are the document. */
    public List<SpoolRange> body() {
        return body;
    }

    /** Where the document's bytes are, until the export is closed. */
    public Spool spool() {
        return spool;
    }

    /** The caller's pass: who asked, and the export slot it holds until the export is closed. */
    public ExportPass pass() {
        return pass;
    }

    /** The rows of every resource together. */
    public long totalRows() {
        return ExportSection.totalRows(sections);
    }

    /** Copies the document's bytes to {@code out}, in order; flushed, not closed. */
    public void writeTo(OutputStream out) throws IOException {
        if (closed.get()) {
            throw new IllegalStateException("this export was closed: its spool is gone");
        }
        for (SpoolRange range : body) {
            spool.copyTo(range.from(), range.to(), out);
        }
        out.flush();
    }

    /** Deletes the spool and gives the export slot back. Idempotent, safe from any thread. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            spool.close();
        } finally {
            pass.close();
        }
    }
}
