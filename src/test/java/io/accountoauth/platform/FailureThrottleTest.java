package io.accountoauth.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.accountoauth.testsupport.MovableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Checks the brute-force throttle: five free failures, then a cool-down that doubles, capped, and forgotten. */
class FailureThrottleTest {

    private MovableClock clock;
    private FailureThrottle throttle;

    @BeforeEach
    void setUp() {
        clock = MovableClock.at(Instant.parse("2026-01-01T00:00:00Z"));
        throttle = new FailureThrottle(5, Duration.ofSeconds(30), Duration.ofHours(1), Duration.ofMinutes(15), 3,
                clock);
    }

    private void fail(String key, int times) {
        for (int i = 0; i < times; i++) {
            throttle.failed(key);
        }
    }

    @Test
    void whenFewerThanFiveFailuresThenNoWait() {
        fail("a", 4);
        assertTrue(throttle.waitFor("a").isEmpty());
    }

    @Test
    void whenFiveFailuresThenThirtySecondsToWait() {
        fail("a", 5);
        assertEquals(Optional.of(Duration.ofSeconds(30)), throttle.waitFor("a"));
        clock.advance(Duration.ofSeconds(30));
        assertTrue(throttle.waitFor("a").isEmpty());
    }

    @Test
    void whenFailuresGoOnThenTheCoolDownDoublesUpToAnHour() {
        fail("a", 6);
        assertEquals(Optional.of(Duration.ofSeconds(60)), throttle.waitFor("a"));
        fail("a", 1);
        assertEquals(Optional.of(Duration.ofSeconds(120)), throttle.waitFor("a"));
        fail("a", 20);
        assertEquals(Optional.of(Duration.ofHours(1)), throttle.waitFor("a"));
    }

    @Test
    void whenASuccessFollowsThenTheKeyStartsAfresh() {
        fail("a", 5);
        throttle.succeeded("a");
        assertTrue(throttle.waitFor("a").isEmpty());
    }

    @Test
    void whenQuietLongEnoughThenFailuresAreForgotten() {
        fail("a", 5);
        clock.advance(Duration.ofSeconds(30).plus(Duration.ofMinutes(15)));
        fail("a", 1);
        assertTrue(throttle.waitFor("a").isEmpty(), "one failure after the quiet time is a first failure");
    }

    @Test
    void whenOneKeyIsCoolingDownThenOthersAreNot() {
        fail("a", 5);
        assertTrue(throttle.waitFor("b").isEmpty());
    }

    @Test
    void whenMoreKeysThanItRemembersThenTheLeastRecentGoes() {
        fail("a", 5);
        fail("b", 1);
        fail("c", 1);
        fail("d", 1);
        assertTrue(throttle.waitFor("a").isEmpty());
    }
}
