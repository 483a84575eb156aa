package io.accountoauth.oauth;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Checks the S256 transform and the verifier and challenge grammar of RFC 7636. */
class PkceTest {

    // RFC 7636 Appendix B: the worked example.
    private static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
    private static final String CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";

    @Test
    void whenVerifierIsTheRfcExampleThenItVerifiesTheRfcChallenge() {
        assertTrue(Pkce.verifies(VERIFIER, CHALLENGE));
    }

    @Test
    void whenVerifierDiffersByOneCharacterThenItDoesNotVerify() {
        assertFalse(Pkce.verifies(VERIFIER.substring(0, 42) + "Y", CHALLENGE));
    }

    // RFC 7636 §4.6: plain is not accepted: the challenge itself is not a verifier of itself.
    @Test
    void whenTheChallengeIsSentAsVerifierThenItDoesNotVerify() {
        assertFalse(Pkce.verifies(CHALLENGE, CHALLENGE));
    }

    @Test
    void whenVerifierOrChallengeIsMissingThenItDoesNotVerify() {
        assertFalse(Pkce.verifies(null, CHALLENGE));
        assertFalse(Pkce.verifies(VERIFIER, null));
    }

    // RFC 7636 §4.1: 43 to 128 characters of ALPHA / DIGIT / "-" / "." / "_" / "~".
    @ParameterizedTest
    @ValueSource(ints = {43, 64, 128})
    void whenLengthIsWithin43To128ThenWellFormed(int length) {
        assertTrue(Pkce.isWellFormed("a".repeat(length)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "short", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
            "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa+", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/",
            "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa=", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa é"})
    void whenLengthOrAlphabetIsWrongThenNotWellFormed(String value) {
        assertFalse(Pkce.isWellFormed(value));
    }

    @Test
    void whenLongerThan128ThenNotWellFormed() {
        assertFalse(Pkce.isWellFormed("a".repeat(129)));
    }
}
