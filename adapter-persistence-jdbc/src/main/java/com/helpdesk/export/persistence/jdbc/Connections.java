package com.helpdesk.export.persistence.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Taking a connection from a pool, where not having one is the database being unavailable to the caller; and the one
 * question most statements of this adapter ask, a yes or no about one value.
 */
public final class Connections {

    private Connections() {}

    /**
     * A connection of {@code dataSource}.
     *
     * @throws com.helpdesk.export.domain.error.ExportException {@code service_unavailable} when none can be had
     */
    public static Connection open(DataSource dataSource) {
        try {
            return dataSource.getConnection();
        } catch (SQLException e) {
            throw SqlErrors.connectionUnavailable(e);
        }
    }

    /** The boolean the first row of {@code sql} holds, with {@code argument} bound as its one parameter. */
    public static boolean yesOrNo(Connection connection, String sql, Object argument) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, argument);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getBoolean(1);
            }
        }
    }
}
