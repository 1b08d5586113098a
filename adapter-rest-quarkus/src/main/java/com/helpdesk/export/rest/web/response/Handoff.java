package com.helpdesk.export.rest.web.response;

import io.vertx.ext.web.RoutingContext;
import org.jboss.logging.Logger;

/**
 * Who closes what an export holds: first the caller's export pass (its slot), then the prepared export (its spool and
 * the slot). The stream that sends the export closes it itself; when no stream ever starts (the request failed, or the
 * client left first), the request's failure or the end of the exchange does. Exactly one of them closes it, once.
 */
public final class Handoff {

    private static final Logger LOG = Logger.getLogger(Handoff.class);

    private AutoCloseable held;
    private boolean streaming;
    private boolean ended;

    /** Holds the caller's pass until an export takes it over. */
    public Handoff(AutoCloseable pass) {
        this.held = pass;
    }

    /** The export took over the pass; if the exchange already ended, nobody will send it: it is closed now. */
    public void prepared(AutoCloseable export) {
        boolean closeNow;
        synchronized (this) {
            held = export;
            closeNow = ended;
        }
        if (closeNow) {
            release();
        }
    }

    /** From the stream: whether it may send (and so must close) the export. */
    synchronized boolean takeForStreaming() {
        if (streaming || ended || held == null) {
            return false;
        }
        streaming = true;
        held = null;
        return true;
    }

    /** Closes what is held, unless a stream took it. */
    public void release() {
        AutoCloseable toClose;
        synchronized (this) {
            toClose = held;
            held = null;
        }
        closeQuietly(toClose);
    }

    /** From the event loop, at the end of the exchange: closing talks to the database, so on a worker thread. */
    public void exchangeEnded(RoutingContext context) {
        AutoCloseable toClose;
        synchronized (this) {
            ended = true;
            toClose = held;
            held = null;
        }
        if (toClose != null) {
            context.vertx()
                    .executeBlocking(
                            () -> {
                                closeQuietly(toClose);
                                return null;
                            },
                            false);
        }
    }

    static void closeQuietly(AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception e) {
            LOG.warnf("releasing an export failed: %s", e.getMessage());
        }
    }
}
