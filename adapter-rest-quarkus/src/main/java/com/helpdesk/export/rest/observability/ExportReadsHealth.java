package com.helpdesk.export.rest.observability;

import com.helpdesk.export.rest.RestSettings;
import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import io.quarkus.runtime.Startup;
import io.smallrye.health.api.Wellness;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * Where exports are read, at {@code /q/health/well} and in {@code /q/health}: the database of the
 * exports pool, whether it is a standby (in recovery) and, for a standby, how far its replay is behind the last
 * transaction it received ({@code replayLagMillis}; 0 when it has replayed everything it received). Not a readiness
 * check on purpose: while a standby is unreachable the instance still answers every call in the contract's shape
 * (exports with 503 {@code service_unavailable} and {@code Retry-After}), which a load balancer that took every
 * instance out would not.
 *
 * <p>The answer is shared by every probe for {@code export.health.cache} and asked by one probe at a time
 * ({@link SharedAnswer}): a flood of probes holds at most one connection of the exports pool, the one connection that
 * pool keeps beyond the export reads it serves. Built at start, so that a wrong setting stops the start.
 */
@Wellness
@ApplicationScoped
@Startup
public class ExportReadsHealth implements HealthCheck {

    private static final String STATE = "SELECT pg_is_in_recovery(), CASE WHEN pg_is_in_recovery() THEN "
            + "CASE WHEN pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() THEN 0 ELSE "
            + "coalesce((extract(epoch FROM clock_timestamp() - pg_last_xact_replay_timestamp()) * 1000)::bigint, 0) "
            + "END ELSE 0 END";

    private final AgroalDataSource exports;
    private final SharedAnswer<HealthCheckResponse> answer;

    public ExportReadsHealth(@DataSource("exports") AgroalDataSource exports, RestSettings settings) {
        this.exports = exports;
        this.answer = new SharedAnswer<>(this::ask, settings.healthCache(), System::nanoTime);
    }

    @Override
    public HealthCheckResponse call() {
        return answer.get();
    }

    private HealthCheckResponse ask() {
        try (Connection connection = exports.getConnection();
                Statement statement = connection.createStatement();
                ResultSet state = statement.executeQuery(STATE)) {
            state.next();
            boolean standby = state.getBoolean(1);
            return HealthCheckResponse.named("export-reads")
                    .up()
                    .withData("database", standby ? "standby" : "primary")
                    .withData("replayLagMillis", state.getLong(2))
                    .build();
        } catch (SQLException e) {
            return HealthCheckResponse.named("export-reads")
                    .down()
                    .withData("reason", "the database exports are read from cannot be reached")
                    .build();
        }
    }
}
