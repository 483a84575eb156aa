package io.accountoauth.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** Checks that a client secret is stored as a digest and matched only by the very secret it came from. */
class ClientSecretsTest {

    private static final String SECRET = "724e6890757b0ae624684b70e111b705fe6b050c";
    private static final String DIGEST = ClientSecrets.digest(SECRET);

    @Test
    void whenDigestedThenDigestIsNotTheSecret() {
        assertNotEquals(SECRET, DIGEST);
        assertFalse(DIGEST.contains(SECRET));
    }

    @Test
    void whenDigestedTwiceThenSameDigest() {
        assertEquals(DIGEST, ClientSecrets.digest(SECRET));
    }

    @Test
    void whenRightSecretPresentedThenMatches() {
        assertTrue(ClientSecrets.matches(SECRET, DIGEST));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
        "724e6890757b0ae624684b70e111b705fe6b050d",
        "724e6890757b0ae624684b70e111b705fe6b050",
        "724E6890757B0AE624684B70E111B705FE6B050C",
        " 724e6890757b0ae624684b70e111b705fe6b050c",
    })
    void whenWrongSecretPresentedThenRefused(String presented) {
        assertFalse(ClientSecrets.matches(presented, DIGEST));
    }

    @Test
    void whenDigestPresentedAsSecretThenRefused() {
        assertFalse(ClientSecrets.matches(DIGEST, DIGEST));
    }

    @Test
    void whenStoredDigestMissingThenRefused() {
        assertFalse(ClientSecrets.matches(SECRET, null));
    }
}
