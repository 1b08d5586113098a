package com.helpdesk.export.rest.observability;

import com.helpdesk.export.rest.RestSettings;
import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness: the database answers a trivial query through the control pool (the pool of key checks and rate limits,
 * which exports never use). Its connections carry a socket timeout, a login timeout and a statement timeout
 * (application.properties), so that a database that stopped answering makes this DOWN within seconds instead of
 * hanging the probe; it is UP again as soon as the database answers, without a restart.
 *
 * <p>The answer is shared by every probe for {@code export.health.cache} and asked by one probe at a time
 * ({@link SharedAnswer}): a flood of probes holds at most one connection of the control pool, which keeps one
 * connection beyond what calls need for it. Built at start, so that a wrong setting stops the start.
 */
@Readiness
@ApplicationScoped
@Startup
public class DatabaseReadiness implements HealthCheck {

    private final AgroalDataSource control;
    private final SharedAnswer<HealthCheckResponse> answer;

    public DatabaseReadiness(AgroalDataSource control, RestSettings settings) {
        this.control = control;
        this.answer = new SharedAnswer<>(this::ask, settings.healthCache(), System::nanoTime);
    }

    @Override
    public HealthCheckResponse call() {
        return answer.get();
    }

    private HealthCheckResponse ask() {
        long start = System.nanoTime();
        try (Connection connection = control.getConnection();
                Statement statement = connection.createStatement();
                ResultSet answer = statement.executeQuery("SELECT 1")) {
            answer.next();
            return HealthCheckResponse.named("database")
                    .up()
                    .withData("millis", (System.nanoTime() - start) / 1_000_000)
                    .build();
        } catch (SQLException e) {
            return HealthCheckResponse.named("database")
                    .down()
                    .withData("reason", "the database cannot be reached")
                    .withData("millis", (System.nanoTime() - start) / 1_000_000)
                    .build();
        }
    }
}
