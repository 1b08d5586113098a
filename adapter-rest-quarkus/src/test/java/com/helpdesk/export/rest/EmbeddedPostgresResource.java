package com.helpdesk.export.rest;

import com.helpdesk.export.persistence.jdbc.embedded.EmbeddedDatabase;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/** Starts a real PostgreSQL (embedded, temporary) for the Quarkus tests and points the datasource at it. */
public class EmbeddedPostgresResource implements QuarkusTestResourceLifecycleManager {

    private EmbeddedDatabase database;

    @Override
    public Map<String, String> start() {
        database = EmbeddedDatabase.startTemporary();
        return Map.of(
                "quarkus.datasource.jdbc.url", database.jdbcUrl(),
                "quarkus.datasource.username", database.username(),
                "quarkus.datasource.password", database.password(),
                "export.demo-load", "true");
    }

    @Override
    public void stop() {
        if (database != null) {
            database.close();
        }
    }
}
