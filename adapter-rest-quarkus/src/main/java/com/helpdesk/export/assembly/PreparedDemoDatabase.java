package com.helpdesk.export.assembly;

import com.helpdesk.export.demo.DemoLoader;
import com.helpdesk.export.embedded.EmbeddedDatabase;
import com.helpdesk.export.persistence.jdbc.SchemaMigrations;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The embedded database with the demo dataset, prepared by the build so that the service's first start copies it
 * instead of loading the dataset (a copy takes a fraction of a second, the load seconds). The package build makes it
 * ({@link #main}, run by the exec plugin in {@code adapter-rest-quarkus/pom.xml}) in
 * {@code target/demo-database}, beside {@code target/quarkus-app}: a cluster that the build's own embedded server
 * created, migrated with the build's migrations, loaded with {@link DemoLoader#load} and shut down cleanly. It is
 * the same cluster, rows and password file that a first start would otherwise make, and it is only ever copied,
 * never started in place, so that it stays as the build left it.
 *
 * <p>Only for the embedded database (no datasource configured) with the demo load on, and only into a data
 * directory that does not exist or is empty: an existing cluster is never replaced. Without the folder (a build that
 * skipped it, a Docker image, {@code export.embedded.demo-database=none}) the first start loads the dataset as
 * before. The migrations still run at start (Quarkus' Flyway), so a folder of an older schema is brought up to date.
 */
public final class PreparedDemoDatabase {

    /** The setting that names the folder to copy, or {@value #NONE} for a load at the first start. */
    public static final String SETTING = "export.embedded.demo-database";

    public static final String NONE = "none";

    /** The folder's name, beside the build's {@code quarkus-app} folder. */
    static final String FOLDER = "demo-database";

    /** Files of a stopped server that belong to the process that ran it, not to the cluster. */
    private static final Set<String> NOT_COPIED = Set.of("epg-lock", "postmaster.pid", "postmaster.opts");

    private PreparedDemoDatabase() {}

    /**
     * The build step: makes the folder given as the only argument (replacing an earlier one, only once the new one
     * is complete).
     */
    public static void main(String... args) {
        if (args.length != 1) {
            System.err.println("usage: PreparedDemoDatabase <folder>");
            System.exit(2);
        }
        long start = System.nanoTime();
        Path folder = Path.of(args[0]).toAbsolutePath();
        build(folder);
        System.out.printf(
                "Prepared the demo database in %s (%d ms)%n", folder, (System.nanoTime() - start) / 1_000_000);
    }

    /**
     * Makes {@code folder}: a new cluster on a free port, migrated and loaded, shut down; built beside it and moved
     * into place when complete, so that an interrupted build leaves the earlier folder (or none), never half of one.
     */
    static void build(Path folder) {
        Path building = folder.resolveSibling(folder.getFileName() + ".building");
        deleteTree(building);
        try (EmbeddedDatabase database = EmbeddedDatabase.startStandalone(building, 0)) {
            SchemaMigrations.migrate(database.dataSource());
            DemoLoader.load(database.dataSource());
        }
        deleteTree(folder);
        try {
            Files.move(building, folder, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not move the demo database into " + folder, e);
        }
    }

    /**
     * The folder to copy at a first start: the one {@link #SETTING} names, {@link Optional#empty()} for
     * {@value #NONE}, or else the build's, found beside the running {@code quarkus-run.jar}
     * ({@code target/quarkus-app/../demo-database}) when it is there. A folder that is named but holds no cluster
     * is an error: the setting was meant.
     */
    static Optional<Path> find(String setting, String classPath) {
        if (setting != null) {
            if (setting.equals(NONE)) {
                return Optional.empty();
            }
            Path named = Path.of(setting);
            if (!holdsCluster(named)) {
                throw new IllegalStateException(SETTING + " names " + named.toAbsolutePath()
                        + ", which holds no prepared database (set it to " + NONE + " to load the demo dataset)");
            }
            return Optional.of(named);
        }
        if (classPath == null || classPath.contains(java.io.File.pathSeparator)) {
            return Optional.empty();
        }
        Path jar = Path.of(classPath).toAbsolutePath();
        Path app = jar.getParent();
        if (!jar.getFileName().toString().equals("quarkus-run.jar") || app == null || app.getParent() == null) {
            return Optional.empty();
        }
        Path beside = app.getParent().resolve(FOLDER);
        return holdsCluster(beside) ? Optional.of(beside) : Optional.empty();
    }

    /**
     * Copies {@code prepared} to {@code dataDirectory} when that does not exist or is an empty directory; answers
     * whether it did. The copy is made beside it and moved into place when complete. When another process put a
     * cluster there meanwhile, that one is kept and the copy dropped.
     */
    static boolean copyIfFresh(Path prepared, Path dataDirectory) {
        Path target = dataDirectory.toAbsolutePath();
        if (!isMissingOrEmpty(target)) {
            return false;
        }
        Path copying = target.resolveSibling("." + target.getFileName() + ".copying-"
                + ProcessHandle.current().pid());
        try {
            Files.createDirectories(target.getParent());
            deleteTree(copying);
            copyTree(prepared, copying);
            if (Files.isDirectory(target)) {
                Files.delete(target); // empty, checked above
            }
            Files.move(copying, target, StandardCopyOption.ATOMIC_MOVE);
            return true;
        } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
            deleteTree(copying);
            return false;
        } catch (IOException e) {
            deleteTree(copying);
            throw new UncheckedIOException("Could not copy the prepared demo database to " + target, e);
        }
    }

    private static boolean holdsCluster(Path folder) {
        return Files.isRegularFile(folder.resolve("PG_VERSION"));
    }

    private static boolean isMissingOrEmpty(Path directory) {
        if (!Files.exists(directory, LinkOption.NOFOLLOW_LINKS)) {
            return true;
        }
        if (!Files.isDirectory(directory)) {
            return false;
        }
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.findAny().isEmpty();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + directory, e);
        }
    }

    /** Files and folders with their permissions (PostgreSQL requires 0700 on the cluster's folder). */
    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path source : (Iterable<Path>) paths::iterator) {
                Path relative = from.relativize(source);
                if (relative.getNameCount() == 1
                        && (NOT_COPIED.contains(relative.toString())
                                || relative.toString().endsWith(".secret"))) {
                    // the process's files, and the secrets of roles made in the cluster: each copy makes its own
                    continue;
                }
                Files.copy(source, to.resolve(relative.toString()), StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + root, e);
        }
    }
}
