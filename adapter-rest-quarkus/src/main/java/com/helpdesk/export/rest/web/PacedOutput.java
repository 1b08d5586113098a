package com.helpdesk.export.rest.web;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerResponse;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends a response no faster than its client takes it. The response stream of a blocking JAX-RS method hands each
 * buffer to the event loop and checks the connection's write queue before the event loop has even seen the earlier
 * ones, so against a client that stops reading it queues the whole export in memory (measured: a 4 MB export
 * "sent" in 2 s to a client that had read 8 KB). This stream flushes every {@value #CHUNK} bytes, then waits on the
 * event loop itself: its check runs after every earlier write reached the connection, and while the connection's
 * queue is over its high-water mark it waits for the drain. What one response holds in memory is then about one
 * chunk plus the connection's queue, whatever the export's size. A connection that closes meanwhile ends the wait
 * with an {@link IOException}.
 */
final class PacedOutput extends FilterOutputStream {

    static final int CHUNK = 64 * 1024;
    private static final long POLL_MILLIS = 500;

    private final Context eventLoop;
    private final HttpServerResponse response;
    private long sinceCheck;

    /**
     * @param eventLoop the request's Vert.x context (its event loop)
     * @param response  the request's response, to ask for room on
     */
    PacedOutput(OutputStream out, Context eventLoop, HttpServerResponse response) {
        super(Objects.requireNonNull(out, "out"));
        this.eventLoop = Objects.requireNonNull(eventLoop, "eventLoop");
        this.response = Objects.requireNonNull(response, "response");
    }

    /**
     * The pacing of the current request's response: call on a thread that runs in the request's Vert.x context (a
     * blocking JAX-RS method's).
     */
    static Pacing forThisRequest(HttpServerResponse response) {
        Context context = Vertx.currentContext();
        if (context == null) {
            throw new IllegalStateException("not on a thread of a request's Vert.x context");
        }
        return new Pacing(context, response);
    }

    /** Where to wait for room: the request's event loop, and its response. */
    record Pacing(Context eventLoop, HttpServerResponse response) {
        OutputStream wrap(OutputStream out) {
            return new PacedOutput(out, eventLoop, response);
        }
    }

    @Override
    public void write(int b) throws IOException {
        out.write(b);
        written(1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        while (len > 0) {
            int step = (int) Math.min(len, CHUNK - sinceCheck);
            out.write(b, off, step);
            off += step;
            len -= step;
            written(step);
        }
    }

    private void written(int bytes) throws IOException {
        sinceCheck += bytes;
        if (sinceCheck >= CHUNK) {
            sinceCheck = 0;
            out.flush();
            awaitRoom();
        }
    }

    /** Waits until the connection's queue is below its high-water mark, on the event loop's own view of it. */
    private void awaitRoom() throws IOException {
        CompletableFuture<Void> room = new CompletableFuture<>();
        eventLoop.runOnContext(ignored -> {
            if (response.closed()) {
                room.completeExceptionally(new IOException("the client closed the connection"));
            } else if (!response.writeQueueFull()) {
                room.complete(null);
            } else {
                response.drainHandler(drained -> room.complete(null));
            }
        });
        while (true) {
            try {
                room.get(POLL_MILLIS, TimeUnit.MILLISECONDS);
                return;
            } catch (TimeoutException stillFull) {
                if (response.closed()) {
                    throw new IOException("the client closed the connection while the export was being sent");
                }
            } catch (ExecutionException e) {
                throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while waiting for the client");
            }
        }
    }

    /** Flushes; never closes the response stream (the framework ends the response). */
    @Override
    public void close() throws IOException {
        flush();
    }
}
