package io.accountoauth.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.accountoauth.state.LocalSharedState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SlidingWindowLimiterTest {

    private final Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
    private final SlidingWindowLimiter limiter = new SlidingWindowLimiter(
            new LocalSharedState(clock).map("attempts", Duration.ofHours(1)), 3, Duration.ofHours(1), clock);

    @Test
    void whenTheLimitIsReachedThenTheNextAttemptWaits() {
        for (int i = 0; i < 3; i++) {
            assertEquals(Optional.empty(), limiter.tryAcquire("a"));
        }
        assertTrue(limiter.tryAcquire("a").isPresent());
        assertEquals(Optional.empty(), limiter.tryAcquire("b"), "each key has its own window");
    }

    @Test
    void whenAnAttemptIsReleasedThenItNoLongerCounts() {
        for (int i = 0; i < 3; i++) {
            limiter.tryAcquire("a");
        }
        limiter.release("a");
        assertEquals(Optional.empty(), limiter.tryAcquire("a"));
        assertTrue(limiter.tryAcquire("a").isPresent());
        for (int i = 0; i < 5; i++) {
            limiter.release("a");
        }
        assertEquals(Optional.empty(), limiter.tryAcquire("a"), "releasing more than was counted leaves none");
    }

    @Test
    void whenManyThreadsAcquireAndReleaseThenTheLimitHoldsExactly() throws Exception {
        SlidingWindowLimiter ten = new SlidingWindowLimiter(
                new LocalSharedState(clock).map("ten", Duration.ofHours(1)), 10, Duration.ofHours(1), clock);
        AtomicInteger allowed = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                boolean giveBack = i % 2 == 0;
                done.add(pool.submit(() -> {
                    if (ten.tryAcquire("k").isEmpty()) {
                        if (giveBack) {
                            ten.release("k");
                        } else {
                            allowed.incrementAndGet();
                        }
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        // Every kept attempt holds one of the ten places, released ones gave theirs back: the rest are still free
        int free = 0;
        while (ten.tryAcquire("k").isEmpty()) {
            free++;
        }
        assertTrue(allowed.get() > 0);
        assertEquals(10, allowed.get() + free);
    }
}
