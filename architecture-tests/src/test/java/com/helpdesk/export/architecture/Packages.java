package com.helpdesk.export.architecture;

/** The packages the rules speak about. */
final class Packages {

    static final String ROOT = "com.helpdesk.export";

    static final String DOMAIN = ROOT + ".domain..";
    static final String DOMAIN_PORT = ROOT + ".domain.port";
    static final String APPLICATION = ROOT + ".application..";
    static final String APPLICATION_SERVICE = ROOT + ".application.service..";

    static final String CSV = ROOT + ".csv..";
    static final String PERSISTENCE = ROOT + ".persistence..";
    static final String SPOOL = ROOT + ".spool..";
    static final String JSON = ROOT + ".json..";
    /** The wire-text writers both serializers share. */
    static final String TEXT = ROOT + ".text..";
    static final String REST = ROOT + ".rest..";

    /** Where the ports' implementations live. */
    static final String[] ADAPTERS = {CSV, JSON, PERSISTENCE, SPOOL, REST};

    /** Frameworks and technologies the core (domain and application) must not touch. */
    static final String[] FORBIDDEN_IN_CORE = {"jakarta..", "javax..", "io.quarkus..", "com.fasterxml..",
            "org.jboss..", "java.sql.."};

    private Packages() {
    }
}
