package com.helpdesk.export.benchmarks;

import com.helpdesk.export.domain.model.ResourceType;
import com.helpdesk.export.domain.model.Row;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.sql.ResultSet;

/**
 * Reaches the JDBC adapter's package-private row mapping ({@code ResultSetRow} over {@code ResourceTable}) by
 * reflection, so that it can be measured and checked on its own.
 */
final class JdbcInternals {

    private static final String PACKAGE = "com.helpdesk.export.persistence.jdbc.";

    private JdbcInternals() {}

    private static Object table(ResourceType type) throws ReflectiveOperationException {
        Class<?> tableClass = Class.forName(PACKAGE + "ResourceTable");
        Method of = tableClass.getDeclaredMethod("of", ResourceType.class);
        of.setAccessible(true);
        return of.invoke(null, type);
    }

    /** {@code SelectList.all(table)}: every field of the type (custom fields aside). */
    private static Object selectAll(Object table) throws ReflectiveOperationException {
        Class<?> selectClass = Class.forName(PACKAGE + "SelectList");
        Method all = selectClass.getDeclaredMethod("all", table.getClass());
        all.setAccessible(true);
        return all.invoke(null, table);
    }

    /** The statement {@code ResourceSql.rows(limit)} builds for an unfiltered export (team, mode, limit bound). */
    static String rowsSql(ResourceType type) throws ReflectiveOperationException {
        Object select = selectAll(table(type));
        Method query = select.getClass().getDeclaredMethod("query", String.class);
        query.setAccessible(true);
        return (String) query.invoke(select, "team_id = ? AND mode = ?");
    }

    /** A {@code ResultSetRow} over the result set, valid (its consumer "runs") until the result set closes. */
    static Row row(ResultSet resultSet, ResourceType type) throws ReflectiveOperationException {
        Object table = table(type);
        Class<?> rowClass = Class.forName(PACKAGE + "ResultSetRow");
        Object select = selectAll(table);
        Constructor<?> constructor = rowClass.getDeclaredConstructor(ResultSet.class, select.getClass());
        constructor.setAccessible(true);
        Row row = (Row) constructor.newInstance(resultSet, select);
        Method validate = rowClass.getDeclaredMethod("validate");
        validate.setAccessible(true);
        validate.invoke(row);
        return row;
    }
}
