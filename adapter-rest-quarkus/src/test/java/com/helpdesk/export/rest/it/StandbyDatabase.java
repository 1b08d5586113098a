package com.helpdesk.export.rest.it;

import com.helpdesk.export.embedded.EmbeddedDatabase;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;

/**
 * A streaming hot standby of an embedded primary, made with nothing but the embedded binaries (zonky ships
 * {@code initdb}, {@code pg_ctl} and {@code postgres}, not {@code pg_basebackup}): a physical replication slot
 * that keeps the primary's WAL from now on, a base backup taken with PostgreSQL's low-level backup functions
 * ({@code pg_backup_start}, a copy of the data directory, {@code pg_backup_stop}'s backup label), then
 * {@code standby.signal} and {@code primary_conninfo}, and the copy started as a server of its own. The standby
 * streams from the slot and replays continuously; it takes read-only connections once consistent.
 */
final class StandbyDatabase {

    private static final String SLOT = "export_standby";
    /** Left out of the copy: the primary's process files and zonky's lock, WAL (streamed instead), slots. */
    private static final Set<String> SKIPPED = Set.of(
            "postmaster.pid",
            "postmaster.opts",
            "epg-lock",
            "pg_wal",
            "pg_replslot",
            "pg_stat_tmp",
            "backup_label",
            "tablespace_map");

    private StandbyDatabase() {}

    static EmbeddedDatabase of(EmbeddedDatabase primary, Path directory) throws IOException, SQLException {
        try (Connection connection = primary.dataSource().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("SELECT pg_create_physical_replication_slot('" + SLOT + "', true)");
            statement.execute("SELECT pg_backup_start('export standby', true)");
            copy(primary.dataDirectory(), directory);
            String label;
            String tablespaces;
            try (ResultSet stop = statement.executeQuery("SELECT labelfile, spcmapfile FROM pg_backup_stop(false)")) {
                stop.next();
                label = stop.getString(1);
                tablespaces = stop.getString(2);
            }
            Files.writeString(directory.resolve("backup_label"), label);
            if (tablespaces != null && !tablespaces.isEmpty()) {
                Files.writeString(directory.resolve("tablespace_map"), tablespaces);
            }
        }
        Files.createDirectories(directory.resolve("pg_wal/archive_status"));
        Files.createDirectories(directory.resolve("pg_replslot"));
        Files.createDirectories(directory.resolve("pg_stat_tmp"));
        Files.createFile(directory.resolve("standby.signal"));
        Files.writeString(
                directory.resolve("postgresql.auto.conf"),
                String.join(
                        "\n",
                        "primary_conninfo = 'host=localhost port=" + primary.port() + " user=" + primary.username()
                                + " password=" + primary.password() + " application_name=export_standby'",
                        "primary_slot_name = '" + SLOT + "'",
                        "hot_standby = on",
                        // an export's snapshot is not cancelled by the primary's cleanup of rows it still sees
                        "hot_standby_feedback = on",
                        ""));
        Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
        return EmbeddedDatabase.start(directory, 0);
    }

    private static void copy(Path from, Path to) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) throws IOException {
                if (!dir.equals(from) && SKIPPED.contains(dir.getFileName().toString())) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                Files.createDirectories(to.resolve(from.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                if (!SKIPPED.contains(file.getFileName().toString())) {
                    try {
                        Files.copy(
                                file, to.resolve(from.relativize(file).toString()), StandardCopyOption.COPY_ATTRIBUTES);
                    } catch (NoSuchFileException e) {
                        // removed by the running primary while copying: the WAL replay from the backup's start
                        // recreates whatever it needs
                    }
                }
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
