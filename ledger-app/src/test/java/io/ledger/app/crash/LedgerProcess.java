package io.ledger.app.crash;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The assembled ledger ({@code target/ledger-app.jar}) in a process of its own, as an operator runs it: started with
 * {@code java -jar}, killed with SIGKILL, started again on the same database and port. Its console goes to a file under
 * {@code target/} for diagnosis. Only the process this object started is ever killed, also when the test JVM exits
 * early (a shutdown hook).
 */
final class LedgerProcess implements AutoCloseable {

    static final Path JAR = Path.of("target", "ledger-app.jar");

    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    private final Map<String, String> environment;
    private final int port;
    private final Path log;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();
    private final Thread killAtExit = new Thread(this::killNow, "kill-crash-test-ledger");
    private volatile Process process;

    LedgerProcess(Map<String, String> environment, int port, Path log) {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR.toAbsolutePath() + " is missing: the package phase builds it");
        }
        this.environment = Map.copyOf(environment);
        this.port = port;
        this.log = log;
        Runtime.getRuntime().addShutdownHook(killAtExit);
    }

    /** A port nobody listens on now; the ledger keeps it across restarts so clients need not learn a new one. */
    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    URI base() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** Starts the ledger and waits until its health is UP; returns how long that took. */
    Duration start() throws IOException, InterruptedException {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("already running");
        }
        Instant started = Instant.now();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // Small and quick to start: the machine runs other builds, and the test restarts this process often.
                "-Xmx512m",
                "-XX:TieredStopAtLevel=1",
                "-jar",
                JAR.toString(),
                "--server.port=" + port));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        Files.writeString(
                log,
                "==== crash test: starting the ledger at " + started + "\n",
                StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
        process = builder.start();
        awaitHealthy(started);
        return Duration.between(started, Instant.now());
    }

    private void awaitHealthy(Instant started) throws InterruptedException {
        Instant deadline = started.plus(START_TIMEOUT);
        HttpRequest health = HttpRequest.newBuilder(base().resolve("/actuator/health"))
                .timeout(Duration.ofSeconds(2))
                .build();
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the ledger exited with " + process.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<String> answer = http.send(health, HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 200 && answer.body().contains("\"UP\"")) {
                    return;
                }
            } catch (IOException notYet) {
                // Not listening yet.
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the ledger was not healthy within " + START_TIMEOUT + "; see " + log);
    }

    /** SIGKILL: no shutdown hook, no graceful stop, in-flight requests and transactions cut where they are. */
    void kill() throws InterruptedException {
        Process running = process;
        // On Linux destroyForcibly() sends SIGKILL to exactly this process (java -jar, no shell in between).
        running.destroyForcibly();
        if (!running.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the ledger survived SIGKILL");
        }
        // 128 + 9: killed by signal 9.
        if (running.exitValue() != 137) {
            throw new IllegalStateException("the ledger ended with " + running.exitValue() + ", not by SIGKILL");
        }
    }

    long pid() {
        return process.pid();
    }

    private void killNow() {
        Process running = process;
        if (running != null && running.isAlive()) {
            running.destroyForcibly();
        }
    }

    @Override
    public void close() throws InterruptedException {
        Process running = process;
        if (running != null && running.isAlive()) {
            running.destroyForcibly();
            running.waitFor(30, TimeUnit.SECONDS);
        }
        try {
            Runtime.getRuntime().removeShutdownHook(killAtExit);
        } catch (IllegalStateException exiting) {
            // The JVM is exiting; the hook runs anyway.
        }
    }
}
