package io.accountoauth.token;

import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.util.Base64;

/** Mints unguessable, URL-safe values for codes, tokens and request handles. */
@ApplicationScoped
public class TokenGenerator {

    /** 256 bits: well above the 128 bits that RFC 6749 §10.10 asks of anything guarding access. */
    static final int TOKEN_BYTES = 32;

    private final SecureRandom random = new SecureRandom();

    /** A new random value, base64url without padding (43 characters). */
    public String next() {
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
