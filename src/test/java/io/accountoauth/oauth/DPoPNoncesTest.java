package io.accountoauth.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.accountoauth.state.LocalSharedState;
import io.accountoauth.testsupport.MovableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Checks the DPoP nonces' life: a minute as the current one, a minute more as the one before. */
class DPoPNoncesTest {

    private MovableClock clock;
    private DPoPNonces nonces;

    @BeforeEach
    void setUp() {
        clock = MovableClock.at(Instant.parse("2026-12-02T10:00:00Z"));
        nonces = new DPoPNonces();
        nonces.clock = clock;
        nonces.state = new LocalSharedState(clock);
        nonces.init();
    }

    @Test
    void whenANonceIsGivenThenItStaysForAMinuteAndIsTakenForAMinuteAfterItsSuccessor() {
        String first = nonces.current();
        clock.advance(Duration.ofSeconds(59));
        assertEquals(first, nonces.current());
        clock.advance(Duration.ofSeconds(2));
        String second = nonces.current();
        assertNotEquals(first, second);
        assertTrue(nonces.accepts(first) && nonces.accepts(second));
        clock.advance(Duration.ofSeconds(60));
        assertFalse(nonces.accepts(first));
        assertTrue(nonces.accepts(second));
        assertFalse(nonces.accepts("made-up"));
        assertFalse(nonces.accepts(null));
    }

    @Test
    void whenTheClockIsSetBackThenTheNonceStampedAheadIsReplacedNotKeptForTheJump() {
        clock.advance(Duration.ofSeconds(300));
        String ahead = nonces.current();
        clock.advance(Duration.ofSeconds(-300));
        assertFalse(nonces.accepts(ahead), "stamped five minutes ahead of the clock");
        String fresh = nonces.current();
        assertNotEquals(ahead, fresh);
        assertTrue(nonces.accepts(fresh));
        clock.advance(Duration.ofSeconds(121));
        assertFalse(nonces.accepts(fresh), "two rotations, as for any nonce");
    }

    @Test
    void whenNodesClocksDifferBySecondsThenTheirNoncesStand() {
        clock.advance(Duration.ofSeconds(5));
        String fromAheadNode = nonces.current();
        clock.advance(Duration.ofSeconds(-5));
        assertTrue(nonces.accepts(fromAheadNode));
        assertEquals(fromAheadNode, nonces.current());
    }
}
