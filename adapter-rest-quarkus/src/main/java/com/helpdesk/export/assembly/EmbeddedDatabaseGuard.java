package com.helpdesk.export.assembly;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * The last line against a silent fallback to the embedded database: when the launcher started it (it names it in
 * {@value #EMBEDDED_URL}), no configuration source other than the system properties the launcher set may name a
 * datasource, not even one the launcher could not read. If one does, the service refuses to start, saying which.
 */
@ApplicationScoped
public class EmbeddedDatabaseGuard {

    /** Set by the launcher to the URL of the embedded database it started. */
    public static final String EMBEDDED_URL = "helpdesk.launcher.embedded-url";

    private static final String URL = "quarkus.datasource.jdbc.url";
    /** A standby to read exports from: a standby of the embedded database is no more allowed. */
    private static final String READ_URL = "export.read-datasource.url";

    void check(@Observes @Priority(1) StartupEvent event, Config config) {
        String embedded = System.getProperty(EMBEDDED_URL);
        if (embedded == null) {
            return;
        }
        for (ConfigSource source : config.getConfigSources()) {
            if (source.getName().startsWith("SysPropConfigSource")) {
                continue;
            }
            for (String name : source.getPropertyNames()) {
                if (name.equals(URL)
                        || name.endsWith("." + URL) && name.startsWith("%")
                        || name.equals(READ_URL)
                        || name.endsWith("." + READ_URL) && name.startsWith("%")) {
                    throw new IllegalStateException("A datasource is configured in " + source.getName()
                            + " but the embedded database was started instead: refusing to run on it. Remove the "
                            + "setting to use the embedded database, or make it visible to the launcher.");
                }
            }
        }
    }
}
