package com.helpdesk.export.rest.observability;

import io.agroal.api.AgroalDataSource;
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
 */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    private final AgroalDataSource control;

    public DatabaseReadiness(AgroalDataSource control) {
        this.control = control;
    }

    @Override
    public HealthCheckResponse call() {
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
