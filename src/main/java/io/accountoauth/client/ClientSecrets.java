package io.accountoauth.client;

import io.accountoauth.token.TokenDigest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Client secrets are high-entropy random strings, so a SHA-256 digest is a sufficient one-way store;
 * comparison is constant-time so that response times say nothing about how much of a guess was right.
 */
public final class ClientSecrets {

    private ClientSecrets() {
    }

    public static String digest(String secret) {
        return TokenDigest.of(secret);
    }

    /** No secret is longer: a longer one is wrong without being digested. */
    public static final int MAX_LENGTH = 1024;

    public static boolean matches(String presented, String storedDigest) {
        if (presented == null || storedDigest == null || presented.length() > MAX_LENGTH) {
            return false;
        }
        return MessageDigest.isEqual(
                digest(presented).getBytes(StandardCharsets.US_ASCII),
                storedDigest.getBytes(StandardCharsets.US_ASCII));
    }
}
