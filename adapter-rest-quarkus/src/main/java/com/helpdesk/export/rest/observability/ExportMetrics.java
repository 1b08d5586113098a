package com.helpdesk.export.rest.observability;

import com.helpdesk.export.domain.error.ErrorCategory;
import com.helpdesk.export.domain.error.ErrorCode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The export's metrics, served by Micrometer's Prometheus registry at {@code /q/metrics}:
 * <ul>
 *   <li>{@code export_requests_total{format,outcome}}: export calls by outcome ({@code ok}, {@code aborted} or the
 *   error code); {@code format} is {@code none} when the call failed before its format was known</li>
 *   <li>{@code export_resources_total{type,format}}, {@code export_rows_total{type,format}}: what was exported</li>
 *   <li>{@code export_bytes_total{format}}: response bytes of exports</li>
 *   <li>{@code export_duration_seconds{format,outcome}}: a histogram of export call durations</li>
 *   <li>{@code export_rate_limit_rejections_total}: 429 answers (per-key limit or per-address throttle)</li>
 *   <li>{@code export_concurrency_rejections_total}: 429 answers over a concurrency cap</li>
 *   <li>{@code export_authentication_failures_total{code}}: 401 answers by code</li>
 *   <li>{@code export_changes_lag_seconds}: how far behind the change feed was at the last changes call (the age of
 *   the oldest write transaction then running; on a standby, its replay lag)</li>
 * </ul>
 */
@ApplicationScoped
public class ExportMetrics {

    private final MeterRegistry registry;
    private final AtomicLong changesLagMillis = new AtomicLong();

    public ExportMetrics(MeterRegistry registry) {
        this.registry = registry;
        Gauge.builder("export_changes_lag", changesLagMillis, millis -> millis.get() / 1000.0)
                .baseUnit("seconds")
                .description("how far behind the change feed was at the last changes call")
                .register(registry);
    }

    /** How far behind the change feed was at a changes call that was just read. */
    public void changesLag(Duration lag) {
        changesLagMillis.set(lag.toMillis());
    }

    void record(
            String format,
            ErrorCode error,
            boolean aborted,
            String[] types,
            long[] rows,
            long bytes,
            Duration duration) {
        String fmt = format == null ? "none" : format;
        String outcome = aborted ? "aborted" : error == null ? "ok" : error.wireName();
        registry.counter("export_requests", "format", fmt, "outcome", outcome).increment();
        Timer.builder("export_duration")
                .tag("format", fmt)
                .tag("outcome", outcome)
                .publishPercentileHistogram()
                .register(registry)
                .record(duration);
        if (error == null && types != null) {
            for (int i = 0; i < types.length; i++) {
                registry.counter("export_resources", "type", types[i], "format", fmt)
                        .increment();
                registry.counter("export_rows", "type", types[i], "format", fmt).increment(rows[i]);
            }
        }
        if (error == null) {
            Counter.builder("export_bytes")
                    .tag("format", fmt)
                    .baseUnit("bytes")
                    .register(registry)
                    .increment(bytes);
        } else if (error == ErrorCode.RATE_LIMIT_EXCEEDED) {
            registry.counter("export_rate_limit_rejections").increment();
        } else if (error == ErrorCode.CONCURRENCY_LIMIT_EXCEEDED) {
            registry.counter("export_concurrency_rejections").increment();
        } else if (error.category() == ErrorCategory.AUTHENTICATION) {
            registry.counter("export_authentication_failures", "code", error.wireName())
                    .increment();
        }
    }
}
