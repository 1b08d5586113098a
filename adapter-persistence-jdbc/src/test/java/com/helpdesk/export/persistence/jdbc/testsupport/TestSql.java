package com.helpdesk.export.persistence.jdbc.testsupport;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Statements the tests run to look at the database beside the code under test. */
public final class TestSql {

    private TestSql() {}

    /**
     * The number a query answers (the first column of its first row: a {@code count(*)}, a {@code sum}), its
     * parameters bound in order, on a connection of its own; 0 when the number is SQL {@code NULL}.
     */
    public static long count(DataSource dataSource, String sql, Object... parameters) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet row = statement.executeQuery()) {
                if (!row.next()) {
                    throw new IllegalStateException("no row: " + sql);
                }
                return row.getLong(1);
            }
        }
    }
}
