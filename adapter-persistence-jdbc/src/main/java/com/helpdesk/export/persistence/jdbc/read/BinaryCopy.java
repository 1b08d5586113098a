package com.helpdesk.export.persistence.jdbc.read;

import java.sql.Connection;
import java.sql.SQLException;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyOut;

/**
 * Streams the rows of one {@code SELECT} through {@code COPY (…) TO STDOUT (FORMAT binary)}, one tuple at a time,
 * into a {@link CopyRow}. PostgreSQL sends the rows without waiting to be asked (a portal would be asked a fetch at a
 * time, the JVM and the server taking turns) and one message per row, which the driver reads one at a time: what
 * this holds of a query's rows is the row at hand and what the socket buffers, whatever the rows' number and size,
 * so no fetch needs sizing. TCP's flow control holds the server back while the reader is slower.
 *
 * <p>The stream: a header (an 11-byte signature, flags, and an extension area) before the first tuple; tuples, each
 * in one message; a trailer (a column count of -1). A copy left before its end ({@link #isActive()}) leaves its
 * connection in the middle of the protocol: the caller then drops the connection (see {@code JdbcReadSnapshot}),
 * rather than cancel the copy, because a cancel request travels on a connection of its own and may arrive after the
 * copy ended, at whatever the pooled connection runs next.
 */
final class BinaryCopy {

    private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0};

    private final CopyOut copy;
    private final CopyRow row;
    private byte[] message;
    private int at;
    private boolean headerRead;
    private boolean ended;

    private BinaryCopy(CopyOut copy, CopyRow row) {
        this.copy = copy;
        this.row = row;
    }

    /** Starts the copy of the rows of {@code select}, whose columns {@code columns} laid out. */
    static BinaryCopy start(Connection connection, String select, SelectList columns) throws SQLException {
        PGConnection pg = connection.unwrap(PGConnection.class);
        CopyOut copy = pg.getCopyAPI().copyOut("COPY (" + select + ") TO STDOUT (FORMAT binary)");
        return new BinaryCopy(copy, new CopyRow(columns));
    }

    /** The view over the current tuple (one object for the whole copy). */
    CopyRow row() {
        return row;
    }

    /** Moves to the next tuple; false at the end of the rows, after which the copy is over. */
    boolean next() throws SQLException {
        while (!ended) {
            if (message == null || at == message.length) {
                message = copy.readFromCopy();
                at = 0;
                if (message == null) {
                    throw CopyRow.broken("the stream ended without a trailer");
                }
                if (!headerRead) {
                    at = header(message);
                    headerRead = true;
                }
                continue;
            }
            int after = row.parse(message, at);
            if (after < 0) {
                ended = true;
                if (copy.readFromCopy() != null) {
                    throw CopyRow.broken("data after the trailer");
                }
                return false;
            }
            at = after;
            return true;
        }
        return false;
    }

    /** The offset after the header at the start of the first message. */
    private static int header(byte[] first) {
        int fixed = SIGNATURE.length + 8;
        if (first.length < fixed) {
            throw CopyRow.broken("the header is cut off");
        }
        for (int i = 0; i < SIGNATURE.length; i++) {
            if (first[i] != SIGNATURE[i]) {
                throw CopyRow.broken("not the binary signature");
            }
        }
        int flags = CopyRow.int4(first, SIGNATURE.length);
        if ((flags & 0xFFFF_0000) != 0) {
            // bits 16 to 31 are critical: a reader that does not know one must not go on
            throw CopyRow.broken("header flags " + Integer.toHexString(flags));
        }
        int extension = CopyRow.int4(first, SIGNATURE.length + 4);
        if (extension < 0 || extension > first.length - fixed) {
            throw CopyRow.broken("a header extension of " + extension);
        }
        return fixed + extension;
    }

    /** Whether the copy has not been read to its end. */
    boolean isActive() {
        return copy.isActive();
    }
}
