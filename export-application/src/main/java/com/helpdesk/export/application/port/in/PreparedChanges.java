package com.helpdesk.export.application.port.in;

import com.helpdesk.export.domain.model.ChangeSection;
import com.helpdesk.export.domain.model.Delivery;
import com.helpdesk.export.domain.model.ExportHead;
import com.helpdesk.export.domain.model.SpoolRange;
import com.helpdesk.export.domain.port.Spool;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A changes answer read to the end and held in its spool, ready to be sent; it holds no database connection: its
 * head, what each resource holds, how far behind the feed was, how it is delivered, the spool's ranges that are its
 * bytes, and until closed the spool and the caller's pass (its slot).
 */
public final class PreparedChanges implements AutoCloseable {

    private final ExportHead head;
    private final List<ChangeSection> sections;
    private final Duration lag;
    private final Delivery delivery;
    private final List<SpoolRange> body;
    private final Spool spool;
    private final ExportPass pass;
    private final AtomicBoolean closed = new AtomicBoolean();

    public PreparedChanges(
            ExportHead head,
            List<ChangeSection> sections,
            Duration lag,
            Delivery delivery,
            List<SpoolRange> body,
            Spool spool,
            ExportPass pass) {
        this.head = Objects.requireNonNull(head, "head");
        this.sections = List.copyOf(sections);
        this.lag = Objects.requireNonNull(lag, "lag");
        this.delivery = Objects.requireNonNull(delivery, "delivery");
        this.body = List.copyOf(body);
        this.spool = Objects.requireNonNull(spool, "spool");
        this.pass = Objects.requireNonNull(pass, "pass");
    }

    public ExportHead head() {
        return head;
    }

    /** What each resource holds, in the order of the request. */
    public List<ChangeSection> sections() {
        return sections;
    }

    /** How far behind the feed was at the read: the age of the oldest write transaction then running. */
    public Duration lag() {
        return lag;
    }

    public Delivery delivery() {
        return delivery;
    }

    public List<SpoolRange> body() {
        return body;
    }

    public ExportPass pass() {
        return pass;
    }

    /** Copies the document's bytes to {@code out}, in order; flushed, not closed. */
    public void writeTo(OutputStream out) throws IOException {
        if (closed.get()) {
            throw new IllegalStateException("this answer was closed: its spool is gone");
        }
        for (SpoolRange range : body) {
            spool.copyTo(range.from(), range.to(), out);
        }
        out.flush();
    }

    /** Deletes the spool and gives the slot back. Idempotent, safe from any thread. */
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
