package com.helpdesk.export.persistence.jdbc.access;

import java.sql.PreparedStatement;
import java.sql.SQLException;

/** Runs a bounded DELETE (one whose last parameter is its batch size) until a batch comes back short. */
final class BatchedDelete {

    static final int BATCH = 1_000;

    private BatchedDelete() {}

    /**
     * @param statement a DELETE whose parameter {@code batchParameter} is the batch size, other parameters bound
     * @return how many rows were deleted in all
     */
    static int run(PreparedStatement statement, int batchParameter) throws SQLException {
        statement.setInt(batchParameter, BATCH);
        int removed = 0;
        int batch;
        do {
            batch = statement.executeUpdate();
            removed += batch;
        } while (batch == BATCH);
        return removed;
    }
}
