package io.notionbridge.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL server of one test's own, on a free loopback port and in a temporary data directory, that the test may
 * stop and start again: what an operator's {@code pg_ctl stop} or a database restart does to the bridge, without
 * touching the shared server the other tests use. It is made with the {@code initdb} and {@code pg_ctl} of the local
 * installation ({@code -Dtest.pg.bindir}, else the newest {@code /usr/lib/postgresql/<version>/bin}, else the
 * {@code PATH}); PostgreSQL refuses to run as root, so under root they run as the {@code postgres} user.
 */
public final class PrivatePostgres implements AutoCloseable {

    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(60);

    private final Path bin;
    private final Path dir;
    private final int port;
    private boolean running;

    private PrivatePostgres(Path bin, Path dir, int port) {
        this.bin = bin;
        this.dir = dir;
        this.port = port;
    }

    /** Creates the server's data directory and starts it; fails with the reason when PostgreSQL is not installed. */
    public static PrivatePostgres start() throws IOException {
        Path bin = binDir().orElseThrow(() -> new IllegalStateException("PostgreSQL server programs (initdb, pg_ctl) "
                + "not found in /usr/lib/postgresql/*/bin or on the PATH; install PostgreSQL or set -Dtest.pg.bindir"));
        Path dir = Files.createTempDirectory("nb-private-pg-");
        PrivatePostgres pg = new PrivatePostgres(bin, dir.resolve("data"), BridgeRouteTestSupport.freePort());
        if (runsAsRoot()) {
            run(List.of("chown", "postgres:postgres", dir.toString()));
        }
        pg.pg("initdb", "-D", pg.dir.toString(), "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync");
        pg.startServer();
        return pg;
    }

    /** Where {@code initdb} and {@code pg_ctl} are, if PostgreSQL is installed here. */
    public static Optional<Path> binDir() {
        String configured = System.getProperty("test.pg.bindir", "");
        if (!configured.isBlank()) {
            return Optional.of(Path.of(configured)).filter(p -> Files.isExecutable(p.resolve("initdb")));
        }
        Path versions = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(versions)) {
            try (Stream<Path> s = Files.list(versions)) {
                Optional<Path> newest = s.map(v -> v.resolve("bin")).filter(p -> Files.isExecutable(p.resolve("initdb")))
                        .max(Comparator.comparing(p -> versionOf(p.getParent().getFileName().toString())));
                if (newest.isPresent()) {
                    return newest;
                }
            } catch (IOException e) {
                // fall through to the PATH
            }
        }
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                .filter(d -> !d.isBlank()).map(Path::of).filter(p -> Files.isExecutable(p.resolve("initdb"))).findFirst();
    }

    private static int versionOf(String name) {
        try {
            return Integer.parseInt(name.replaceAll("\\D.*$", ""));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** The JDBC URL of the server's {@code postgres} database (user {@code postgres}, trust auth). */
    public String url() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=postgres";
    }

    /** A new connection (not pooled, so that none is left over from before a restart). */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url());
    }

    public boolean running() {
        return running;
    }

    /** Stops the server as {@code pg_ctl stop -m fast} does: open sessions are ended (57P01) and new ones refused. */
    public void stop() throws IOException {
        pg("pg_ctl", "-D", dir.toString(), "-m", "fast", "-w", "stop");
        running = false;
    }

    /** Starts the server again on the same port and data, and waits until it accepts connections. */
    public void startServer() throws IOException {
        pg("pg_ctl", "-D", dir.toString(), "-w", "-t", "60", "-l", dir.resolveSibling("server.log").toString(),
                "-o", "-p " + port + " -k " + dir.getParent() + " -c listen_addresses=127.0.0.1 -c fsync=off", "start");
        running = true;
    }

    @Override
    public void close() throws IOException {
        try {
            if (running) {
                pg("pg_ctl", "-D", dir.toString(), "-m", "immediate", "-w", "stop");
                running = false;
            }
        } finally {
            try (Stream<Path> files = Files.walk(dir.getParent())) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private void pg(String program, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        if (runsAsRoot()) {
            command.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        command.add(bin.resolve(program).toString());
        command.addAll(List.of(args));
        run(command);
    }

    private static boolean runsAsRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    /** Runs {@code command}; its output goes to a file (the server {@code pg_ctl start} leaves running keeps its pipes). */
    private static void run(List<String> command) throws IOException {
        Path out = Files.createTempFile("nb-private-pg-", ".out");
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
            try {
                if (!p.waitFor(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    throw new IOException("timed out after " + COMMAND_TIMEOUT + ": " + String.join(" ", command));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted: " + String.join(" ", command), e);
            }
            if (p.exitValue() != 0) {
                throw new IOException(String.join(" ", command) + " failed (exit " + p.exitValue() + "): "
                        + Files.readString(out).strip());
            }
        } finally {
            Files.deleteIfExists(out);
        }
    }
}
