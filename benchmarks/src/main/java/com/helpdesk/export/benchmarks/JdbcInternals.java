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

    private JdbcInternals() {
    }

    private static Object table(ResourceType type) throws ReflectiveOperationException {
        Class<?> tableClass = Class.forName(PACKAGE + "ResourceTable");
        Method of = tableClass.getDeclaredMethod("of", ResourceType.class);
        of.setAccessible(true);
        return of.invoke(null, type);
    }

    private static Object call(Object target, String name) throws ReflectiveOperationException {
        Method method = target.getClass().getDeclaredMethod(name);
        method.setAccessible(true);
        return method.invoke(target);
    }

    /** The statement {@code ResourceSql.rows(limit)} builds for an unfiltered export (team, mode, limit bound). */
    static String rowsSql(ResourceType type) throws ReflectiveOperationException {
        Object table = table(type);
        return "SELECT " + call(table, "selectList") + " FROM " + call(table, "table")
                + " WHERE team_id = ? AND mode = ? ORDER BY created_at, id LIMIT ?";
    }

    static String selectList(ResourceType type) throws ReflectiveOperationException {
        return (String) call(table(type), "selectList");
    }

    static String tableName(ResourceType type) throws ReflectiveOperationException {
        return (String) call(table(type), "table");
    }

    /** A {@code ResultSetRow} over the result set, valid (its consumer "runs") until the result set closes. */
    static Row row(ResultSet resultSet, ResourceType type) throws ReflectiveOperationException {
        Object table = table(type);
        Class<?> rowClass = Class.forName(PACKAGE + "ResultSetRow");
        Constructor<?> constructor = rowClass.getDeclaredConstructor(ResultSet.class, table.getClass());
        constructor.setAccessible(true);
        Row row = (Row) constructor.newInstance(resultSet, table);
        Method validate = rowClass.getDeclaredMethod("validate");
        validate.setAccessible(true);
        validate.invoke(row);
        return row;
    }
}
