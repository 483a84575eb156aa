package io.accountoauth.login;

import io.accountoauth.platform.RandomValues;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.util.Map;

/**
 * Customers' password hashes through Jakarta Security's {@link Pbkdf2PasswordHash}, which writes
 * {@code PBKDF2WithHmacSHA256:<iterations>:<salt>:<hash>} (base64) and reads the iterations back from the hash.
 */
@ApplicationScoped
public class Passwords {

    /** PBKDF2-HMAC-SHA256 with OWASP's 2023 iteration count, a 256-bit salt and a 256-bit key. */
    public static final Map<String, String> PARAMETERS = Map.of(
            "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA256",
            "Pbkdf2PasswordHash.Iterations", "600000",
            "Pbkdf2PasswordHash.SaltSizeBytes", "32",
            "Pbkdf2PasswordHash.KeySizeBytes", "32");

    @Inject
    Pbkdf2PasswordHash hash;

    /** What an unknown user's password is checked against, so that it takes as long as a known user's. */
    private String decoy;

    @PostConstruct
    void init() {
        hash.initialize(PARAMETERS);
        decoy = hash.generate(RandomValues.next().toCharArray());
    }

    public String hash(char[] password) {
        return hash.generate(password);
    }

    /**
     * True when the password matches the stored hash. A missing hash is checked against a decoy, which takes as
     * long and matches nothing; a malformed one matches nothing.
     */
    public boolean matches(char[] password, String stored) {
        try {
            boolean matches = hash.verify(password, stored != null ? stored : decoy);
            return matches && stored != null;
        } catch (RuntimeException malformed) {
            return false;
        }
    }
}
