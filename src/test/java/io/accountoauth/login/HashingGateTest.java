package io.accountoauth.login;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class HashingGateTest {

    @Test
    void whenManyThreadsCheckThenNoMoreThanThePermitsRunAtOnce() throws Exception {
        HashingGate gate = new HashingGate(2, 100, Duration.ofSeconds(30));
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(12);
        try {
            List<Future<Optional<Boolean>>> results = new ArrayList<>();
            for (int i = 0; i < 48; i++) {
                results.add(pool.submit(() -> gate.run(() -> {
                    most.accumulateAndGet(running.incrementAndGet(), Math::max);
                    busyFor(2);
                    running.decrementAndGet();
                    return true;
                })));
            }
            for (Future<Optional<Boolean>> result : results) {
                assertEquals(Optional.of(true), result.get(), "every check gets its turn in time");
            }
        } finally {
            pool.shutdown();
        }
        assertEquals(2, most.get());
    }

    @Test
    void whenTheQueueIsFullThenACheckIsRefusedAtOnceAndNotRun() throws Exception {
        HashingGate gate = new HashingGate(1, 2, Duration.ofSeconds(30));
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch holding = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            pool.submit(() -> gate.run(() -> {
                holding.countDown();
                await(release);
                return true;
            }));
            holding.await();
            List<Future<Optional<Boolean>>> waiting = List.of(pool.submit(() -> gate.run(() -> true)),
                    pool.submit(() -> gate.run(() -> true)));
            while (gate.waiting() < 2) {
                Thread.onSpinWait();
            }
            AtomicInteger ran = new AtomicInteger();
            long started = System.nanoTime();
            assertEquals(Optional.empty(), gate.run(() -> ran.incrementAndGet() > 0));
            assertTrue(System.nanoTime() - started < TimeUnit.SECONDS.toNanos(5), "refused without waiting");
            assertEquals(0, ran.get());
            release.countDown();
            for (Future<Optional<Boolean>> result : waiting) {
                assertEquals(Optional.of(true), result.get());
            }
        } finally {
            release.countDown();
            pool.shutdown();
        }
    }

    @Test
    void whenTheTurnDoesNotComeInTimeThenEmpty() throws Exception {
        HashingGate gate = new HashingGate(1, 10, Duration.ofMillis(50));
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch holding = new CountDownLatch(1);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            pool.submit(() -> gate.run(() -> {
                holding.countDown();
                await(release);
                return true;
            }));
            holding.await();
            assertEquals(Optional.empty(), gate.run(() -> true));
        } finally {
            release.countDown();
            pool.shutdown();
        }
    }

    private static void busyFor(long millis) {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (System.nanoTime() < end) {
            Thread.onSpinWait();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
