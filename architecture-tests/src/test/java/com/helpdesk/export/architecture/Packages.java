package com.helpdesk.export.architecture;

/** The packages the rules speak about. */
final class Packages {

    static final String ROOT = "com.helpdesk.export";

    static final String DOMAIN = ROOT + ".domain..";
    static final String DOMAIN_PORT = ROOT + ".domain.port";
    static final String APPLICATION = ROOT + ".application..";
    static final String APPLICATION_SERVICE = ROOT + ".application.service..";
    /** The use cases and their records: all a driving adapter may use of the application. */
    static final String APPLICATION_PORT_IN = ROOT + ".application.port.in..";

    static final String CSV = ROOT + ".csv..";
    static final String PERSISTENCE = ROOT + ".persistence..";
    static final String SPOOL = ROOT + ".spool..";
    static final String JSON = ROOT + ".json..";
    /** NDJSON: the one adapter that uses another, the JSON adapter's record writer. */
    static final String NDJSON = ROOT + ".ndjson..";

    static final String XLSX = ROOT + ".xlsx..";
    /** The wire-text writers the serializers share: not an adapter, a library of theirs. */
    static final String WIRE_TEXT = ROOT + ".wiretext..";

    /** The REST adapter: the export's HTTP API and its observability. */
    static final String REST = ROOT + ".rest..";
    /** The admin command line, a driving adapter. */
    static final String CLI = ROOT + ".cli..";

    /** The service's assembly: CDI producers, settings, start-up, the admin command's wiring. */
    static final String ASSEMBLY = ROOT + ".assembly..";
    /** The embedded PostgreSQL: the demo's and the tests' server. */
    static final String EMBEDDED = ROOT + ".embedded..";
    /** The demo data: teams, members, keys and rows the demo and the tests run on. */
    static final String DEMO = ROOT + ".demo..";
    /** The measuring harness: drives the service and its parts, nothing depends on it. */
    static final String BENCHMARKS = ROOT + ".benchmarks..";

    /** Where the ports' implementations (and the driving adapters) live. */
    static final String[] ADAPTERS = {CSV, JSON, NDJSON, XLSX, PERSISTENCE, SPOOL, REST, CLI};

    /** Everything an export runs through; none of it may reach the CLI, the embedded database or the demo data. */
    static final String[] EXPORT_PATH = {
        DOMAIN, APPLICATION, CSV, JSON, NDJSON, XLSX, WIRE_TEXT, SPOOL, PERSISTENCE, REST
    };

    /** Frameworks and technologies the core (domain and application) must not touch. */
    static final String[] FORBIDDEN_IN_CORE = {
        "jakarta..", "javax..", "io.quarkus..", "com.fasterxml..", "org.jboss..", "java.sql.."
    };

    private Packages() {}
}
