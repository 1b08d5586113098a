package com.helpdesk.export.persistence.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/** SQL text whose every value is a parameter, with the binders that set them, in order. */
record SqlStatement(String sql, List<Parameter> parameters) {

    SqlStatement {
        parameters = List.copyOf(parameters);
    }

    /** Sets one parameter. */
    @FunctionalInterface
    interface Parameter {
        void bind(PreparedStatement statement, int index) throws SQLException;
    }

    /** A forward-only, read-only statement with every parameter bound. */
    PreparedStatement prepare(Connection connection) throws SQLException {
        PreparedStatement statement =
                connection.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
        try {
            for (int i = 0; i < parameters.size(); i++) {
                parameters.get(i).bind(statement, i + 1);
            }
            return statement;
        } catch (SQLException | RuntimeException e) {
            statement.close();
            throw e;
        }
    }
}
