package io.accountoauth.login;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** Checks salted PBKDF2 hashing in the Jakarta Security format. */
class PasswordHashesTest {

    private static final String HASH = PasswordHashes.hash("correct horse".toCharArray());

    @Test
    void whenTheRightPasswordThenItVerifies() {
        assertTrue(PasswordHashes.verify("correct horse".toCharArray(), HASH));
    }

    @Test
    void whenAWrongPasswordThenItDoesNot() {
        assertFalse(PasswordHashes.verify("correct horsE".toCharArray(), HASH));
        assertFalse(PasswordHashes.verify("".toCharArray(), HASH));
    }

    @Test
    void whenHashedTwiceThenTheSaltsDiffer() {
        assertNotEquals(HASH, PasswordHashes.hash("correct horse".toCharArray()));
    }

    @Test
    void whenHashedThenTheFormatIsAlgorithmIterationsSaltAndHash() {
        String[] parts = HASH.split(":");
        assertEquals("PBKDF2WithHmacSHA256", parts[0]);
        assertEquals(600_000, Integer.parseInt(parts[1]));
        assertEquals(32, Base64.getDecoder().decode(parts[2]).length);
        assertEquals(32, Base64.getDecoder().decode(parts[3]).length);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"PBKDF2WithHmacSHA256:600000:abc", "MD5:1:AAAA:AAAA", "PBKDF2WithHmacSHA256:x:AAAA:AAAA",
            "PBKDF2WithHmacSHA256:0:AAAA:AAAA", "PBKDF2WithHmacSHA256:1000:!!!:AAAA"})
    void whenTheStoredHashIsMalformedThenNothingVerifies(String stored) {
        assertFalse(PasswordHashes.verify("anything".toCharArray(), stored));
    }
}
