package io.accountoauth.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

/** Checks the app's PKCE pair against RFC 7636. */
class ProofKeyTest {

    // RFC 7636 Appendix B: the worked example.
    @Test
    void whenTheVerifierIsTheRfcExampleThenTheChallengeIsTheRfcOne() {
        assertEquals("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
                ProofKey.of("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk").challenge());
    }

    // RFC 7636 §4.1: 43 to 128 unreserved characters; 32 random octets give 43.
    @Test
    void whenGeneratedThenTheVerifierIs43UnreservedCharactersAndNewEachTime() {
        SecureRandom random = new SecureRandom();
        ProofKey first = ProofKey.generate(random);
        ProofKey second = ProofKey.generate(random);
        assertTrue(first.verifier().matches("[A-Za-z0-9_-]{43}"), first.verifier());
        assertEquals(ProofKey.challengeOf(first.verifier()), first.challenge());
        assertNotEquals(first.verifier(), second.verifier());
    }
}
