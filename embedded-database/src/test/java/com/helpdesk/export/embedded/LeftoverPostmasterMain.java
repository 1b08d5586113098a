package com.helpdesk.export.embedded;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;

/**
 * Run in a child JVM by {@link EmbeddedDatabaseTest}: starts a persistent embedded database, writes a row, keeps
 * a connection open like a running application, prints {@code READY <postmaster pid>}, and waits to be killed.
 */
public final class LeftoverPostmasterMain {

    private LeftoverPostmasterMain() {}

    public static void main(String[] args) throws Exception {
        Path directory = Path.of(args[0]);
        int port = Integer.parseInt(args[1]);
        EmbeddedDatabase database = EmbeddedDatabase.start(directory, port);
        try (Connection connection = database.dataSource().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS survivor (note text)");
            statement.execute("INSERT INTO survivor VALUES ('written before kill -9')");
        }
        Connection open = database.dataSource().getConnection();
        open.setAutoCommit(false);
        try (Statement statement = open.createStatement()) {
            statement.execute("SELECT count(*) FROM survivor");
        }
        long pid = LeftoverPostmaster.readPid(directory.resolve(LeftoverPostmaster.PID_FILE))
                .orElseThrow();
        System.out.println("READY " + pid);
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
