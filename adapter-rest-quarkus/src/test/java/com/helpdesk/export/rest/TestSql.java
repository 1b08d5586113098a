package com.helpdesk.export.rest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Statements the tests run to look at the database beside the service. (The JDBC adapter's tests have the same
 * helper in their own test support, which these tests do not see.)
 */
public final class TestSql {

    private TestSql() {}

    /**
     * The number a query answers (the first column of its first row: a {@code count(*)}, a {@code sum}), its
     * parameters bound in order, on a connection of its own; 0 when the number is SQL {@code NULL}.
     *
     * @throws IllegalStateException when the statement fails, with the statement's text
     */
    public static long count(DataSource dataSource, String sql, Object... parameters) {
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
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
