package com.helpdesk.export.assembly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.helpdesk.export.demo.DemoDataset;
import com.helpdesk.export.demo.DemoLoader;
import com.helpdesk.export.embedded.EmbeddedDatabase;
import com.helpdesk.export.rest.TestSql;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PreparedDemoDatabaseTest {

    @TempDir
    Path temp;

    @Test
    void aCopyOfThePreparedDatabaseStartsWithTheDemoDatasetAndLeavesThePreparedOneAsItWas() throws Exception {
        Path prepared = temp.resolve("target").resolve("demo-database");
        Files.createDirectories(prepared.getParent());
        PreparedDemoDatabase.build(prepared);
        assertThat(prepared.resolve("PG_VERSION")).isRegularFile();
        assertThat(prepared.resolve("postmaster.pid")).as("shut down").doesNotExist();
        assertThat(prepared.resolveSibling("demo-database.building")).doesNotExist();
        long preparedFiles = fileCount(prepared);

        for (String name : new String[] {"first", "second"}) {
            Path data = temp.resolve(name).resolve("postgres");
            assertThat(PreparedDemoDatabase.copyIfFresh(prepared, data)).isTrue();
            assertThat(Files.getPosixFilePermissions(data)).isEqualTo(PosixFilePermissions.fromString("rwx------"));
            assertThat(data.resolve("epg-lock")).doesNotExist();
            try (EmbeddedDatabase database = EmbeddedDatabase.startStandalone(data, 0)) {
                DataSource source = database.dataSource();
                assertThat(DemoLoader.isLoaded(source)).isTrue();
                assertThat(count(
                                source,
                                "SELECT count(*) FROM tickets WHERE team_id = '" + DemoDataset.DEMO_TEAM_ID
                                        + "' AND mode = 'live'"))
                        .isEqualTo(DemoDataset.DEMO_LIVE_TICKETS);
                assertThat(count(
                                source,
                                "SELECT count(*) FROM customers WHERE team_id = '" + DemoDataset.OTHER_TEAM_ID
                                        + "' AND mode = 'test'"))
                        .isEqualTo(DemoDataset.OTHER_TEST_CUSTOMERS);
                assertThat(count(source, "SELECT count(*) FROM messages"))
                        .isPositive()
                        .isEqualTo(count(source, "SELECT sum(message_count) FROM tickets"));
                assertThat(count(source, "SELECT count(*) FROM flyway_schema_history WHERE NOT success"))
                        .isZero();
            }
            // the folder is the copy's own: the prepared one was not started, nor changed
            assertThat(prepared.resolve("postmaster.pid")).doesNotExist();
            assertThat(fileCount(prepared)).isEqualTo(preparedFiles);
        }
    }

    @Test
    void onlyAMissingOrEmptyDataDirectoryIsFilledAndAnExistingClusterIsNeverReplaced() throws IOException {
        Path prepared = fakeCluster(temp.resolve("prepared"), "prepared");

        Path missing = temp.resolve("new").resolve("postgres");
        assertThat(PreparedDemoDatabase.copyIfFresh(prepared, missing)).isTrue();
        assertThat(missing.resolve("PG_VERSION")).hasContent("prepared");
        assertThat(missing.resolve("base").resolve("1").resolve("table")).hasContent("rows");
        assertThat(missing.resolve("epg-lock"))
                .as("the lock of the process that ran it")
                .doesNotExist();

        Path empty = Files.createDirectories(temp.resolve("empty"));
        assertThat(PreparedDemoDatabase.copyIfFresh(prepared, empty)).isTrue();
        assertThat(empty.resolve("PG_VERSION")).hasContent("prepared");

        Path existing = fakeCluster(temp.resolve("existing"), "mine");
        assertThat(PreparedDemoDatabase.copyIfFresh(prepared, existing)).isFalse();
        assertThat(existing.resolve("PG_VERSION")).hasContent("mine");
        assertThat(existing.resolve("base")).doesNotExist();

        Path file = Files.writeString(temp.resolve("a-file"), "not a folder");
        assertThat(PreparedDemoDatabase.copyIfFresh(prepared, file)).isFalse();
        assertThat(file).hasContent("not a folder");

        try (Stream<Path> left = Files.list(temp)) {
            assertThat(left.map(path -> path.getFileName().toString())).noneMatch(name -> name.contains("copying"));
        }
    }

    @Test
    void theBuildsFolderIsFoundBesideTheRunningJarOrWhereTheSettingSays() throws IOException {
        Path target = temp.resolve("target");
        Path app = Files.createDirectories(target.resolve("quarkus-app"));
        String jar = app.resolve("quarkus-run.jar").toString();
        assertThat(PreparedDemoDatabase.find(null, jar)).as("no folder built").isEmpty();

        Path beside = fakeCluster(target.resolve("demo-database"), "15");
        assertThat(PreparedDemoDatabase.find(null, jar)).contains(beside);
        assertThat(PreparedDemoDatabase.find(null, app.resolve("other.jar").toString()))
                .as("not the packaged service")
                .isEmpty();
        assertThat(PreparedDemoDatabase.find(null, jar + File.pathSeparator + "more.jar"))
                .as("a class path of many entries: tests, an IDE")
                .isEmpty();
        assertThat(PreparedDemoDatabase.find(null, null)).isEmpty();

        assertThat(PreparedDemoDatabase.find("none", jar))
                .as("the setting turns it off")
                .isEmpty();
        Path elsewhere = fakeCluster(temp.resolve("elsewhere"), "15");
        assertThat(PreparedDemoDatabase.find(elsewhere.toString(), jar)).isEqualTo(Optional.of(elsewhere));
        Path nothing = Files.createDirectories(temp.resolve("nothing"));
        assertThatThrownBy(() -> PreparedDemoDatabase.find(nothing.toString(), jar))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("export.embedded.demo-database")
                .hasMessageContaining("holds no prepared database");
    }

    private static Path fakeCluster(Path folder, String version) throws IOException {
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("PG_VERSION"), version);
        if (version.equals("prepared")) {
            Files.writeString(
                    Files.createDirectories(folder.resolve("base").resolve("1")).resolve("table"), "rows");
            Files.writeString(folder.resolve("epg-lock"), "");
        }
        return folder;
    }

    private static long fileCount(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.count();
        }
    }

    private static long count(DataSource source, String sql) {
        return TestSql.count(source, sql);
    }
}
