package com.helpdesk.export.assembly;

import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.Optional;

/**
 * The launcher's view of the configuration, read before Quarkus starts from the sources Quarkus will read:
 * system properties, environment variables, {@code .env} and {@code config/application.properties} in the working
 * folder, {@code application.properties} on the class path, with profiles ({@code %prod.} unless
 * {@code quarkus.profile} says otherwise). It decides whether a datasource URL is configured, so that the embedded
 * database starts only when none of these names a database. A source this cannot see is caught after the start by
 * {@code EmbeddedDatabaseGuard}, which then stops the service.
 */
final class ConfiguredDatasource {

    static final String URL = "quarkus.datasource.jdbc.url";

    private final SmallRyeConfig config;

    private ConfiguredDatasource(SmallRyeConfig config) {
        this.config = config;
    }

    static ConfiguredDatasource read() {
        String profile = System.getProperty("quarkus.profile");
        if (profile == null || profile.isBlank()) {
            profile = System.getenv("QUARKUS_PROFILE");
        }
        return new ConfiguredDatasource(new SmallRyeConfigBuilder()
                .addDefaultInterceptors()
                .addDefaultSources()
                .withProfile(profile == null || profile.isBlank() ? "prod" : profile)
                .build());
    }

    /** The datasource URL, when one is configured anywhere. */
    Optional<String> url() {
        return value(URL);
    }

    /** A setting, or {@code fallback} when it is not set (or blank). */
    String setting(String name, String fallback) {
        return value(name).orElse(fallback);
    }

    private Optional<String> value(String name) {
        return config.getOptionalValue(name, String.class).filter(value -> !value.isBlank());
    }
}
