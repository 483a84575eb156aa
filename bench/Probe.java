import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The benchmark's small measurements, run as a source file ({@code java bench/Probe.java ...}):
 * <ul>
 * <li>{@code ready PID URL STATUS}: waits until URL answers STATUS and prints the milliseconds since the process PID
 * started (the JVM's own start, not this program's);</li>
 * <li>{@code load URL SECONDS THREADS}: GETs URL from THREADS threads for SECONDS and prints the requests served.</li>
 * </ul>
 */
public final class Probe {

    public static void main(String[] args) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        if (args[0].equals("ready")) {
            ProcessHandle process = ProcessHandle.of(Long.parseLong(args[1])).orElseThrow();
            Instant started = process.info().startInstant().orElseThrow();
            HttpRequest request = HttpRequest.newBuilder(URI.create(args[2])).timeout(Duration.ofSeconds(5)).build();
            int expected = Integer.parseInt(args[3]);
            Instant deadline = Instant.now().plusSeconds(300);
            while (Instant.now().isBefore(deadline) && process.isAlive()) {
                try {
                    if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == expected) {
                        System.out.println(Duration.between(started, Instant.now()).toMillis());
                        return;
                    }
                } catch (java.io.IOException notYet) {
                    // not listening yet
                }
                Thread.sleep(50);
            }
            System.err.println(args[2] + " did not answer " + expected);
            System.exit(1);
        }
        URI uri = URI.create(args[1]);
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(Long.parseLong(args[2]));
        int threads = Integer.parseInt(args[3]);
        AtomicLong served = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        for (int i = 0; i < threads; i++) {
            pool.execute(() -> {
                HttpRequest request = HttpRequest.newBuilder(uri).build();
                while (System.nanoTime() < end) {
                    try {
                        if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                            served.incrementAndGet();
                        }
                    } catch (Exception e) {
                        return;
                    }
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(1, TimeUnit.HOURS);
        System.out.println(served.get());
    }
}
