package io.accountoauth.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.accountoauth.state.LocalSharedState;
import io.accountoauth.testsupport.MovableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Checks that the limiter allows the limit per window per key, says how long to wait, and forgets. */
class SlidingWindowLimiterTest {

    private MovableClock clock;
    private LocalSharedState state;
    private SlidingWindowLimiter limiter;

    @BeforeEach
    void setUp() {
        clock = MovableClock.at(Instant.parse("2026-01-01T00:00:00Z"));
        state = new LocalSharedState(clock);
        limiter = new SlidingWindowLimiter(state.map("attempts", Duration.ofMinutes(10)), 3, Duration.ofMinutes(10),
                clock);
    }

    @Test
    void whenUnderTheLimitThenAllowed() {
        for (int i = 0; i < 3; i++) {
            assertTrue(limiter.tryAcquire("a").isEmpty());
        }
    }

    @Test
    void whenOverTheLimitThenRefusedWithTheWaitUntilTheOldestAttemptLeavesTheWindow() {
        limiter.tryAcquire("a");
        clock.advance(Duration.ofMinutes(4));
        limiter.tryAcquire("a");
        limiter.tryAcquire("a");

        Optional<Duration> wait = limiter.tryAcquire("a");

        assertEquals(Optional.of(Duration.ofMinutes(6)), wait);
    }

    @Test
    void whenTheWindowHasPassedThenAllowedAgain() {
        for (int i = 0; i < 3; i++) {
            limiter.tryAcquire("a");
        }
        clock.advance(Duration.ofMinutes(10));
        assertTrue(limiter.tryAcquire("a").isEmpty());
    }

    @Test
    void whenOneKeyIsExhaustedThenAnotherKeyIsNotAffected() {
        for (int i = 0; i < 3; i++) {
            limiter.tryAcquire("a");
        }
        assertTrue(limiter.tryAcquire("a").isPresent());
        assertTrue(limiter.tryAcquire("b").isEmpty());
    }

    @Test
    void whenAWindowHasPassedSinceTheLastAttemptThenTheStoreFreesTheKey() {
        limiter.tryAcquire("a");
        limiter.tryAcquire("b");
        clock.advance(Duration.ofMinutes(10));

        state.expire();

        assertEquals(0, state.map("attempts", Duration.ofMinutes(10)).size());
    }

    // Nodes and threads count on one shared map: concurrent attempts never exceed the limit.
    @Test
    void whenManyThreadsTryAtOnceThenNoMoreThanTheLimitAreAllowed() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Optional<Duration>>> attempts = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                attempts.add(pool.submit(() -> limiter.tryAcquire("a")));
            }
            int allowed = 0;
            for (Future<Optional<Duration>> attempt : attempts) {
                allowed += attempt.get(10, TimeUnit.SECONDS).isEmpty() ? 1 : 0;
            }
            assertEquals(3, allowed);
        } finally {
            pool.shutdownNow();
        }
    }
}
