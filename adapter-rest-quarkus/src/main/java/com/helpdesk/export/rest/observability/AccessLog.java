package com.helpdesk.export.rest.observability;

import com.helpdesk.export.domain.error.ErrorCode;
import com.helpdesk.export.rest.web.request.RequestIds;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * One line per request, written when the response ends, in the category {@code export.access}: request id,
 * method, path, status, team id, the key's display prefix (never the key), rows, bytes and duration. With
 * {@code QUARKUS_LOG_CONSOLE_JSON_ENABLED=true} the same fields come as a JSON log record. Export calls are also
 * counted in {@link ExportMetrics}.
 */
@ApplicationScoped
public class AccessLog {

    private static final Logger LOG = Logger.getLogger("export.access");

    private final ExportMetrics metrics;

    public AccessLog(ExportMetrics metrics) {
        this.metrics = metrics;
    }

    /** Starts timing the request and writes its line when the response has ended or the connection closed. */
    public void track(RoutingContext context) {
        RequestFacts.started(context);
        context.addEndHandler(done -> written(context));
    }

    private void written(RoutingContext context) {
        Duration duration = Duration.ofNanos(System.nanoTime() - RequestFacts.startNanos(context));
        long bytes = context.response().bytesWritten();
        long[] rows = RequestFacts.rows(context);
        ErrorCode error = RequestFacts.error(context);
        long totalRows = 0;
        if (rows != null && error == null) {
            for (long r : rows) {
                totalRows += r;
            }
        }
        boolean aborted = RequestFacts.isAborted(context);
        if (RequestFacts.isExport(context)) {
            metrics.record(
                    RequestFacts.format(context), error, aborted, RequestFacts.types(context), rows, bytes, duration);
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("request_id", RequestIds.of(context));
        fields.put("method", context.request().method().name());
        fields.put("path", sanitize(context.request().path()));
        fields.put("status", context.response().getStatusCode());
        if (aborted) {
            fields.put("aborted", true);
        }
        fields.put("team", orDash(RequestFacts.team(context)));
        fields.put("key", orDash(RequestFacts.keyPrefix(context)));
        fields.put("rows", totalRows);
        fields.put("bytes", bytes);
        fields.put("duration_ms", duration.toMillis());
        StringBuilder line = new StringBuilder();
        // as MDC fields too, so that a JSON log record carries them as its own keys
        fields.forEach((key, value) -> {
            MDC.put(key, String.valueOf(value));
            line.append(line.isEmpty() ? "" : " ").append(key).append('=').append(value);
        });
        try {
            LOG.info(line);
        } finally {
            fields.keySet().forEach(MDC::remove);
        }
    }

    private static String orDash(String value) {
        return value == null ? "-" : value;
    }

    /** Keeps log lines one line and bounded, whatever path a client sends. */
    private static String sanitize(String path) {
        if (path == null) {
            return "-";
        }
        String clean = path.replaceAll("[^\\x21-\\x7E]", "?");
        return clean.length() > 200 ? clean.substring(0, 200) + "…" : clean;
    }
}
