package io.accountoauth.login;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import org.glassfish.soteria.identitystores.hash.Pbkdf2PasswordHashImpl;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** Customers' password hashes, made and checked by Jakarta Security's PBKDF2 hash as the servers ship it. */
class PasswordsTest {

    static Passwords passwords;
    static String hash;

    /** Passwords as CDI makes it, with the implementation Payara and WildFly inject. */
    static Passwords passwords() {
        Passwords made = new Passwords();
        made.hash = new Pbkdf2PasswordHashImpl();
        made.init();
        return made;
    }

    @BeforeAll
    static void setUp() {
        passwords = passwords();
        hash = passwords.hash("correct horse".toCharArray());
    }

    @Test
    void whenTheRightPasswordThenItMatches() {
        assertTrue(passwords.matches("correct horse".toCharArray(), hash));
    }

    @Test
    void whenAWrongPasswordThenItDoesNot() {
        assertFalse(passwords.matches("correct horsE".toCharArray(), hash));
        assertFalse(passwords.matches("".toCharArray(), hash));
    }

    @Test
    void whenHashedTwiceThenTheSaltsDiffer() {
        assertNotEquals(hash, passwords.hash("correct horse".toCharArray()));
    }

    @Test
    void whenHashedThenTheFormatIsAlgorithmIterationsSaltAndHash() {
        String[] parts = hash.split(":");
        assertEquals("PBKDF2WithHmacSHA256", parts[0]);
        assertEquals(600_000, Integer.parseInt(parts[1]));
        assertEquals(32, Base64.getDecoder().decode(parts[2]).length);
        assertEquals(32, Base64.getDecoder().decode(parts[3]).length);
    }

    @Test
    void whenAHashWasMadeWithOtherIterationsThenItStillMatches() {
        Pbkdf2PasswordHashImpl older = new Pbkdf2PasswordHashImpl();
        older.initialize(java.util.Map.of("Pbkdf2PasswordHash.Iterations", "210000"));
        assertTrue(passwords.matches("correct horse".toCharArray(), older.generate("correct horse".toCharArray())));
    }

    @Test
    void whenThereIsNoHashThenNothingMatches() {
        assertFalse(passwords.matches("anything".toCharArray(), null));
    }

    @ParameterizedTest
    @EmptySource
    @ValueSource(strings = {"PBKDF2WithHmacSHA256:600000:abc", "MD5:1:AAAA:AAAA", "PBKDF2WithHmacSHA256:x:AAAA:AAAA",
            "PBKDF2WithHmacSHA256:0:AAAA:AAAA", "PBKDF2WithHmacSHA256:1000:!!!:AAAA"})
    void whenTheStoredHashIsMalformedThenNothingMatches(String stored) {
        assertFalse(passwords.matches("anything".toCharArray(), stored));
    }
}
