package io.accountoauth.it;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Runs the built WAR on a Payara Micro of its own, as an operator would start it, with extra options and
 * environment: alone ({@code --nocluster}), or as a member of a data grid on loopback ({@link Grid}). Its output
 * goes to a log file under {@code target/}, its temporary files to a folder of its own there, which is removed
 * when it stops, also after {@link #kill()}. A process still running when the test JVM ends is killed.
 */
final class PayaraMicroProcess implements AutoCloseable {

    private static final Duration STARTUP = Duration.ofSeconds(150);
    private static final Duration STOP = Duration.ofSeconds(30);
    private static final Pattern GRID_SIZE = Pattern.compile("DG Size: (\\d+)");

    /** Every process started and not yet stopped, so that none outlives the tests. */
    private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> RUNNING.forEach(Process::destroyForcibly)));
    }

    /** How to start one Payara Micro: a name (of its log file), JVM options, Payara Micro options, environment. */
    record Launch(String name, List<String> jvmOptions, List<String> microOptions, Map<String, String> environment) {
    }

    private final String name;
    private final Process process;
    private final Path log;
    private final Path temporary;
    private final URI base;

    private PayaraMicroProcess(String name, Process process, Path log, Path temporary, URI base) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.temporary = temporary;
        this.base = base;
    }

    /** Starts Payara Micro with the WAR at the root context and waits until the application answers. */
    static PayaraMicroProcess start(String name, List<String> options, Map<String, String> environment) {
        List<String> micro = new ArrayList<>(List.of("--nocluster", "--prebootcommandfile", singleNodeCommands()));
        micro.addAll(options);
        return startAll(List.of(new Launch(name, List.of(), micro, environment))).get(0);
    }

    /**
     * Starts these at once, so that their boots overlap, and waits until each answers. When one does not, every
     * one of them is stopped and the test fails with that one's log.
     */
    static List<PayaraMicroProcess> startAll(List<Launch> launches) {
        List<PayaraMicroProcess> started = new ArrayList<>();
        try {
            for (Launch launch : launches) {
                started.add(launch(launch));
            }
            for (PayaraMicroProcess micro : started) {
                micro.awaitReady();
            }
            return started;
        } catch (RuntimeException | Error e) {
            started.forEach(PayaraMicroProcess::close);
            throw e;
        }
    }

    /** Starts Payara Micro and returns at once; {@link #awaitReady()} waits for the application. */
    static PayaraMicroProcess launch(Launch launch) {
        int port = freePort();
        Path temporary = Path.of("target", launch.name() + "-tmp").toAbsolutePath();
        deleteRecursively(temporary);
        List<String> command = new ArrayList<>(List.of(javaExecutable(), "-Xmx512m",
                "-Djava.io.tmpdir=" + temporary));
        command.addAll(launch.jvmOptions());
        command.addAll(List.of("-jar", System.getProperty("payara.microJar", "target/payara-micro.jar"),
                "--port", Integer.toString(port)));
        command.addAll(launch.microOptions());
        command.addAll(List.of("--deploy", System.getProperty("app.war", "target/account-oauth.war"),
                "--contextroot", "/"));
        Path log = Path.of("target", launch.name() + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(launch.environment());
        try {
            Files.createDirectories(temporary);
            Process process = builder.start();
            RUNNING.add(process);
            return new PayaraMicroProcess(launch.name(), process, log, temporary,
                    URI.create("http://127.0.0.1:" + port + "/"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String name() {
        return name;
    }

    URI base() {
        return base;
    }

    /** The same server reached over IPv6 loopback, {@code http://[::1]:port/}: another source address. */
    URI ipv6Base() {
        return URI.create("http://[::1]:" + base.getPort() + "/");
    }

    String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    /** Waits until the application answers; fails with the log when the process exits or does not in time. */
    PayaraMicroProcess awaitReady() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest metadata = HttpRequest.newBuilder(base.resolve(".well-known/oauth-authorization-server"))
                .timeout(Duration.ofSeconds(10)).build();
        Instant deadline = Instant.now().plus(STARTUP);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new AssertionError("Payara Micro " + name + " exited:\n" + tail());
            }
            try {
                if (http.send(metadata, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return this;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            pause();
        }
        close();
        throw new AssertionError("Payara Micro " + name + " did not start within " + STARTUP + ":\n" + tail());
    }

    /**
     * Waits until Payara Micro logs that its data grid has this many members (it logs "Data Grid Status ... DG Size:
     * n" at every change); fails with the log otherwise. This checks the test set-up, not the application.
     */
    void awaitGridMembers(int members, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        int last = -1;
        do {
            last = gridMembers();
            if (last == members) {
                return;
            }
            pause();
        } while (Instant.now().isBefore(deadline) && process.isAlive());
        throw new AssertionError("Payara Micro " + name + "'s data grid has " + (last < 0 ? "no" : last)
                + " members, not " + members + ", after " + timeout + " (the set-up, not the application):\n" + tail());
    }

    /** The size of the data grid Payara Micro last logged, or -1 when it has logged none. */
    int gridMembers() {
        Matcher matcher = GRID_SIZE.matcher(log());
        int size = -1;
        while (matcher.find()) {
            size = Integer.parseInt(matcher.group(1));
        }
        return size;
    }

    /** The end of the log, without the terminal colours Payara Micro writes. */
    String tail() {
        String all = log().replaceAll("\u001B\\[[0-9;]*m", "");
        return all.substring(Math.max(0, all.length() - 6000));
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** kill -9: SIGKILL, no shutdown of any kind; returns once the process has exited. */
    void kill() {
        process.destroyForcibly();
        awaitExit();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(STOP.toSeconds(), TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        awaitExit();
    }

    private void awaitExit() {
        try {
            if (!process.waitFor(STOP.toSeconds(), TimeUnit.SECONDS)) {
                throw new AssertionError("Payara Micro " + name + " (pid " + process.pid() + ") did not exit");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        RUNNING.remove(process);
        deleteRecursively(temporary);
    }

    /**
     * A Payara Micro data grid (Hazelcast) on 127.0.0.1 only, for several servers on one machine: a cluster name
     * of its own, so it meets no other grid, and a Hazelcast port for each member it may ever have, every member
     * listing them all ({@code --clustermode tcpip:127.0.0.1:p1,127.0.0.1:p2,...}). The ports are not 6900, where a
     * {@code --nocluster} Payara Micro on the same machine still listens.
     *
     * <p>Hazelcast listens on 127.0.0.1 only ({@code hazelcast.socket.bind.any=false}; {@code --interfaces} alone still
     * binds every interface). Its heartbeat timeout is cut from 60 to 5 seconds
     * ({@code hazelcast.max.no.heartbeat.seconds}, read from system properties), so that a member that stops answering
     * without closing its connections is given up within seconds; a killed one is noticed at once, as the kernel
     * refuses its connections. Payara's default host-aware partitioning stays: with all members on one host,
     * Hazelcast splits them into two groups, so each member's data still has a backup on another.
     */
    static final class Grid {

        private static final int FIRST_PORT = 7950;
        private static final int LAST_PORT = 7999;

        private final String clusterName;
        private final List<Integer> ports;

        private Grid(String clusterName, List<Integer> ports) {
            this.clusterName = clusterName;
            this.ports = ports;
        }

        /** A grid with room for this many members, on Hazelcast ports that are free now. */
        static Grid onLoopback(int members) {
            List<Integer> ports = new ArrayList<>();
            for (int port = FIRST_PORT; port <= LAST_PORT && ports.size() < members; port++) {
                // Hazelcast takes the next port when its own is busy: keep a free one between members.
                if (isFree(port) && isFree(port + 1)) {
                    ports.add(port);
                    port++;
                }
            }
            if (ports.size() < members) {
                throw new AssertionError("No " + members + " free ports for the data grid in " + FIRST_PORT + "-"
                        + LAST_PORT);
            }
            return new Grid("account-oauth-it-" + UUID.randomUUID().toString().substring(0, 8), List.copyOf(ports));
        }

        /** How to start member {@code index} (0, 1, ...) of this grid, with more Payara Micro options and environment. */
        Launch member(int index, String name, List<String> options, Map<String, String> environment) {
            String members = ports.stream().map(port -> "127.0.0.1:" + port).collect(Collectors.joining(","));
            List<String> micro = new ArrayList<>(List.of(
                    "--clustermode", "tcpip:" + members,
                    "--clustername", clusterName,
                    "--interfaces", "127.0.0.1",
                    "--startport", Integer.toString(ports.get(index)),
                    "--name", name));
            micro.addAll(options);
            List<String> jvm = List.of(
                    "-Dhazelcast.socket.bind.any=false",
                    "-Dhazelcast.heartbeat.interval.seconds=1",
                    "-Dhazelcast.max.no.heartbeat.seconds=5");
            return new Launch(name, jvm, micro, environment);
        }

        @Override
        public String toString() {
            return clusterName + " on 127.0.0.1 ports " + ports;
        }

        private static boolean isFree(int port) {
            try (ServerSocket socket = new ServerSocket()) {
                socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
                return true;
            } catch (IOException e) {
                return false;
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A TCP port nothing listens on now, for a server the tests start. */
    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // left for mvn clean
        }
    }

    /** The commands of a node alone, as every single-node start uses them (docker/single-node.asadmin). */
    private static String singleNodeCommands() {
        return System.getProperty("payara.singleNode", "docker/single-node.asadmin");
    }

    private static String javaExecutable() {
        return System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    }
}
