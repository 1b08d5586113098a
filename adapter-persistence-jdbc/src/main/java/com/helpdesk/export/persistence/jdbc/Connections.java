package com.helpdesk.export.persistence.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Taking a connection from a pool, where not having one is the database being unavailable to the caller. */
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
}
