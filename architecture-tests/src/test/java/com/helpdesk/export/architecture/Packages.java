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
    /** The wire-text writers both serializers share. */
    static final String TEXT = ROOT + ".text..";

    static final String REST = ROOT + ".rest..";
    /** The REST module's start-up: the main class, the admin wiring, the CDI producers. */
    static final String REST_LAUNCH = ROOT + ".rest.launch..";

    static final String REST_CONFIG = ROOT + ".rest.config..";
    /** The admin command line, a driving adapter. */
    static final String CLI = ROOT + ".cli..";
    /** Development support: embedded PostgreSQL, demo dataset. Not an adapter: used by the launcher and tests. */
    static final String DEV = ROOT + ".dev..";

    /** Where the ports' implementations (and the driving adapters) live. */
    static final String[] ADAPTERS = {CSV, JSON, PERSISTENCE, SPOOL, REST, CLI};

    /** Everything an export runs through; none of it may reach the CLI or the development support. */
    static final String[] EXPORT_PATH = {DOMAIN, APPLICATION, CSV, JSON, TEXT, SPOOL, PERSISTENCE, REST};

    /** Frameworks and technologies the core (domain and application) must not touch. */
    static final String[] FORBIDDEN_IN_CORE = {
        "jakarta..", "javax..", "io.quarkus..", "com.fasterxml..", "org.jboss..", "java.sql.."
    };

    private Packages() {}
}
