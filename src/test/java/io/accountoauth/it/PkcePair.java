package io.accountoauth.it;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * A PKCE pair as a client makes one (RFC 7636 §4.1, §4.2): a verifier of 32 random bytes, base64url without
 * padding, and its S256 challenge, BASE64URL(SHA-256(ASCII(verifier))) without padding.
 */
record PkcePair(String verifier, String challenge) {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    static PkcePair random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String verifier = BASE64URL.encodeToString(bytes);
        return new PkcePair(verifier, s256(verifier));
    }

    /** The S256 challenge of a verifier. */
    static String s256(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return BASE64URL.encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
