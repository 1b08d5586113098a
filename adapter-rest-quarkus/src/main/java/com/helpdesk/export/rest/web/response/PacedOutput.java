package com.helpdesk.export.rest.web.response;

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
 * "sent" in 2 s to a client that had read 8 KB). This stream flushes every {@value #CHUNK} bytes and posts a check to
 * the event loop, which runs after every earlier write reached the connection and completes once the connection's
 * queue is below its high-water mark. Before it flushes the next chunk it waits for the
 * check of the chunk before, so that one chunk is on its way while the next is written: what one response holds in
 * memory is about two chunks plus the connection's queue, whatever the export's size, and a client that reads as
 * fast as it is sent to is not slowed by a round trip per chunk. A connection that closes meanwhile ends the wait
 * with an {@link IOException}.
 */
public final class PacedOutput extends FilterOutputStream {

    static final int CHUNK = 256 * 1024;
    private static final long POLL_MILLIS = 500;
    private static final long RECHECK_MILLIS = 1;

    private final Context eventLoop;
    private final HttpServerResponse response;
    private long sinceCheck;
    /** The check posted after the last chunk, not waited for yet. */
    private CompletableFuture<Void> pending;

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
    public static Pacing forThisRequest(HttpServerResponse response) {
        Context context = Vertx.currentContext();
        if (context == null) {
            throw new IllegalStateException("not on a thread of a request's Vert.x context");
        }
        return new Pacing(context, response);
    }

    /** Where to wait for room: the request's event loop, and its response. */
    public record Pacing(Context eventLoop, HttpServerResponse response) {
        public OutputStream wrap(OutputStream out) {
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
            if (pending != null) {
                await(pending);
            }
            out.flush();
            pending = roomAfterWhatWasWritten();
        }
    }

    /**
     * A check, on the event loop, that completes once the connection's queue is below its high-water mark. It looks
     * again every millisecond while the queue is full, rather than take the response's one drain handler, which the
     * framework's own stream uses.
     */
    private CompletableFuture<Void> roomAfterWhatWasWritten() {
        CompletableFuture<Void> room = new CompletableFuture<>();
        eventLoop.runOnContext(ignored -> check(room));
        return room;
    }

    /** On the event loop. */
    private void check(CompletableFuture<Void> room) {
        if (response.closed()) {
            room.completeExceptionally(new IOException("the client closed the connection"));
        } else if (!response.writeQueueFull()) {
            room.complete(null);
        } else {
            eventLoop.owner().setTimer(RECHECK_MILLIS, timer -> check(room));
        }
    }

    private void await(CompletableFuture<Void> room) throws IOException {
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

    /** Flushes; never closes the response stream (the framework ends the response, after the writes queued). */
    @Override
    public void close() throws IOException {
        flush();
    }
}
