package com.helpdesk.export.benchmarks;

import com.helpdesk.export.dev.demo.DemoDataset;
import com.helpdesk.export.domain.model.Field;
import com.helpdesk.export.domain.model.FieldKind;
import com.helpdesk.export.domain.model.ResourceType;
import com.helpdesk.export.domain.model.Row;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.postgresql.PGStatement;

/**
 * The row mapping alone: the adapter's {@code ResultSetRow} reading every field of 10,000 ticket rows that pgjdbc
 * already holds in memory (a scrollable result, rewound for each invocation), i.e. the driver's decoding plus the
 * mapping to the domain's Java types, without the network. One operation is one row (all its fields).
 *
 * <p>{@code transfer}: {@code binary} is the service's steady state (pgjdbc prepares a statement on the server after
 * its fifth use on a connection, and from then on receives uuid, integer, boolean, timestamptz and text[] in
 * binary); {@code text} is how the first exports on each pooled connection are decoded.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RowMappingBenchmark {

    private static final int ROWS = 10_000;

    @Param({"binary", "text"})
    public String transfer;

    private Connection connection;
    private PreparedStatement statement;
    private ResultSet resultSet;
    private Row row;
    /** The fields that hold a value (the group customFields holds none). */
    private Field[] fields;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        ResourceType type = ResourceType.TICKETS;
        fields =
                type.fields().stream().filter(f -> f.kind() != FieldKind.CUSTOM).toArray(Field[]::new);
        String sql = JdbcInternals.rowsSql(type);

        connection = BenchDatabase.dataSource().getConnection();
        connection.setAutoCommit(false);
        statement = connection.prepareStatement(sql, ResultSet.TYPE_SCROLL_INSENSITIVE, ResultSet.CONCUR_READ_ONLY);
        statement.setObject(1, DemoDataset.DEMO_TEAM_ID);
        statement.setString(2, "live");
        statement.setInt(3, ROWS);
        if ("binary".equals(transfer)) {
            // as on a pooled connection that has run this export before: server-prepared, binary results
            for (int i = 0; i < 5; i++) {
                try (ResultSet warm = statement.executeQuery()) {
                    while (warm.next()) {
                        // drain
                    }
                }
            }
        } else {
            statement.unwrap(PGStatement.class).setPrepareThreshold(0);
        }
        resultSet = statement.executeQuery();

        // valid for the whole benchmark: the result set moves under it, as it does while the reader streams
        row = JdbcInternals.row(resultSet, type);
        int count = 0;
        while (resultSet.next()) {
            count++;
        }
        if (count != ROWS) {
            throw new IllegalStateException("expected " + ROWS + " rows, got " + count);
        }
    }

    @Benchmark
    @OperationsPerInvocation(ROWS)
    public void mapRows(Blackhole blackhole) throws SQLException {
        ResultSet rows = resultSet;
        rows.beforeFirst();
        while (rows.next()) {
            for (Field field : fields) {
                blackhole.consume(row.value(field));
            }
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws SQLException {
        resultSet.close();
        statement.close();
        connection.rollback();
        connection.close();
    }
}
