package io.accountoauth.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.accountoauth.testsupport.MovableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Checks the single node's shared state: expiry since the last write, atomic single-entry operations, clearing. */
class LocalSharedStateTest {

    private static final Duration TTL = Duration.ofMinutes(2);

    private MovableClock clock;
    private LocalSharedState state;
    private SharedMap map;

    @BeforeEach
    void setUp() {
        clock = MovableClock.at(Instant.parse("2026-01-01T00:00:00Z"));
        state = new LocalSharedState(clock);
        map = state.map("m", TTL);
    }

    @Test
    void whenTheSameNameIsAskedTwiceThenTheSameMap() {
        assertSame(map, state.map("m", TTL));
        assertEquals("local", state.kind());
        assertEquals(1, state.members());
    }

    @Test
    void whenTheTimeToLiveHasPassedSinceTheLastWriteThenTheEntryIsGoneAndFreed() {
        map.put("k", "v");
        clock.advance(TTL.minusSeconds(1));
        assertEquals("v", map.get("k"));
        map.put("k", "w");
        clock.advance(TTL.minusSeconds(1));
        assertEquals("w", map.get("k"), "a write starts the time to live again");

        clock.advance(Duration.ofSeconds(1));
        assertNull(map.get("k"));
        map.put("other", "x");
        clock.advance(TTL);
        state.expire();
        assertEquals(0, map.size());
    }

    @Test
    void whenPutIfAbsentThenOnlyAMissingOrExpiredEntryIsWritten() {
        assertTrue(map.putIfAbsent("k", "v"));
        assertFalse(map.putIfAbsent("k", "w"));
        assertEquals("v", map.get("k"));

        clock.advance(TTL);
        assertTrue(map.putIfAbsent("k", "w"), "an expired entry counts as absent");
        assertEquals("w", map.get("k"));
    }

    @Test
    void whenReplaceThenOnlyTheExpectedValueIsReplaced() {
        assertFalse(map.replace("k", "v", "w"), "nothing to replace");
        map.put("k", "v");
        assertFalse(map.replace("k", "x", "w"));
        assertTrue(map.replace("k", "v", "w"));
        assertEquals("w", map.get("k"));
        map.remove("k");
        assertNull(map.get("k"));
    }

    @Test
    void whenAMapIsClearedThenItsEntriesAreGoneAndOtherMapsKeepTheirs() {
        SharedMap other = state.map("other", TTL);
        map.put("k", "v");
        other.put("k", "v");

        state.clear("m");
        state.clear("never created");

        assertNull(map.get("k"));
        assertEquals(0, map.size());
        assertTrue(map.putIfAbsent("k", "w"), "a cleared map takes new entries");
        assertEquals("v", other.get("k"));
    }

    @Test
    void whenManyThreadsCompeteForOneKeyThenExactlyOneWinsEachRound() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (int round = 0; round < 200; round++) {
                String key = "k" + round;
                map.put(key, "fresh");
                List<Future<Boolean>> attempts = new ArrayList<>();
                for (int t = 0; t < 8; t++) {
                    String mine = "taken by " + t;
                    attempts.add(pool.submit(() -> map.replace(key, "fresh", mine)));
                }
                int wins = 0;
                for (Future<Boolean> attempt : attempts) {
                    wins += attempt.get(10, TimeUnit.SECONDS) ? 1 : 0;
                }
                assertEquals(1, wins, "round " + round);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
