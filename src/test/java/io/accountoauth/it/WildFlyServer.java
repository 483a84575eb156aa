package io.accountoauth.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The WildFly that Maven provisioned under {@code target/server} (wildfly-maven-plugin, Galleon layers) with the WAR
 * deployed as {@code ROOT.war}, started as an operator would: {@code bin/standalone.sh}, with its HTTP port and its
 * management port (where WildFly answers {@code /health}) on free ports of the loopback address. Its console goes to
 * {@code target/wildfly.log}. A server still running when the test JVM ends is stopped.
 */
final class WildFlyServer implements AutoCloseable {

    private static final Duration STARTUP = Duration.ofSeconds(180);
    private static final Duration STOP = Duration.ofSeconds(30);

    private final Process process;
    private final Path log;
    private final URI base;
    private final URI management;

    private WildFlyServer(Process process, Path log, URI base, URI management) {
        this.process = process;
        this.log = log;
        this.base = base;
        this.management = management;
    }

    /** Starts the provisioned server and waits until the application answers. */
    static WildFlyServer start() {
        Path home = Path.of(System.getProperty("wildfly.home", "target/server")).toAbsolutePath();
        if (!Files.isExecutable(home.resolve("bin/standalone.sh"))) {
            throw new AssertionError("No WildFly at " + home + ": mvn verify provisions it (wildfly-maven-plugin)");
        }
        int http = PayaraMicroProcess.freePort();
        int managementPort = PayaraMicroProcess.freePort();
        Path log = Path.of("target", "wildfly.log").toAbsolutePath();
        // The provisioned configuration binds both interfaces to 127.0.0.1.
        ProcessBuilder builder = new ProcessBuilder(List.of(home.resolve("bin/standalone.sh").toString(),
                "-Djboss.http.port=" + http, "-Djboss.management.http.port=" + managementPort))
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        // standalone.sh then passes a stop on to WildFly's JVM and waits for it.
        builder.environment().put("LAUNCH_JBOSS_IN_BACKGROUND", "true");
        try {
            Process process = builder.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(process)));
            WildFlyServer server = new WildFlyServer(process, log, URI.create("http://127.0.0.1:" + http + "/"),
                    URI.create("http://127.0.0.1:" + managementPort + "/"));
            return server.awaitReady();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The application, at the root context. */
    URI base() {
        return base;
    }

    /** WildFly's management interface, which serves {@code /health}. */
    URI management() {
        return management;
    }

    /** Everything the server has written to its console so far. */
    String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    private WildFlyServer awaitReady() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest metadata = HttpRequest.newBuilder(base.resolve(".well-known/oauth-authorization-server"))
                .timeout(Duration.ofSeconds(10)).build();
        Instant deadline = Instant.now().plus(STARTUP);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new AssertionError("WildFly exited:\n" + tail());
            }
            try {
                if (http.send(metadata, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return this;
                }
                Thread.sleep(500);
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        close();
        throw new AssertionError("WildFly did not serve the application within " + STARTUP + ":\n" + tail());
    }

    private String tail() {
        String all = log();
        return all.substring(Math.max(0, all.length() - 8000));
    }

    @Override
    public void close() {
        stop(process);
    }

    private static void stop(Process process) {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(STOP.toSeconds(), TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
