package com.helpdesk.export.assembly;

import com.helpdesk.export.embedded.EmbeddedDatabase;
import com.helpdesk.export.persistence.jdbc.read.ExportReadRole;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Starts the service. A configured database (a datasource URL in any source Quarkus reads, see
 * {@link ConfiguredDatasource}) is used, or the service fails: it is never replaced by another. Only when no source
 * names one does it first start an embedded PostgreSQL on a persistent folder ({@code .data/postgres} by default; a
 * server left over from a killed run is stopped first) and load the demo dataset, unless
 * {@code EXPORT_DEMO_LOAD=false}. At the first start (no cluster in that folder yet) the folder is a copy of the demo
 * database the build prepared, when there is one ({@link PreparedDemoDatabase}); the load then finds the dataset.
 */
@QuarkusMain
public final class ExportServiceMain {

    private static final String READ_URL = "export.read-datasource.url";
    private static final String READ_USERNAME = "export.read-datasource.username";
    private static final String READ_PASSWORD = "export.read-datasource.password";
    private static final String HTTP_HOST = "quarkus.http.host";
    private static final String LOOPBACK = "127.0.0.1";
    /** The login role the embedded database's export snapshots read as, and the name of its kept password. */
    static final String EMBEDDED_READER = "helpdesk_export_reader";

    private static final String EMBEDDED_READER_SECRET = "export-reader";
    private static final String APPCDS_TRAINING = "quarkus.appcds.generate";

    /** zonky's logger, held so that the level set on it stays (the log manager keeps loggers weakly). */
    private static final Logger EMBEDDED_SERVER_LOG = Logger.getLogger("io.zonky.test.db.postgres");

    private ExportServiceMain() {}

    public static void main(String... args) {
        if (Boolean.getBoolean(APPCDS_TRAINING)) {
            // the build's AppCDS training run (quarkus.package.jar.appcds.enabled): Quarkus stops itself after its
            // static initialisation; no database is started or loaded for it
            Quarkus.run(args);
            return;
        }
        ConfiguredDatasource configuration = ConfiguredDatasource.read();
        Optional<String> url = configuration.url();
        Path dataDirectory = Path.of(configuration.setting("export.embedded.data-dir", ".data/postgres"));
        int port = Integer.parseInt(configuration.setting("export.embedded.port", "54329"));
        if (args.length > 0 && args[0].equals("admin")) {
            // "admin <command>": teams, members and keys on the service's database, found as below (the embedded
            // one is used in place if the service runs it, else started for the command), opened only for a valid
            // command line and migrated first. No HTTP server starts.
            AdminDatabase admin = url.isPresent()
                    ? AdminDatabase.configured(
                            url.get(),
                            configuration.setting("quarkus.datasource.username", null),
                            configuration.setting("quarkus.datasource.password", null),
                            System.err)
                    : AdminDatabase.embedded(dataDirectory, port, System.err);
            System.exit(AdminLauncher.run(
                    Arrays.copyOfRange(args, 1, args.length), admin, Clock.systemUTC(), System.out, System.err));
        }
        if (url.isEmpty() && configuration.setting(READ_URL, null) != null) {
            // a standby of which primary? Never the embedded database's: refuse rather than guess
            System.err.println("export.read-datasource.url names a standby, but no primary is configured "
                    + "(quarkus.datasource.jdbc.url): refusing to start.");
            System.exit(1);
        }
        EmbeddedDatabase database = null;
        if (url.isEmpty()) {
            System.out.printf(
                    "No database configured: starting embedded PostgreSQL in %s on port %d%n",
                    dataDirectory.toAbsolutePath(), port);
            boolean demoLoad = !"false".equalsIgnoreCase(configuration.setting("export.demo-load", "true"));
            boolean copied = demoLoad
                    && copyPreparedDemoDatabase(
                            configuration.setting(PreparedDemoDatabase.SETTING, null),
                            dataDirectory,
                            System.getProperty("java.class.path"));
            // the embedded server's own start-up (twenty-odd lines of binaries found, postmaster started, ready)
            // would stand between the command and the demo's keys: only its warnings and errors are shown
            EMBEDDED_SERVER_LOG.setLevel(Level.WARNING);
            database = EmbeddedDatabase.startStandalone(dataDirectory, port);
            if (copied) {
                // every copy of one build's folder would otherwise share its superuser's password
                database.renewPassword();
            }
            System.setProperty("quarkus.datasource.jdbc.url", database.jdbcUrl());
            System.setProperty("quarkus.datasource.username", database.username());
            System.setProperty("quarkus.datasource.password", database.password());
            System.setProperty(EmbeddedDatabaseGuard.EMBEDDED_URL, database.jdbcUrl());
            // export snapshots read as a role that may read the exported tables and nothing else
            String readerPassword = database.storedSecret(EMBEDDED_READER_SECRET);
            ExportReadRole.provideLogin(database.dataSource(), EMBEDDED_READER, readerPassword);
            System.setProperty(READ_USERNAME, EMBEDDED_READER);
            System.setProperty(READ_PASSWORD, readerPassword);
            if (configuration.setting("export.demo-load", null) == null) {
                System.setProperty("export.demo-load", "true");
            }
            if (configuration.setting(HTTP_HOST, null) == null) {
                // the demo's keys are public: its API answers this machine only, unless told otherwise
                System.setProperty(HTTP_HOST, LOOPBACK);
                System.out.printf(
                        "The embedded demo listens on %s only; set %s (e.g. QUARKUS_HTTP_HOST=0.0.0.0) to open it.%n",
                        LOOPBACK, HTTP_HOST);
            }
        }
        try {
            Quarkus.run(args);
        } finally {
            if (database != null) {
                database.close();
            }
        }
    }

    /**
     * A first start (no cluster in the data directory yet) copies the build's prepared demo database, when there is
     * one, instead of creating a cluster and loading the dataset into it (see {@link PreparedDemoDatabase}); answers
     * whether it did.
     */
    private static boolean copyPreparedDemoDatabase(String setting, Path dataDirectory, String classPath) {
        Optional<Path> prepared = PreparedDemoDatabase.find(setting, classPath);
        if (prepared.isEmpty()) {
            return false;
        }
        long start = System.nanoTime();
        if (!PreparedDemoDatabase.copyIfFresh(prepared.get(), dataDirectory)) {
            return false;
        }
        System.out.printf(
                "First start: copied the demo database the build prepared (%s) in %d ms%n",
                prepared.get().toAbsolutePath().normalize(), (System.nanoTime() - start) / 1_000_000);
        return true;
    }
}
