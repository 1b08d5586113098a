package com.helpdesk.export.benchmarks;

import com.fasterxml.jackson.core.JsonFactory;
import com.helpdesk.export.csv.CsvSerializer;
import com.helpdesk.export.domain.model.ResourceType;
import com.helpdesk.export.domain.port.Serializer;
import com.helpdesk.export.json.JacksonJsonSerializer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
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

/**
 * The two serializers alone: the rows of a 10,000-row resource (rows of the demo dataset, held in memory) written by
 * the serializer's row writer, as an export writes them into its spool, to an output that discards the bytes. One operation is one row, so the score is rows/s; the {@code bytes} counter is
 * bytes/s; {@code -prof gc} gives {@code gc.alloc.rate.norm}, the bytes allocated per row.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SerializerBenchmark {

    /** Rows per document, as in one full export of a resource. */
    public static final int ROWS = 10_000;

    @Param({"tickets"})
    public String type;

    private ResourceType resource;
    private List<Object[]> rows;
    private final Serializer csv = new CsvSerializer();
    private final Serializer json = new JacksonJsonSerializer(new JsonFactory());

    @Setup(Level.Trial)
    public void setUp() {
        resource = ResourceType.fromWireName(type).orElseThrow();
        rows = DemoRows.load(resource, ROWS);
        if (rows.size() != ROWS) {
            // customers and articles have fewer live rows: repeat them up to ROWS
            List<Object[]> repeated = new ArrayList<>(ROWS);
            for (int i = 0; repeated.size() < ROWS; i++) {
                repeated.add(rows.get(i % rows.size()));
            }
            rows = repeated;
        }
    }

    /** Bytes written, reported by JMH as a rate (bytes/s) next to the score. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Output {
        public long bytes;
    }

    @Benchmark
    @OperationsPerInvocation(ROWS)
    public long csv(Output output) throws IOException {
        ByteSink sink = new ByteSink();
        DemoRows.writeRows(csv, resource, rows, sink);
        output.bytes += sink.bytes;
        return sink.bytes;
    }

    @Benchmark
    @OperationsPerInvocation(ROWS)
    public long json(Output output) throws IOException {
        ByteSink sink = new ByteSink();
        DemoRows.writeRows(json, resource, rows, sink);
        output.bytes += sink.bytes;
        return sink.bytes;
    }
}
