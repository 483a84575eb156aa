package io.accountoauth.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.accountoauth.testsupport.MovableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Checks that the limiter allows the limit per window per key, says how long to wait, and forgets. */
class SlidingWindowLimiterTest {

    private MovableClock clock;
    private SlidingWindowLimiter limiter;

    @BeforeEach
    void setUp() {
        clock = MovableClock.at(Instant.parse("2026-01-01T00:00:00Z"));
        limiter = new SlidingWindowLimiter(3, Duration.ofMinutes(10), 2, clock);
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
    void whenMoreKeysThanItRemembersThenTheLongestUnusedIsForgotten() {
        for (int i = 0; i < 3; i++) {
            limiter.tryAcquire("a");
        }
        limiter.tryAcquire("b");
        limiter.tryAcquire("c");
        // "a" was forgotten to keep two keys: it starts afresh.
        assertTrue(limiter.tryAcquire("a").isEmpty());
    }
}
