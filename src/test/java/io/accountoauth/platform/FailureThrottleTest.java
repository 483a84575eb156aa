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

/** Checks the brute-force throttle: five free failures, then a cool-down that doubles, capped, and forgotten. */
class FailureThrottleTest {

    private static final Duration RETENTION = FailureThrottle.retention(Duration.ofHours(1), Duration.ofMinutes(15));

    private MovableClock clock;
    private LocalSharedState state;
    private FailureThrottle throttle;

    @BeforeEach
    void setUp() {
        clock = MovableClock.at(Instant.parse("2026-01-01T00:00:00Z"));
        state = new LocalSharedState(clock);
        throttle = new FailureThrottle(state.map("failures", RETENTION), 5, Duration.ofSeconds(30),
                Duration.ofHours(1), Duration.ofMinutes(15), clock);
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
    void whenTheLongestCoolDownAndTheQuietTimeHavePassedThenTheStoreFreesTheKey() {
        fail("a", 30);
        assertEquals(Optional.of(Duration.ofHours(1)), throttle.waitFor("a"));

        clock.advance(RETENTION);
        state.expire();

        assertEquals(0, state.map("failures", RETENTION).size());
        assertTrue(throttle.waitFor("a").isEmpty());
    }

    // Nodes and threads count on one shared map: no failure is lost to a concurrent one.
    @Test
    void whenManyThreadsFailAtOnceThenEveryFailureCounts() throws Exception {
        int failures = 1_000;
        FailureThrottle exact = new FailureThrottle(state.map("exact", RETENTION), failures, Duration.ofSeconds(30),
                Duration.ofHours(1), Duration.ofMinutes(15), clock);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> counted = new ArrayList<>();
            for (int i = 0; i < failures - 1; i++) {
                counted.add(pool.submit(() -> exact.failed("a")));
            }
            for (Future<?> failure : counted) {
                failure.get(10, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertTrue(exact.waitFor("a").isEmpty(), "one failure short of the limit");
        exact.failed("a");
        assertEquals(Optional.of(Duration.ofSeconds(30)), exact.waitFor("a"));
    }
}
