package com.helpdesk.export.assembly;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** The service's own settings, under {@code export.*}. Every one is documented in the README. */
@ConfigMapping(prefix = "export")
public interface ExportSettings {

    /** Rows per resource in one call: 1 to 10,000. */
    @WithDefault("10000")
    int maxRowsPerResource();

    /** The longest a single database statement of an export may run. */
    @WithDefault("30S")
    Duration statementTimeout();

    /** The longest the whole database part of one export may take (every resource, every fetch). */
    @WithDefault("60S")
    Duration readDeadline();

    /**
     * The longest the read of one page may take when it searches for a term no index can serve (no three letters or
     * digits in a row): past it the request is refused as too broad for the team, rather than read the team end to
     * end. At most {@link #statementTimeout()}; unset: 5 s, or the statement timeout when that is shorter.
     */
    Optional<Duration> searchBudget();

    /** The search budget in force: as set, or 5 s (no more than the statement timeout) when unset. */
    default Duration searchBudgetInForce() {
        return searchBudget()
                .orElse(
                        DEFAULT_SEARCH_BUDGET.compareTo(statementTimeout()) < 0
                                ? DEFAULT_SEARCH_BUDGET
                                : statementTimeout());
    }

    /** The search budget when none is set. */
    Duration DEFAULT_SEARCH_BUDGET = Duration.ofSeconds(5);

    /** How long an export waits for a database connection of the export pool before it is "at capacity". */
    @WithDefault("5S")
    Duration capacityWait();

    /** Exports in progress at once, per key and per team, across every instance. */
    Concurrency concurrency();

    interface Concurrency {
        @WithDefault("2")
        int perKey();

        @WithDefault("4")
        int perTeam();

        /** {@code Retry-After} of a refusal over a cap. */
        @WithDefault("2S")
        Duration retryAfter();

        /** How long a lease lives unrenewed: the longest the slot of an instance that died stays taken. */
        @WithDefault("30S")
        Duration leaseTtl();
    }

    /** Where exports are held between reading and sending. */
    Spool spool();

    interface Spool {
        /** The folder under which this instance keeps its spool files; empty: the JVM's temporary folder. */
        Optional<String> directory();

        /** Bytes of one export held in memory before it moves to a file. */
        @WithDefault("1M")
        MemorySize memory();

        /** Bytes of disk the spool files of this instance may take together. */
        @WithDefault("4G")
        MemorySize maxDisk();
    }

    /** The change feed. */
    Changes changes();

    interface Changes {
        /**
         * How long tombstones of deleted rows are kept, and so how long a feed cursor stays usable: an older cursor is
         * answered 410 cursor_expired.
         */
        @WithDefault("35D")
        Duration retention();
    }

    /** The largest request body, in bytes. */
    @WithDefault("65536")
    int maxBodyBytes();

    /** Where the error codes are documented; {@code doc_url} is this plus {@code #<code>}. */
    @WithDefault("https://docs.helpdesk.example/api/export/errors")
    String docsBaseUrl();

    /** Seconds a 503 asks the client to wait before retrying. */
    @WithDefault("5")
    int unavailableRetryAfterSeconds();

    /** Load the deterministic demo dataset at start (it is loaded once; later starts find it). */
    @WithDefault("false")
    boolean demoLoad();

    /** Calls per key per fixed window, shared by every instance through PostgreSQL. */
    RateLimit rateLimit();

    interface RateLimit {
        @WithDefault("1000")
        long secretPerWindow();

        @WithDefault("100")
        long publishablePerWindow();

        @WithDefault("1H")
        Duration window();

        /** How often expired buckets and failure counts are deleted. */
        @WithDefault("10M")
        Duration cleanupInterval();
    }

    /** Failed authentications allowed per client address and window before it is refused with 429. */
    AuthFailures authFailures();

    interface AuthFailures {
        @WithDefault("20")
        int max();

        @WithDefault("10M")
        Duration window();

        /**
         * Client networks this instance remembers as blocked until their window ends (their further failures then
         * cost no statement); 0 remembers none.
         */
        @WithDefault("10000")
        int rememberedAddresses();

        /** Rejected keys (their hashes) this instance remembers, so that repeating one costs no lookup; 0: none. */
        @WithDefault("10000")
        int rejectedKeys();

        /** How long a rejected key is remembered. */
        @WithDefault("1M")
        Duration rejectedKeyTtl();
    }

    /** Health checks on the management interface. */
    Health health();

    interface Health {
        /**
         * How long a check's answer is shared by every probe (each check asks the database at most once per this
         * period, and one probe at a time); zero: every probe asks, still one at a time.
         */
        @WithDefault("1S")
        Duration cache();
    }

    /** The embedded PostgreSQL used when no datasource URL is configured (read by the main class at start). */
    Embedded embedded();

    interface Embedded {
        /** Its data folder; kept between runs. */
        @WithDefault(".data/postgres")
        String dataDir();

        @WithDefault("54329")
        int port();

        /**
         * The prepared demo database a first start copies ({@code assembly.PreparedDemoDatabase}): a folder, or
         * {@code none} to load the demo dataset instead; unset, the build's {@code target/demo-database} beside the
         * running {@code quarkus-run.jar}, when it is there.
         */
        Optional<String> demoDatabase();
    }

    /**
     * Where and as whom export snapshots read. {@code url}: a hot standby of the primary (application.properties
     * points the exports pool at it when set; unset, exports read the primary). {@code username} and
     * {@code password}: the least-privileged role they read as (README, "Database roles"), checked at start; the
     * embedded database sets them itself. Declared here so that a misspelt key fails the start like any other.
     */
    ReadDatasource readDatasource();

    interface ReadDatasource {
        Optional<String> url();

        Optional<String> username();

        Optional<String> password();
    }
}
