package io.notionbridge.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged jar started as a separate process, as a user runs it ({@code java -jar target/notion-bridge.jar}),
 * from the project root so that {@code routes/} and {@code application.properties} are found.
 */
public final class BridgeProcess implements AutoCloseable {

    private final Process process;
    private final Path log;
    private final int httpPort;
    private final int managementPort;

    private BridgeProcess(Process process, Path log, int httpPort, int managementPort) {
        this.process = process;
        this.log = log;
        this.httpPort = httpPort;
        this.managementPort = managementPort;
    }

    public static Path jar() {
        Path jar = Path.of(System.getProperty("bridge.jar", "target/notion-bridge.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("packaged jar " + jar.toAbsolutePath() + " not found; run `mvn verify`");
        }
        return jar;
    }

    /** Starts the jar with {@code args} and extra environment; ports are chosen free. */
    public static BridgeProcess start(Map<String, String> env, String... args) throws IOException {
        return start(List.of(), env, args);
    }

    /** Starts the jar with JVM options (e.g. remote JMX) before {@code -jar}. */
    public static BridgeProcess start(List<String> jvmOptions, Map<String, String> env, String... args) throws IOException {
        int http = BridgeRouteTestSupport.freePort();
        int mgmt = BridgeRouteTestSupport.freePort();
        List<String> cmd = new ArrayList<>();
        cmd.add(javaBin());
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-jar", jar().toString()));
        cmd.addAll(List.of(args));
        Path log = Files.createTempFile("bridge-e2e-", ".log");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("BRIDGE_HTTP_PORT", Integer.toString(http));
        pb.environment().put("BRIDGE_MANAGEMENT_PORT", Integer.toString(mgmt));
        pb.environment().put("BRIDGE_HTTP_HOST", "127.0.0.1");
        pb.environment().put("BRIDGE_MANAGEMENT_HOST", "127.0.0.1");
        pb.environment().putAll(env);
        return new BridgeProcess(pb.start(), log, http, mgmt);
    }

    /** JVM options that open remote JMX without authentication on {@code port}, bound to loopback. */
    public static List<String> remoteJmx(int port) {
        return List.of("-Dcom.sun.management.jmxremote.port=" + port, "-Dcom.sun.management.jmxremote.rmi.port=" + port,
                "-Dcom.sun.management.jmxremote.authenticate=false", "-Dcom.sun.management.jmxremote.ssl=false",
                "-Dcom.sun.management.jmxremote.host=127.0.0.1", "-Djava.rmi.server.hostname=127.0.0.1");
    }

    static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    public int httpPort() {
        return httpPort;
    }

    public int managementPort() {
        return managementPort;
    }

    public Process process() {
        return process;
    }

    public String log() throws IOException {
        return Files.readString(log);
    }

    /** Waits until {@code /observe/health} answers 200, or fails with the process log. */
    public void awaitHealthy(Duration timeout) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("bridge exited with " + process.exitValue() + " before it was healthy:\n" + log());
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort
                        + "/observe/health")).timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
                last = r.statusCode() + " " + r.body();
            } catch (IOException e) {
                last = e.toString();
            }
            process.waitFor(200, TimeUnit.MILLISECONDS);
        }
        throw new AssertionError("bridge not healthy after " + timeout + " (last: " + last + "):\n" + log());
    }

    /** Sends SIGTERM and waits for the process to end; returns its exit code. */
    public int terminate(Duration timeout) throws Exception {
        process.destroy();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("bridge did not stop within " + timeout + " of SIGTERM:\n" + log());
        }
        return process.exitValue();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }
}
