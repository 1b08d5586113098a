package com.helpdesk.export.benchmarks;

import com.fasterxml.jackson.core.JsonFactory;
import com.helpdesk.export.csv.CsvSerializer;
import com.helpdesk.export.domain.model.Cancellation;
import com.helpdesk.export.domain.model.Field;
import com.helpdesk.export.domain.model.ResourceQuery;
import com.helpdesk.export.domain.model.ResourceType;
import com.helpdesk.export.domain.port.ReadSnapshot;
import com.helpdesk.export.domain.port.Serializer;
import com.helpdesk.export.json.JacksonJsonSerializer;
import com.helpdesk.export.persistence.jdbc.read.JdbcResourceReader;
import com.helpdesk.export.persistence.jdbc.read.ReaderSettings;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
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
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The export without HTTP, keys and rate limits: one snapshot of the real {@link JdbcResourceReader} on the demo
 * database (one query, the rows streamed by COPY in binary) written by a serializer's row writer to an output that
 * discards the bytes, as an export writes them into its spool. {@code sink=read} only reads every value of every row. One operation is one row; with the
 * database in the loop this is the in-process ceiling of the HTTP export.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ReadPipelineBenchmark {

    private static final int ROWS = 10_000;

    @Param({"read", "csv", "json"})
    public String sink;

    private JdbcResourceReader reader;
    private DataSource pooled;
    private Serializer serializer;
    private ResourceQuery query;

    @Setup(Level.Trial)
    public void setUp() {
        pooled = BenchDatabase.pooled();
        reader = new JdbcResourceReader(pooled, ReaderSettings.defaults());
        query = DemoRows.query(ResourceType.TICKETS, ROWS);
        serializer = switch (sink) {
            case "csv" -> new CsvSerializer();
            case "json" -> new JacksonJsonSerializer(new JsonFactory());
            default -> null;
        };
    }

    @Benchmark
    @OperationsPerInvocation(ROWS)
    public long export(Blackhole blackhole) throws IOException {
        try (ReadSnapshot snapshot = reader.openSnapshot(DemoRows.DEMO_LIVE, Cancellation.never())) {
            if (serializer == null) {
                List<Field> fields = query.fields();
                return snapshot.read(query, row -> {
                            for (int i = 0, n = fields.size(); i < n; i++) {
                                blackhole.consume(row.value(fields.get(i)));
                            }
                        })
                        .rows();
            }
            ByteSink out = new ByteSink();
            Serializer.RowWriter rows =
                    serializer.start(DemoRows.head(serializer.format()), out).resource(query.type(), query.fields());
            snapshot.read(query, rows);
            rows.finish();
            return out.bytes;
        }
    }
}
